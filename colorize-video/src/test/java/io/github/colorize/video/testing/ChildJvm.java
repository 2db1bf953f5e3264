package io.github.colorize.video.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a class's {@code main} in another JVM on this test's class path: for locks and kill -9. */
public final class ChildJvm {

    private ChildJvm() {}

    /**
     * Starts the child, its standard error merged into its standard output.
     *
     * @param main the class whose {@code main} runs
     * @param args its arguments
     * @return the process
     */
    public static Process start(Class<?> main, String... args) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Tests may run on the module path: the child gets both paths as its class path.
        String path = System.getProperty("java.class.path");
        String modules = System.getProperty("jdk.module.path");
        if (modules != null && !modules.isBlank()) {
            path = path.isBlank() ? modules : path + java.io.File.pathSeparator + modules;
        }
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-cp", path, main.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }
}
