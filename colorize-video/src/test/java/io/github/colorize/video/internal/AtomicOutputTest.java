package io.github.colorize.video.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.video.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

    @TempDir
    Path dir;

    @Test
    void theTemporaryFileIsHiddenBesideTheTargetAndLeftoversOfKilledRunsAreRemoved() throws IOException {
        Path target = dir.resolve("film.mp4");
        Path leftover = dir.resolve(".film.mp4.0123abcd" + AtomicOutput.SUFFIX);
        Path oldStyleLeftover = dir.resolve(".film.mp4" + AtomicOutput.SUFFIX);
        Path otherFilms = dir.resolve(".film.mp4x.0123abcd" + AtomicOutput.SUFFIX);
        Path otherTarget = dir.resolve(".film.mp4.x.0123abcd" + AtomicOutput.SUFFIX);
        Files.writeString(otherTarget, "the film film.mp4.x's leftover");
        Files.writeString(leftover, "half a film from a killed run");
        Files.writeString(oldStyleLeftover, "half a film from an older version");
        Files.writeString(otherFilms, "another target's leftover is not ours to delete");
        AtomicOutput o = AtomicOutput.prepare(target);
        assertThat(o.temp().getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(o.temp().getFileName().toString()).startsWith(".film.mp4.").endsWith(AtomicOutput.SUFFIX);
        assertThat(leftover).doesNotExist();
        assertThat(oldStyleLeftover).doesNotExist();
        assertThat(otherFilms).exists();
        assertThat(otherTarget).exists();
        Files.writeString(o.temp(), "complete");
        Files.writeString(target, "old");
        o.commit();
        assertThat(Files.readString(target)).isEqualTo("complete");
        assertThat(o.temp()).doesNotExist();
        assertThatThrownBy(o::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoJobsOnOneTargetNeverTouchEachOthersFileAndTheLastCommitWins() throws IOException {
        Path target = dir.resolve("film.mp4");
        AtomicOutput first = AtomicOutput.prepare(target);
        Files.writeString(first.temp(), "first, still being written");
        AtomicOutput second = AtomicOutput.prepare(target);
        assertThat(second.temp()).isNotEqualTo(first.temp());
        assertThat(Files.readString(first.temp())).isEqualTo("first, still being written");
        Files.writeString(second.temp(), "second, complete");
        second.commit();
        Files.writeString(first.temp(), "first, complete");
        first.commit();
        assertThat(Files.readString(target)).isEqualTo("first, complete");
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void theLockOutlivesTheWriterClosingItsOwnDescriptorOfTheFilm() throws Exception {
        Path target = dir.resolve("film.mp4");
        AtomicOutput o = AtomicOutput.prepare(target);
        Files.writeString(o.temp(), "FFmpeg opens and closes the film itself");
        Path lockFile =
                dir.resolve(o.temp().getFileName().toString().replace(AtomicOutput.SUFFIX, AtomicOutput.LOCK_SUFFIX));
        assertThat(probe(lockFile)).isEqualTo("held");
        AtomicOutput.prepare(target).discard(); // a second job of this JVM sweeps: ours is left alone
        assertThat(o.temp()).exists();
        o.commit();
        assertThat(lockFile).doesNotExist();
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void aTemporaryFileLockedByAnotherProcessIsLeftAlone() throws Exception {
        Path target = dir.resolve("film.mp4");
        Path running = dir.resolve(".film.mp4.feedf00d" + AtomicOutput.SUFFIX);
        Path runningLock = dir.resolve(".film.mp4.feedf00d" + AtomicOutput.LOCK_SUFFIX);
        Files.writeString(running, "another process is writing this");
        Files.writeString(runningLock, "");
        Process holder = childJvm(LockHolder.class, runningLock);
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("locked");
            AtomicOutput o = AtomicOutput.prepare(target);
            assertThat(running).exists();
            o.discard();
        } finally {
            holder.getOutputStream().close(); // the holder exits when its input ends
            holder.waitFor();
        }
        AtomicOutput.prepare(target).discard(); // now abandoned: swept
        assertThat(running).doesNotExist();
        assertThat(runningLock).doesNotExist();
    }

    /** Starts {@code main} in another JVM on this test's class path, with the file as its argument. */
    private static Process childJvm(Class<?> main, Path file) throws IOException {
        return ChildJvm.start(main, file.toString());
    }

    private static String probe(Path lockFile) throws Exception {
        Process p = childJvm(LockProbe.class, lockFile);
        String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        return answer;
    }

    /** Run in a child JVM: prints whether the file's lock is free. */
    public static final class LockProbe {
        public static void main(String[] args) throws IOException {
            try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
                System.out.println(ch.tryLock() == null ? "held" : "free");
            }
        }
    }

    @Test
    void aLeftoverThatCannotBeRemovedIsLeftAndTheJobGoesOn() throws IOException {
        // Stands in for another user's files in a shared folder (tests run as root, so permissions
        // would not stop them): a "lock file" that cannot be deleted.
        Path stuck = Files.createDirectories(dir.resolve(".film.mp4.abc" + AtomicOutput.LOCK_SUFFIX));
        Files.writeString(stuck.resolve("inside"), "x");
        AtomicOutput o = AtomicOutput.prepare(dir.resolve("film.mp4"));
        Files.writeString(o.temp(), "complete");
        o.commit();
        assertThat(dir.resolve("film.mp4")).hasContent("complete");
        assertThat(stuck).exists();
    }

    @Test
    void discardRemovesThePartialFileAndKeepsTheTarget() throws IOException {
        Path target = dir.resolve("film.mkv");
        Files.writeString(target, "old");
        AtomicOutput o = AtomicOutput.prepare(target);
        Files.writeString(o.temp(), "partial");
        o.discard();
        o.discard();
        assertThat(o.temp()).doesNotExist();
        assertThat(Files.readString(target)).isEqualTo("old");
    }

    @Test
    void refusesAMissingFolderAndAFolderTarget() {
        assertThatThrownBy(() -> AtomicOutput.prepare(dir.resolve("missing/film.mp4")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("output folder");
        assertThatThrownBy(() -> AtomicOutput.prepare(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("folder");
    }

    private List<Path> partFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(AtomicOutput.SUFFIX)
                            || p.getFileName().toString().endsWith(AtomicOutput.LOCK_SUFFIX))
                    .toList();
        }
    }

    /** Run in a child JVM: locks the file named by its argument until its standard input ends. */
    public static final class LockHolder {
        public static void main(String[] args) throws IOException {
            try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
                ch.lock();
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the test to close our input
                }
            }
        }
    }
}
