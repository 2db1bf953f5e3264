package io.github.colorize.video.internal;

import java.util.Locale;
import java.util.Optional;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * The length a container states for its video stream, and the check that a film read to its end
 * reached it. A file cut off part-way (an interrupted download or copy) often reads to a clean end of
 * file: AVI and MPEG files have their header at the front and simply stop, so FFmpeg reports nothing
 * wrong; only the header's own frame count or duration shows that a part is missing.
 *
 * <p>Only lengths the file states count: a duration FFmpeg estimates from the file size and bit rate
 * is not a statement (and it shrinks with the file). A stated frame count (AVI, MP4) is compared with
 * the frames decoded; a stated duration (MP4, Matroska) with the time the decoded frames cover, which
 * holds for variable frame rates too. Either falling short by more than containers are commonly off
 * by is reported.
 *
 * <p>Immutable and thread-safe.
 *
 * @param frames the frame count the container states for the stream, or -1
 * @param seconds the duration it states for the stream, or -1
 * @param containerWide whether {@code seconds} is the whole container's duration (no stream states
 *     its own): the longest stream's, which may run a little past the last picture
 */
public record DeclaredLength(long frames, double seconds, boolean containerWide) {

    /** Frames the count may be off by (containers and decoders differ by a frame or two). */
    static final int FRAME_TOLERANCE = 2;

    /** Frame steps the duration may be off by. */
    static final int STEP_TOLERANCE = 3;

    /** Seconds a container-wide duration may run past the video (audio that outlasts the picture). */
    static final double CONTAINER_TOLERANCE_SECONDS = 1.0;

    /** Nothing stated. */
    public static final DeclaredLength UNKNOWN = new DeclaredLength(-1, -1, false);

    /**
     * Reads what a container states about a stream.
     *
     * @param fmt the demuxer, with stream information found
     * @param st the video stream
     * @return the stated length
     */
    static DeclaredLength read(AVFormatContext fmt, AVStream st) {
        long frames = st.nb_frames() > 0 ? st.nb_frames() : -1;
        if (fmt.duration_estimation_method() == avformat.AVFMT_DURATION_FROM_BITRATE) {
            // FFmpeg filled the durations in from the file size: no statement, and a cut file agrees with it.
            return new DeclaredLength(frames, -1, false);
        }
        if (st.duration() > 0 && st.duration() != avutil.AV_NOPTS_VALUE) {
            return new DeclaredLength(
                    frames, st.duration() * Rational.of(st.time_base()).value(), false);
        }
        long d = fmt.duration();
        if (d > 0 && d != avutil.AV_NOPTS_VALUE) {
            return new DeclaredLength(frames, d / (double) avutil.AV_TIME_BASE, true);
        }
        return new DeclaredLength(frames, -1, false);
    }

    /**
     * Says how much of the stated length was not read, when that is more than containers are
     * commonly off by.
     *
     * @param framesRead the frames decoded
     * @param secondsRead the time they cover (from the first frame's start to the last frame's end),
     *     or -1 when the frames carry no timestamps
     * @param frameSeconds an ordinary frame's duration, or 0 when unknown
     * @return the warning, in words, or empty when the film is as long as stated (or nothing is stated)
     */
    public Optional<String> shortfall(long framesRead, double secondsRead, double frameSeconds) {
        double step = Math.max(0, frameSeconds);
        long missingFrames = frames > 0 ? frames - framesRead : -1;
        double missingSeconds = seconds > 0 && secondsRead >= 0 ? seconds - secondsRead : -1;
        double tolerance = Math.max(STEP_TOLERANCE * step, containerWide ? CONTAINER_TOLERANCE_SECONDS : 1e-3);
        StringBuilder s = new StringBuilder("the film ends early: ");
        if (missingFrames > FRAME_TOLERANCE) {
            s.append(String.format(
                    Locale.ROOT, "%d of the %d frames its container declares are missing", missingFrames, frames));
            if (step > 0) {
                s.append(String.format(Locale.ROOT, " (%.1f s of %.1f s)", missingFrames * step, frames * step));
            }
        } else if (missingSeconds > tolerance + 1e-6) {
            s.append(String.format(
                    Locale.ROOT, "%.1f s of the %.1f s its container declares are missing", missingSeconds, seconds));
            if (step > 0) {
                s.append(" (about ").append(Math.round(missingSeconds / step)).append(" frames)");
            }
        } else {
            return Optional.empty();
        }
        return Optional.of(s.append("; the file may be cut off (an interrupted download or copy)")
                .toString());
    }

    @Override
    public String toString() {
        return (frames > 0 ? frames + " frames" : "? frames") + ", "
                + (seconds > 0 ? seconds + " s" + (containerWide ? " (container)" : "") : "? s");
    }
}
