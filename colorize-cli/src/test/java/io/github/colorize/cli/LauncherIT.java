package io.github.colorize.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.cli.testing.ChildCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository root's {@code colorize} script runs the packaged jar. */
class LauncherIT {

    @TempDir
    Path dir;

    private static Path script() {
        return Path.of(System.getProperty("colorize.cli.jar"))
                .getParent()
                .getParent()
                .getParent()
                .resolve("colorize");
    }

    private Process run(String... args) throws Exception {
        Assumptions.assumeTrue(ChildCli.available(), "needs the packaged jar (run under Failsafe)");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        String[] cmd = new String[args.length + 1];
        cmd[0] = script().toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p;
    }

    @Test
    void printsHelpAndVersionFromAnyWorkingDirectory() throws Exception {
        assertThat(run("--help").exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("out.txt")))
                .startsWith("Usage: colorize")
                .contains("Exit codes:");
        assertThat(run("--version").exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("out.txt"))).startsWith("colorize ");
    }

    @Test
    void reportsUsageErrorsWithExitCode2() throws Exception {
        assertThat(run("--no-such-option").exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("err.txt"))).startsWith("colorize: Unknown option");
    }
}
