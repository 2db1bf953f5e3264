package io.github.colorize.cli.internal.batch;

import io.github.colorize.cli.internal.json.JsonLines;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The output folder's memory of finished work: {@value #FILE_NAME}, JSON lines appended (and forced
 * to disk) after each output is in place. A photo counts as done only if its output file exists
 * <em>and</em> the latest record for that output carries the source's current SHA-256 and the same
 * settings; so a changed source, changed settings or a deleted output is done again, and a crash
 * between writing an output and recording it only costs one redo.
 *
 * <p>Records are keyed by output path: moving the input folder does not redo anything. Photos found
 * to be in colour already are recorded too, so a rerun need not decode them again.
 *
 * <p>Thread-safe. The caller owns the instance and closes it.
 */
public final class Manifest implements Closeable {

    /** The manifest's file name inside the output folder. */
    public static final String FILE_NAME = ".colorize-manifest.jsonl";

    /** Status of a colourised photo. */
    public static final String DONE = "done";
    /** Status of a photo left alone because it is in colour already. */
    public static final String COLOUR = "colour";

    private final Map<String, Entry> latest;
    private final JsonLines appender;
    private final int malformedLines;

    private Manifest(Map<String, Entry> latest, JsonLines appender, int malformedLines) {
        this.latest = latest;
        this.appender = appender;
        this.malformedLines = malformedLines;
    }

    /**
     * One record.
     *
     * @param output the output path relative to the output folder
     * @param status {@link #DONE} or {@link #COLOUR}
     * @param sourceSha256 the source file's SHA-256 when the record was made
     * @param settings the settings fingerprint (see {@code BatchSettings#fingerprint})
     */
    public record Entry(String output, String status, String sourceSha256, String settings) {
        /** Validates the components. */
        public Entry {
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(sourceSha256, "sourceSha256");
            Objects.requireNonNull(settings, "settings");
        }
    }

    /**
     * Reads the manifest of an output folder (if any) and opens it for appending.
     *
     * @param outDir the output folder
     * @return the manifest
     * @throws IOException if it cannot be read or opened
     */
    public static Manifest open(Path outDir) throws IOException {
        Path file = outDir.resolve(FILE_NAME);
        JsonLines.Contents contents = JsonLines.read(file);
        Map<String, Entry> latest = new HashMap<>();
        int malformed = contents.malformedLines();
        for (Map<String, Object> r : contents.records()) {
            if (r.get("output") instanceof String out
                    && r.get("status") instanceof String status
                    && r.get("sourceSha256") instanceof String sha
                    && r.get("settings") instanceof String settings) {
                latest.put(out, new Entry(out, status, sha, settings));
            } else {
                malformed++;
            }
        }
        Files.createDirectories(outDir);
        return new Manifest(latest, JsonLines.openForAppend(file, true), malformed);
    }

    /**
     * The latest record for an output.
     *
     * @param output the output path relative to the output folder
     * @return the record, if any
     */
    public synchronized Optional<Entry> latest(String output) {
        return Optional.ofNullable(latest.get(output));
    }

    /**
     * Lines of the file that could not be used (a record torn by a crash, say).
     *
     * @return the count at open time
     */
    public int malformedLines() {
        return malformedLines;
    }

    /**
     * Records a finished output. Call only after the output file is in place.
     *
     * @param entry the record
     * @param source the source file, for people reading the manifest
     * @param extra more fields for people (backend, model)
     * @throws IOException if the record cannot be written durably
     */
    public void record(Entry entry, Path source, Map<String, ?> extra) throws IOException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("output", entry.output());
        r.put("status", entry.status());
        r.put("sourceSha256", entry.sourceSha256());
        r.put("settings", entry.settings());
        r.put("source", source.toAbsolutePath().normalize().toString());
        r.put("time", Instant.now().toString());
        r.putAll(extra);
        appender.append(r);
        synchronized (this) {
            latest.put(entry.output(), entry);
        }
    }

    @Override
    public void close() throws IOException {
        appender.close();
    }
}
