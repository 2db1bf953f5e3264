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
 * <p>The latest done record of an output also says which photo the file there was made from (see
 * {@link #claim}), so that a batch replaces only its own outputs.
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
    private final Map<String, Claim> claims;
    private final JsonLines appender;
    private final int malformedLines;

    private Manifest(Map<String, Entry> latest, Map<String, Claim> claims, JsonLines appender, int malformedLines) {
        this.latest = latest;
        this.claims = claims;
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
     * Which photo an output was last made from.
     *
     * @param sourceSha256 that photo's SHA-256
     * @param source its absolute path as recorded (see {@link #sourceKey}), or null if not recorded
     */
    public record Claim(String sourceSha256, String source) {}

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
        Map<String, Claim> claims = new HashMap<>();
        int malformed = contents.malformedLines();
        for (Map<String, Object> r : contents.records()) {
            if (r.get("output") instanceof String out
                    && r.get("status") instanceof String status
                    && r.get("sourceSha256") instanceof String sha
                    && r.get("settings") instanceof String settings) {
                latest.put(out, new Entry(out, status, sha, settings));
                if (DONE.equals(status)) {
                    claims.put(out, new Claim(sha, r.get("source") instanceof String src ? src : null));
                }
            } else {
                malformed++;
            }
        }
        Files.createDirectories(outDir);
        return new Manifest(latest, claims, JsonLines.openForAppend(file, true), malformed);
    }

    /**
     * How a source path is recorded, and compared.
     *
     * @param source the source file
     * @return its absolute, normalised path
     */
    public static String sourceKey(Path source) {
        return source.toAbsolutePath().normalize().toString();
    }

    /**
     * The latest {@link #DONE} record for an output: the photo that the file there was made from, if
     * colorize made it.
     *
     * @param output the output path relative to the output folder
     * @return the claim, if any
     */
    public synchronized Optional<Claim> claim(String output) {
        return Optional.ofNullable(claims.get(output));
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
        r.put("source", sourceKey(source));
        r.put("time", Instant.now().toString());
        r.putAll(extra);
        appender.append(r);
        synchronized (this) {
            latest.put(entry.output(), entry);
            if (DONE.equals(entry.status())) {
                claims.put(entry.output(), new Claim(entry.sourceSha256(), sourceKey(source)));
            }
        }
    }

    @Override
    public void close() throws IOException {
        appender.close();
    }
}
