package io.github.colorize.djl.internal;

import ai.djl.engine.Engine;
import io.github.colorize.BackendUnavailableException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts DJL engines and turns their start-up failures into clear errors. DJL starts an engine in a
 * class initialiser, so a failure surfaces once as {@link ExceptionInInitializerError} and then, on every
 * later call in this JVM, as {@link NoClassDefFoundError}; both are caught here, and the first reason is
 * remembered so that later calls (and availability probes) report it too.
 *
 * <p>The known case: ONNX Runtime's environment is one per process, and DJL's ONNX Runtime engine must
 * create it with its own thread-pool options; if {@code colorize-onnx} (or any other code) created it
 * first, ONNX Runtime refuses the options ("Tried to specify the thread pool ... one already exists") and
 * DJL's engine cannot start in this JVM. Thread-safe.
 */
public final class DjlEngines {

    /** ONNX Runtime's message when an environment already exists. */
    static final String ORT_CLASH_MARKER = "one already exists";

    private static final Map<EngineKind, String> FAILED = new ConcurrentHashMap<>();

    private DjlEngines() {}

    /**
     * Why an engine cannot start in this JVM, if an earlier attempt found out; no side effects.
     *
     * @param kind the engine
     * @return the remembered reason
     */
    public static Optional<String> knownFailure(EngineKind kind) {
        return Optional.ofNullable(FAILED.get(kind));
    }

    /**
     * The engine, started if needed, after the backend's DJL switches are applied.
     *
     * @param kind the engine
     * @return the engine
     * @throws BackendUnavailableException saying why the engine cannot start here
     */
    public static Engine start(EngineKind kind) {
        String known = FAILED.get(kind);
        if (known != null) {
            throw new BackendUnavailableException("djl", known);
        }
        DjlSwitches.apply();
        try {
            return Engine.getEngine(kind.djlName());
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            String reason = explain(kind, e);
            FAILED.putIfAbsent(kind, reason);
            throw new BackendUnavailableException("djl", FAILED.get(kind), e);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // Missing natives and the like: not remembered, the user may fix the class path and retry.
            throw new BackendUnavailableException("djl", explain(kind, e), e);
        }
    }

    /**
     * The message for an engine that failed to start.
     *
     * @param kind the engine
     * @param e what DJL threw
     * @return the message, with what to do about it
     */
    static String explain(EngineKind kind, Throwable e) {
        if (kind == EngineKind.ONNX_RUNTIME && mentions(e, ORT_CLASH_MARKER)) {
            return "DJL's OnnxRuntime engine cannot start in this JVM: ONNX Runtime's process-wide environment"
                    + " was created before it (by the onnx backend or other code), and DJL must create it itself."
                    + " Create DJL colorizers before ONNX ones, use one ONNX backend per JVM, or run .onnx"
                    + " models with the onnx backend.";
        }
        if (kind == EngineKind.PYTORCH) {
            return "DJL's PyTorch engine cannot start: " + rootMessage(e) + ". It needs the native library for"
                    + " this platform on the class path, e.g. ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64"
                    + " (runtime scope), or PYTORCH_LIBRARY_PATH pointing at a libtorch 2.7.1, matching pytorch-jni"
                    + " 2.7.1-0.35.1; the backend keeps DJL offline, so nothing is downloaded";
        }
        return "DJL's " + kind.djlName() + " engine cannot start: " + rootMessage(e);
    }

    private static boolean mentions(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.strip());
    }
}
