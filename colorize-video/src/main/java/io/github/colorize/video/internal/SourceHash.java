package io.github.colorize.video.internal;

import io.github.colorize.video.UndecodableVideoException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a source file, for the provenance record, read in streaming fashion. Stateless. */
public final class SourceHash {

    private SourceHash() {}

    /**
     * Hashes a file.
     *
     * @param file the file
     * @param checkpoint called every few megabytes (may throw to cancel)
     * @return lower-case hex
     * @throws UndecodableVideoException if the file cannot be read
     */
    public static String sha256(Path file, Runnable checkpoint) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            int chunks = 0;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
                if (++chunks % 8 == 0) {
                    checkpoint.run();
                }
            }
        } catch (NoSuchFileException e) {
            throw new UndecodableVideoException(file, "no such file", e);
        } catch (IOException e) {
            throw new UndecodableVideoException(file, "cannot read: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
