package io.github.colorize.cli.internal.batch;

import io.github.colorize.Provenance;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps a batch from writing where it must not: an output folder that cannot be one, and files in it
 * that this batch did not make. Stateless, thread-safe.
 */
final class OutputGuard {

    private OutputGuard() {}

    /**
     * Creates the output folder if needed, or says in one line why it cannot be used.
     *
     * @param outDir the output folder
     * @throws BatchUsageException if it is not a folder, cannot be created, or cannot be written into
     */
    static void prepareFolder(Path outDir) throws BatchUsageException {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new BatchUsageException(outDir + ": is a file, not a folder; choose another --out");
        }
        try {
            Files.createDirectories(outDir);
        } catch (FileAlreadyExistsException e) {
            // Left by a race or a dangling symbolic link: the check above saw nothing there.
            throw new BatchUsageException(outDir + ": cannot create the output folder: " + e.getFile()
                    + " exists and is not a folder; choose another --out");
        } catch (IOException | RuntimeException e) {
            throw new BatchUsageException(
                    outDir + ": cannot create the output folder: " + Causes.of(e, outDir) + "; choose another --out");
        }
        probeWritable(outDir);
    }

    /**
     * Creates and deletes a file in the folder: the only honest test. Permission bits and {@code
     * access(2)} ({@link Files#isWritable}) say nothing true about read-only mounts seen by root, ACLs
     * or network shares. The probe is named like a temporary output, so that the next run's {@link
     * PartFiles#sweep} removes it should this process die in between.
     */
    private static void probeWritable(Path outDir) throws BatchUsageException {
        Path probe;
        try {
            probe = Files.createTempFile(outDir, ".colorize-probe.", ".part");
        } catch (IOException | RuntimeException e) {
            throw new BatchUsageException(outDir + ": cannot write into the output folder: " + Causes.of(e, outDir)
                    + "; choose another --out");
        }
        try {
            // IfExists: another run's start-up sweep may have taken it for a leftover already.
            Files.deleteIfExists(probe);
        } catch (IOException e) {
            throw new BatchUsageException(outDir + ": cannot delete files in the output folder (" + probe.getFileName()
                    + "): " + Causes.of(e, probe) + "; choose another --out");
        }
    }

    /**
     * Why an output must not be written, if it must not: its file exists and was not made from this
     * photo. It was if the manifest's latest done record for it has the same SHA-256 (the same photo,
     * perhaps moved) or the same source path (the photo, edited since), or else if the file's own
     * provenance record names this photo's SHA-256 (the run that wrote it died before recording it, or
     * the manifest was lost). So a rerun, a resumed crash and changed settings replace their own
     * outputs, while a user's file or another batch's output of the same name is left alone.
     *
     * @param manifest the output folder's manifest
     * @param outDir the output folder
     * @param output the output, relative to {@code outDir}
     * @param source the photo
     * @param sha256 the photo's SHA-256
     * @return the reason, naming the target; empty when writing is fine
     */
    static Optional<String> refusal(Manifest manifest, Path outDir, String output, Path source, String sha256) {
        Path target = outDir.resolve(output);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Optional<Manifest.Claim> claim = manifest.claim(output);
        if (claim.isPresent()
                && (claim.get().sourceSha256().equals(sha256)
                        || Manifest.sourceKey(source).equals(claim.get().source()))) {
            return Optional.empty();
        }
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && madeFrom(target, sha256)) {
            return Optional.empty();
        }
        String made = claim.map(c -> "was written by colorize from another photo ("
                        + (c.source() == null ? "SHA-256 " + c.sourceSha256() : c.source()) + ")")
                .orElse("was not written by colorize from this photo");
        return Optional.of("cannot write " + target + ": it exists and " + made + "; use --overwrite to replace it");
    }

    private static boolean madeFrom(Path file, String sha256) {
        try {
            return Provenance.read(file)
                    .flatMap(Provenance::source)
                    .filter(sha256::equals)
                    .isPresent();
        } catch (RuntimeException e) {
            return false; // not a readable colorize output: not ours to replace
        }
    }
}
