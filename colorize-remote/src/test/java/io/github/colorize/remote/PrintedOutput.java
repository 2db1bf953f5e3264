package io.github.colorize.remote;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what a test's code prints while it is open: {@code System.err} (where slf4j-simple writes every
 * log line, at debug in tests) and java.util.logging records (OkHttp logs there), stack traces included.
 * MockWebServer's own log, which shows the URLs it was asked for, is left out. Not thread-safe to open
 * twice at once (it swaps {@code System.err}).
 */
public final class PrintedOutput implements AutoCloseable {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream originalErr = System.err;
    private final List<String> jul = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (String.valueOf(r.getLoggerName()).startsWith("mockwebserver3")) {
                return;
            }
            jul.add(r.getLoggerName() + " " + r.getMessage() + " " + Arrays.toString(r.getParameters()) + " "
                    + (r.getThrown() == null ? "" : stackTrace(r.getThrown())));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    public PrintedOutput() {
        root.addHandler(handler);
        root.setLevel(Level.ALL);
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** What went to {@code System.err} so far. */
    public String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The java.util.logging records so far, one string each. */
    public List<String> julRecords() {
        return List.copyOf(jul);
    }

    @Override
    public void close() {
        System.setErr(originalErr);
        root.removeHandler(handler);
        root.setLevel(rootLevel);
    }

    /** What {@code printStackTrace()} prints for a throwable: message, causes, suppressed. */
    public static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
