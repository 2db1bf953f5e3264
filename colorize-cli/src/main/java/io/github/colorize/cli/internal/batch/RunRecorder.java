package io.github.colorize.cli.internal.batch;

import io.github.colorize.cli.internal.json.JsonLines;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts outcomes, appends each to the per-run log and passes it on to the listener. Thread-safe.
 */
final class RunRecorder {

    private final JsonLines log;
    private final BatchListener listener;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicBoolean logBroken = new AtomicBoolean();

    RunRecorder(JsonLines log, BatchListener listener) {
        this.log = log;
        this.listener = listener;
    }

    void settle(FileOutcome o) {
        switch (o.status()) {
            case DONE -> done.incrementAndGet();
            case SKIPPED -> skipped.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("event", "file");
        r.put("file", o.path().toString());
        r.put("output", o.output());
        r.put("status", o.status().name().toLowerCase(java.util.Locale.ROOT));
        r.put("reason", o.reason());
        r.put("sourceSha256", o.sourceSha256());
        r.put("hashMs", o.timings().hashMillis());
        r.put("readMs", o.timings().readMillis());
        r.put("colorizeMs", o.timings().colorizeMillis());
        r.put("writeMs", o.timings().writeMillis());
        r.put("totalMs", o.timings().totalMillis());
        append(r);
        listener.finished(o);
    }

    void append(Map<String, ?> record) {
        try {
            log.append(record);
        } catch (IOException e) {
            if (logBroken.compareAndSet(false, true)) {
                listener.warning(log.file() + ": cannot write the run log: " + Causes.of(e));
            }
        }
    }

    int done() {
        return done.get();
    }

    int skipped() {
        return skipped.get();
    }

    int failed() {
        return failed.get();
    }

    int settled() {
        return done.get() + skipped.get() + failed.get();
    }
}
