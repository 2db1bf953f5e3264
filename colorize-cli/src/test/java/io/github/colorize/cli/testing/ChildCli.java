package io.github.colorize.cli.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the packaged command ({@code target/colorize-cli.jar} with its {@code lib/}) in a child JVM,
 * with the test classes on the class path so that the {@code test-sepia} backend is found. Used by
 * the integration tests that kill, interrupt or race real processes. Paths come from Failsafe's
 * system properties.
 */
public final class ChildCli {

    private final Path workDir;
    private final List<String> jvmArgs = new ArrayList<>();
    private int runs;

    /**
     * Creates a launcher.
     *
     * @param workDir where stdout/stderr captures go
     */
    public ChildCli(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * Whether Failsafe told us where the packaged jar is.
     *
     * @return true when running under Failsafe after {@code package}
     */
    public static boolean available() {
        String jar = System.getProperty("colorize.cli.jar");
        return jar != null && Files.isRegularFile(Path.of(jar));
    }

    /**
     * Adds a JVM option (for example {@code -Dcolorize.test.delayMs=200}).
     *
     * @param arg the option
     * @return this
     */
    public ChildCli jvm(String arg) {
        jvmArgs.add(arg);
        return this;
    }

    /** A started child. */
    public record Child(Process process, Path stdout, Path stderr) {
        /**
         * Waits for the exit.
         *
         * @param seconds the limit
         * @return the exit code
         * @throws Exception if it does not end in time
         */
        public int waitFor(long seconds) throws Exception {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child did not finish in " + seconds + " s; stderr: " + err());
            }
            return process.exitValue();
        }

        /**
         * What it printed on stdout.
         *
         * @return the text
         * @throws IOException if unreadable
         */
        public String out() throws IOException {
            return Files.readString(stdout);
        }

        /**
         * What it printed on stderr.
         *
         * @return the text
         * @throws IOException if unreadable
         */
        public String err() throws IOException {
            return Files.readString(stderr);
        }
    }

    /**
     * Starts {@code colorize ARGS...}.
     *
     * @param args the command line
     * @return the child
     * @throws IOException if it cannot start
     */
    public Child start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("colorize.cli.testClasses")
                + File.pathSeparator
                + System.getProperty("colorize.cli.jar"));
        cmd.add("io.github.colorize.cli.Main");
        cmd.addAll(List.of(args));
        int n = ++runs;
        Path out = workDir.resolve("child-" + n + ".out");
        Path err = workDir.resolve("child-" + n + ".err");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new Child(p, out, err);
    }
}
