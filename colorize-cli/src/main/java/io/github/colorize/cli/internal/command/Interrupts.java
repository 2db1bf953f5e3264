package io.github.colorize.cli.internal.command;

/**
 * Where Ctrl-C (SIGINT) and SIGTERM are routed while a long command runs, so that it can stop
 * cleanly instead of dying mid-photo. Implementations are thread-safe.
 */
public interface Interrupts {

    /** Ignores interrupts: the JVM's default handling applies (for tests and short commands). */
    Interrupts NONE = cancel -> () -> {};

    /**
     * Routes interrupts to an action until the returned handle is closed.
     *
     * @param cancel what to do on an interrupt (asks the running work to stop); must return quickly
     * @return closes the registration
     */
    Registration onInterrupt(Runnable cancel);

    /** An active routing. */
    interface Registration extends AutoCloseable {
        /** Ends the routing. */
        @Override
        void close();
    }
}
