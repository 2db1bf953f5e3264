package io.github.colorize.cli.internal.command;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns Ctrl-C and SIGTERM into a clean stop with exit code {@link ExitCodes#INTERRUPTED}, whenever
 * the signal comes. While work is registered, a shutdown hook asks it to cancel, waits (up to {@value
 * #GRACE_SECONDS} s) for the command to finish the photos in flight and print its summary, then ends
 * the process. With nothing registered (still parsing the command line, a short command, between the
 * end of the work and the exit), there is nothing to finish: the process ends at once. Either way the
 * exit code is {@link ExitCodes#INTERRUPTED}, never the JVM's 130 or 143; only a signal before {@link
 * #install} (the JVM still starting) escapes it. {@code kill -9} cannot be caught; the batch's atomic
 * writes and manifest make that safe too. Thread-safe.
 */
public final class ShutdownInterrupts implements Interrupts {

    static final int GRACE_SECONDS = 60;

    private final PrintWriter out;
    private final PrintWriter err;
    private final AtomicReference<Runnable> cancel = new AtomicReference<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean finished;

    private ShutdownInterrupts(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Installs the shutdown hook.
     *
     * @param out stdout, flushed before the process ends
     * @param err stderr, flushed before the process ends
     * @return the routing
     */
    public static ShutdownInterrupts install(PrintWriter out, PrintWriter err) {
        ShutdownInterrupts s = new ShutdownInterrupts(out, err);
        Runtime.getRuntime().addShutdownHook(new Thread(s::onShutdown, "colorize-shutdown"));
        return s;
    }

    @Override
    public Registration onInterrupt(Runnable action) {
        cancel.set(action);
        return () -> cancel.compareAndSet(action, null);
    }

    /**
     * The command has returned; call before {@link System#exit}. A signal after this point leaves the
     * exit code to {@code System.exit}.
     */
    public void finished() {
        finished = true;
        done.countDown();
    }

    private void onShutdown() {
        if (finished) {
            return; // an ordinary exit
        }
        Runnable action = cancel.get();
        if (action != null) {
            action.run();
            try {
                done.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        out.flush();
        err.flush();
        // The main thread cannot call System.exit during shutdown, so the exit code is set here; and it
        // is INTERRUPTED whatever the command returned, since a signal may come after its last photo.
        Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
    }
}
