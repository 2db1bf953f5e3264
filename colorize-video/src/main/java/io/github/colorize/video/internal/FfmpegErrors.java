package io.github.colorize.video.internal;

import org.bytedeco.javacpp.Loader;

/** The FFmpeg error codes this module tests for. Constants and a pure function; thread-safe. */
final class FfmpegErrors {

    /** {@code AVERROR(EAGAIN)}: errno differs between Darwin and the others. */
    static final int EAGAIN = Loader.getPlatform().startsWith("macosx") ? -35 : -11;

    /** {@code AVERROR(ENOMEM)}: 12 on Linux and Darwin alike. */
    static final int ENOMEM = -12;

    /** The largest errno value; FFmpeg's own codes (AVERROR_EOF, AVERROR_INVALIDDATA...) are far beyond it. */
    private static final int MAX_ERRNO = 4095;

    private FfmpegErrors() {}

    /**
     * Whether an FFmpeg result is {@code AVERROR(errno)} for an operating-system failure (I/O error, a
     * vanished network drive, a timeout) rather than one of FFmpeg's own codes for damaged data. The
     * difference matters: damaged data stays damaged, while a failed read may succeed when run again.
     *
     * @param r a negative FFmpeg result
     * @return true for a negated errno other than EAGAIN
     */
    static boolean isSystemError(int r) {
        return r < 0 && r >= -MAX_ERRNO && r != EAGAIN;
    }
}
