package io.github.colorize.video.internal;

import org.bytedeco.javacpp.Loader;

/** The FFmpeg error codes this module tests for. Constants only. */
final class FfmpegErrors {

    /** {@code AVERROR(EAGAIN)}: errno differs between Darwin and the others. */
    static final int EAGAIN = Loader.getPlatform().startsWith("macosx") ? -35 : -11;

    private FfmpegErrors() {}
}
