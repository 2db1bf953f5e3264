package io.github.colorize.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers producing lower-case hex. Static and thread-safe. */
public final class Sha256 {

    /** How many bytes {@link #ofFile(Path, Runnable)} reads between checkpoints: 8 MiB. */
    public static final int CHECKPOINT_BYTES = 8 << 20;

    private Sha256() {}

    /**
     * A fresh digest.
     *
     * @return a SHA-256 {@link MessageDigest}
     */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Hex form of a finished digest.
     *
     * @param digest the digest
     * @return 64 lower-case hex digits
     */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Hashes bytes.
     *
     * @param bytes the data
     * @return 64 lower-case hex digits
     */
    public static String of(byte[] bytes) {
        MessageDigest d = newDigest();
        d.update(bytes);
        return hex(d);
    }

    /**
     * Hashes a file by streaming it.
     *
     * @param file the file
     * @return 64 lower-case hex digits
     * @throws UncheckedIOException if reading fails
     */
    public static String of(Path file) {
        try {
            return ofFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to hash it: " + e.getMessage(), e);
        }
    }

    /**
     * Hashes a file by streaming it, for callers that report I/O failures themselves.
     *
     * @param file the file
     * @return 64 lower-case hex digits
     * @throws IOException if reading fails (a {@link java.nio.file.NoSuchFileException} if it is missing)
     */
    public static String ofFile(Path file) throws IOException {
        return ofFile(file, () -> {});
    }

    /**
     * Hashes a file by streaming it, calling back every {@value #CHECKPOINT_BYTES} bytes so that a long
     * hash (a film of several gigabytes) can be cancelled.
     *
     * @param file the file
     * @param checkpoint called after every {@value #CHECKPOINT_BYTES} bytes read; may throw to stop
     * @return 64 lower-case hex digits
     * @throws IOException if reading fails (a {@link java.nio.file.NoSuchFileException} if it is missing)
     */
    public static String ofFile(Path file, Runnable checkpoint) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = newDigest();
            byte[] buf = new byte[1 << 16];
            long sinceCheckpoint = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
                sinceCheckpoint += n;
                if (sinceCheckpoint >= CHECKPOINT_BYTES) {
                    sinceCheckpoint -= CHECKPOINT_BYTES;
                    checkpoint.run();
                }
            }
            return hex(d);
        }
    }
}
