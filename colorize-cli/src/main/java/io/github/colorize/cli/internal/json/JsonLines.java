package io.github.colorize.cli.internal.json;

import io.github.colorize.internal.json.Json;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An append-only file of JSON objects, one per line, that survives {@code kill -9}: each record is
 * written with one {@code write} call and, when durable, forced to disk before {@link #append}
 * returns. A record cut short by a crash is a malformed last line; readers skip it and the next writer
 * starts on a fresh line, so it never corrupts the record after it.
 *
 * <p>Thread-safe: appends are serialised. The caller owns the instance and must close it.
 */
public final class JsonLines implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private final boolean durable;

    private JsonLines(Path file, FileChannel channel, boolean durable) {
        this.file = file;
        this.channel = channel;
        this.durable = durable;
    }

    /**
     * Opens a file for appending, creating it (and its folder) if needed.
     *
     * @param file the file
     * @param durable whether every record is forced to the storage device (fsync) before returning
     * @return the appender
     * @throws IOException if the file cannot be opened
     */
    public static JsonLines openForAppend(Path file, boolean durable) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        boolean tornTail = false;
        if (Files.exists(file) && Files.size(file) > 0) {
            try (FileChannel r = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer last = ByteBuffer.allocate(1);
                r.read(last, r.size() - 1);
                tornTail = last.get(0) != '\n';
            }
        }
        FileChannel ch =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (tornTail) {
            // A crash cut the last record short: end it so the next record stays parseable.
            try {
                ch.write(ByteBuffer.wrap(new byte[] {'\n'}));
            } catch (IOException e) {
                ch.close();
                throw e;
            }
        }
        return new JsonLines(file, ch, durable);
    }

    /**
     * Appends one record.
     *
     * @param record the fields, written in iteration order
     * @throws IOException if writing fails
     */
    public synchronized void append(Map<String, ?> record) throws IOException {
        byte[] line = (Json.write(record) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(line);
        long before = channel.size();
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        } catch (IOException e) {
            // A full disk may take part of the line: cut it off, so that the next record (written once
            // space is freed, in this run or the next) starts on a line of its own.
            try {
                channel.truncate(before);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        if (durable) {
            channel.force(false);
        }
    }

    /**
     * The file written to.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /**
     * Reads every well-formed record of a file; malformed lines (a crash's torn last record, stray
     * edits, a line that is not a JSON object) are counted, not fatal.
     *
     * @param file the file
     * @return the records and the number of lines skipped; empty if the file does not exist. Values are
     *     as {@link Json#parse} returns them (numbers as {@link java.math.BigDecimal})
     * @throws IOException if the file exists but cannot be read
     */
    public static Contents read(Path file) throws IOException {
        List<Map<String, Object>> records = new ArrayList<>();
        int skipped = 0;
        // InputStreamReader replaces malformed bytes (a torn multi-byte character) instead of failing.
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(Json.parseObject(line));
                } catch (IllegalArgumentException e) {
                    skipped++; // a JsonException: torn, edited, or not an object
                }
            }
        } catch (NoSuchFileException e) {
            return new Contents(List.of(), 0);
        }
        return new Contents(List.copyOf(records), skipped);
    }

    /**
     * What {@link #read} found.
     *
     * @param records the well-formed records, in file order
     * @param malformedLines how many non-blank lines could not be parsed
     */
    public record Contents(List<Map<String, Object>> records, int malformedLines) {}
}
