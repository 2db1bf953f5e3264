package io.github.colorize.video.internal;

import io.github.colorize.internal.io.AtomicFiles;
import io.github.colorize.internal.io.HeldLocks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder beside a target where a film is written in segments, so that a run stopped part-way (a
 * crash, {@code kill -9}, Ctrl-C, a power cut) can be continued by the next: {@code
 * .NAME.colorize-work/}, holding a lock file, the job's fingerprint ({@code job.properties}: the
 * source's SHA-256 and size, the colorizer, the options, the encoder and segment length), the
 * provenance record of the run that started the film, and the segments ({@code 000000.seg}, ...),
 * each written under a {@code .part} name and renamed when complete and on disk.
 *
 * <p>A folder whose fingerprint differs (another film with the same target name, other options, or
 * another model) is emptied before use: segments are never mixed across films or settings. The lock
 * (an operating-system lock on {@code lock}, held by a live job only) keeps a second job on the same
 * target out; that job writes its film in one pass instead. Not thread-safe; one per job.
 */
public final class WorkFolder implements AutoCloseable {

    /** The suffix of the folder's name. */
    public static final String SUFFIX = ".colorize-work";

    static final String SEGMENT_SUFFIX = ".seg";
    private static final String JOB = "job.properties";
    private static final String PROVENANCE = "provenance.properties";
    private static final String LOCK = "lock";

    private static final Logger LOG = LoggerFactory.getLogger(WorkFolder.class);

    private final Path dir;
    private final Path lockFile;
    private FileChannel lockChannel;

    private WorkFolder(Path dir, Path lockFile, FileChannel lockChannel) {
        this.dir = dir;
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
    }

    /**
     * The folder a target's segments go to.
     *
     * @param target the final file
     * @return {@code .NAME.colorize-work} beside it
     */
    public static Path of(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + SUFFIX);
    }

    /**
     * Creates or opens a target's work folder and locks it.
     *
     * @param target the final file (its folder exists)
     * @return the locked folder, or null when another live job holds it
     * @throws IOException if the folder cannot be created or locked
     */
    public static WorkFolder acquire(Path target) throws IOException {
        Path dir = of(target);
        for (int attempt = 0; attempt < 3; attempt++) {
            Files.createDirectories(dir);
            Path lockFile = dir.resolve(LOCK);
            if (HeldLocks.contains(lockFile)) {
                return null; // a job of this JVM
            }
            HeldLocks.add(lockFile);
            FileChannel ch = null;
            try {
                ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = ch.tryLock();
                if (lock == null) {
                    HeldLocks.remove(lockFile);
                    ch.close();
                    return null; // another process's live job
                }
                if (Files.exists(lockFile)) {
                    return new WorkFolder(dir, lockFile, ch);
                }
                // The job that held it finished and deleted the folder meanwhile: start again.
            } catch (OverlappingFileLockException e) {
                HeldLocks.remove(lockFile);
                ch.close();
                return null;
            } catch (IOException | RuntimeException e) {
                HeldLocks.remove(lockFile);
                if (ch != null) {
                    ch.close();
                }
                throw e;
            }
            HeldLocks.remove(lockFile);
            ch.close();
        }
        throw new IOException(dir + ": cannot lock the work folder");
    }

    /** @return the folder */
    public Path dir() {
        return dir;
    }

    /**
     * Makes the folder this job's: when the fingerprint stored there differs, or there is none, every
     * segment and record in it is deleted and this fingerprint stored.
     *
     * @param fingerprint what the segments depend on, in words (compared exactly)
     * @return true when the folder held another job's work, which was deleted
     * @throws IOException if the folder cannot be read or written
     */
    public boolean adopt(String fingerprint) throws IOException {
        Properties job = load(JOB);
        if (fingerprint.equals(job.getProperty("fingerprint"))) {
            return false;
        }
        boolean foreign = !segmentFiles().isEmpty();
        if (foreign) {
            LOG.info("{}: made for another film or other settings; its segments are discarded", dir);
        }
        clear();
        Properties p = new Properties();
        p.setProperty("fingerprint", fingerprint);
        store(JOB, p);
        return foreign;
    }

    /**
     * The complete segments that continue one another from the film's first frame, each checked
     * completely; the first one that is missing, damaged, cut short or made with another header ends
     * the list, and it and every later segment are deleted (to be redone).
     *
     * @param header what every segment must have been made with
     * @param segmentFrames frames in every segment but the film's last
     * @return the segments, in order
     * @throws IOException if the folder cannot be read
     */
    public List<SegmentFile.Info> completeSegments(SegmentFile.Header header, long segmentFrames) throws IOException {
        List<SegmentFile.Info> out = new ArrayList<>();
        boolean broken = false;
        long next = 0;
        for (Map.Entry<Integer, Path> e : segmentFiles().entrySet()) {
            SegmentFile.Info info = broken || e.getKey() != out.size() ? null : SegmentFile.check(e.getValue());
            boolean fits = info != null
                    && info.header().equals(header)
                    && info.firstFrame() == next
                    && info.frames() > 0
                    && info.frames() <= segmentFrames
                    && (out.isEmpty() || out.get(out.size() - 1).frames() == segmentFrames);
            if (!fits) {
                if (!broken) {
                    LOG.info("{}: not a complete segment that continues the ones before it; redone", e.getValue());
                }
                broken = true;
                Files.deleteIfExists(e.getValue());
                continue;
            }
            out.add(info);
            next += info.frames();
        }
        return out;
    }

    /**
     * The temporary name a segment is written under.
     *
     * @param index the segment's number
     * @return the path (a leftover of a killed run is replaced)
     */
    public Path partFor(int index) {
        return dir.resolve(name(index) + ".part");
    }

    /**
     * Gives a complete segment (already forced to disk) its final name, and makes the rename itself
     * durable.
     *
     * @param part the file written under {@link #partFor}
     * @param index the segment's number
     * @return the segment's final path
     * @throws IOException if the rename fails
     */
    public Path commit(Path part, int index) throws IOException {
        Path done = dir.resolve(name(index));
        AtomicFiles.moveIntoPlace(part, done);
        forceFolder();
        return done;
    }

    /**
     * The provenance record stored by the run that started the film.
     *
     * @return the container tags, or empty when none is stored
     * @throws IOException if it cannot be read
     */
    public Map<String, String> provenance() throws IOException {
        Map<String, String> tags = new TreeMap<>();
        load(PROVENANCE).forEach((k, v) -> tags.put((String) k, (String) v));
        return tags;
    }

    /**
     * Stores the provenance record of the run that starts the film.
     *
     * @param tags the record as container tags
     * @throws IOException if it cannot be written
     */
    public void storeProvenance(Map<String, String> tags) throws IOException {
        Properties p = new Properties();
        p.putAll(tags);
        store(PROVENANCE, p);
    }

    /**
     * Deletes the segments and the provenance record, keeping the fingerprint: for a film whose
     * segments turn out not to fit it after all.
     *
     * @throws IOException if they cannot be deleted
     */
    public void discardSegments() throws IOException {
        clear();
    }

    /** Deletes everything in the folder and the folder, and releases the lock. Never throws. */
    public void delete() {
        try {
            clear();
            Files.deleteIfExists(dir.resolve(JOB));
            close();
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.info("{}: cannot remove the work folder ({}); it is left", dir, e.toString());
            close();
        }
    }

    /**
     * Releases the lock, keeping the segments for the next run; a folder with no complete segment is
     * deleted. Never throws.
     */
    @Override
    public void close() {
        if (lockChannel == null) {
            return;
        }
        try {
            if (segmentFiles().isEmpty()) {
                clear();
                Files.deleteIfExists(dir.resolve(JOB));
                Files.deleteIfExists(lockFile);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            // left for the next run to tidy
        }
        try {
            lockChannel.close();
        } catch (IOException ignored) {
            // only releases the lock
        }
        lockChannel = null;
        HeldLocks.remove(lockFile);
    }

    private static String name(int index) {
        return String.format(Locale.ROOT, "%06d", index) + SEGMENT_SUFFIX;
    }

    private TreeMap<Integer, Path> segmentFiles() throws IOException {
        TreeMap<Integer, Path> out = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SEGMENT_SUFFIX)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                String number = n.substring(0, n.length() - SEGMENT_SUFFIX.length());
                if (number.matches("[0-9]{6,9}")) {
                    out.put(Integer.parseInt(number), f);
                }
            }
        }
        return out;
    }

    /** Deletes the segments, their temporary files and the provenance record (not the lock). */
    private void clear() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                if (n.endsWith(SEGMENT_SUFFIX) || n.endsWith(SEGMENT_SUFFIX + ".part") || n.equals(PROVENANCE)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private Properties load(String name) throws IOException {
        Properties p = new Properties();
        Path f = dir.resolve(name);
        if (Files.exists(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return new Properties(); // damaged: as if absent
            }
        }
        return p;
    }

    private void store(String name, Properties p) throws IOException {
        Path tmp = dir.resolve(name + ".tmp");
        try (java.io.Writer w = new java.io.OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8)) {
            p.store(w, null);
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        AtomicFiles.moveIntoPlace(tmp, dir.resolve(name));
        forceFolder();
    }

    private void forceFolder() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Not every file system lets a folder be opened: the rename is still atomic, only perhaps not yet durable.
        }
    }
}
