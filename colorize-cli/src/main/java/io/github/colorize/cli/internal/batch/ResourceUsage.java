package io.github.colorize.cli.internal.batch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Peak memory of this process, for the run log and {@code --verbose}: the Java heap's peak (sum of the
 * heap pools' peaks, an upper bound) and, on Linux, the peak resident set size (which includes native memory such as
 * ONNX Runtime's). Stateless, thread-safe.
 */
public final class ResourceUsage {

    private ResourceUsage() {}

    /**
     * The sum of the heap pools' peak usage.
     *
     * @return bytes
     */
    public static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /**
     * The peak resident set size ({@code VmHWM} in {@code /proc/self/status}).
     *
     * @return bytes, or empty where the platform does not say
     */
    public static OptionalLong peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return OptionalLong.of(Long.parseLong(kb) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
