package io.github.colorize.video.internal;

import io.github.colorize.video.UndecodableVideoException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * What the demuxer says about a source's video stream and its container, copied into Java once when
 * a {@link VideoSource} opens, before anything is decoded: the values the output is set up from and
 * that {@link io.github.colorize.video.Videos#probe} reports. The colour space is not here: it is
 * resolved from the opened decoder (see {@link VideoSource#colors()}).
 *
 * <p>Immutable and thread-safe; it holds no native memory, so it stays valid after the source is
 * closed. Being a snapshot, it does not see what reading the file may reveal later (a stream that
 * appears mid-file in MPEG-TS, say), which is what the output must be set up from anyway.
 *
 * @param videoStreamIndex the index of the decoded video stream in the container
 * @param storedWidth the width of the frames as stored (before they are turned upright)
 * @param storedHeight the height of the frames as stored
 * @param orientation how the stored frames are turned to come out upright
 * @param keptDisplayMatrix the display matrix to carry over to the output, or null: set only when the
 *     source's asks for an angle that is not a right angle, which is not applied to the pixels
 * @param timeBase the video stream's time base
 * @param frameRate the frame rate FFmpeg infers for the stream (0/1 if unknown)
 * @param sampleAspectRatio the sample (pixel) aspect ratio of the upright frames, 0/1 if unknown
 * @param codecName the name of the video codec, for example "h264"
 * @param containerName the container's short name, for example "mov,mp4,m4a,3gp,3g2,mj2"
 * @param frameCountEstimate the number of frames, from the container's count or else its duration
 *     and frame rate; -1 when unknown
 * @param durationSeconds the duration in seconds, or -1 when unknown
 * @param declared the length the container states for the video stream, which what is read is checked
 *     against (a cut-off download reads fewer frames than it declares)
 * @param audioStreams the indexes of the audio streams, in file order
 */
public record SourceFacts(
        int videoStreamIndex,
        int storedWidth,
        int storedHeight,
        Orientation orientation,
        int[] keptDisplayMatrix,
        Rational timeBase,
        Rational frameRate,
        Rational sampleAspectRatio,
        String codecName,
        String containerName,
        long frameCountEstimate,
        double durationSeconds,
        DeclaredLength declared,
        List<Integer> audioStreams) {

    /** Validates the components and copies the mutable ones, so that no caller can change a value. */
    public SourceFacts {
        if (storedWidth <= 0 || storedHeight <= 0) {
            throw new IllegalArgumentException("bad frame size " + storedWidth + "x" + storedHeight);
        }
        Objects.requireNonNull(orientation, "orientation");
        Objects.requireNonNull(timeBase, "timeBase");
        Objects.requireNonNull(frameRate, "frameRate");
        Objects.requireNonNull(sampleAspectRatio, "sampleAspectRatio");
        Objects.requireNonNull(declared, "declared");
        keptDisplayMatrix = Orientation.copyOfMatrix(keptDisplayMatrix);
        audioStreams = List.copyOf(audioStreams);
    }

    /**
     * Reads the facts of an opened container's video stream.
     *
     * @param file the file, for error messages
     * @param fmt the demuxer, with stream information found; only read
     * @param videoStreamIndex the stream to describe
     * @return the facts
     * @throws UndecodableVideoException if the stream has no frame size
     */
    static SourceFacts read(Path file, AVFormatContext fmt, int videoStreamIndex) {
        AVStream st = fmt.streams(videoStreamIndex);
        AVCodecParameters par = st.codecpar();
        if (par.width() <= 0 || par.height() <= 0) {
            throw new UndecodableVideoException(file, "the video stream has no frame size", null);
        }
        int[] matrix = Orientation.readDisplayMatrix(par);
        Orientation o = Orientation.fromDisplayMatrix(matrix);
        // An odd angle cannot be applied without resampling and cropping the film: the frames stay as
        // stored and the output carries the same matrix, so that players still show it as intended.
        Orientation orientation = o == null ? Orientation.UPRIGHT : o;
        Rational timeBase = Rational.of(st.time_base());
        Rational frameRate = Rational.of(avformat.av_guess_frame_rate(fmt, st, null));
        double seconds = durationSeconds(fmt, st);
        return new SourceFacts(
                videoStreamIndex,
                par.width(),
                par.height(),
                orientation,
                o == null ? matrix : null,
                timeBase,
                frameRate,
                orientation.uprightAspect(Rational.of(par.sample_aspect_ratio())),
                Ffmpeg.string(avcodec.avcodec_get_name(par.codec_id())),
                Ffmpeg.string(fmt.iformat().name()),
                frameCountEstimate(st, seconds, frameRate),
                seconds,
                DeclaredLength.read(fmt, st),
                audioStreams(fmt));
    }

    private static long frameCountEstimate(AVStream st, double seconds, Rational fps) {
        long n = st.nb_frames();
        if (n > 0) {
            return n;
        }
        return seconds > 0 && fps.valid() ? Math.round(seconds * fps.value()) : -1;
    }

    private static double durationSeconds(AVFormatContext fmt, AVStream st) {
        if (st.duration() > 0 && st.duration() != avutil.AV_NOPTS_VALUE) {
            return st.duration() * Rational.of(st.time_base()).value();
        }
        long d = fmt.duration();
        return d > 0 && d != avutil.AV_NOPTS_VALUE ? d / (double) avutil.AV_TIME_BASE : -1;
    }

    private static List<Integer> audioStreams(AVFormatContext fmt) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < fmt.nb_streams(); i++) {
            if (fmt.streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_AUDIO) {
                out.add(i);
            }
        }
        return out;
    }

    /** @return the upright frame width (the stored height when the stream is turned a quarter) */
    public int width() {
        return orientation.uprightWidth(storedWidth, storedHeight);
    }

    /** @return the upright frame height */
    public int height() {
        return orientation.uprightHeight(storedWidth, storedHeight);
    }

    /** @return a copy of the 9 values, or null when the frames come out upright */
    @Override
    public int[] keptDisplayMatrix() {
        return Orientation.copyOfMatrix(keptDisplayMatrix);
    }

    // A record compares arrays by identity; these compare the matrix by its values.

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceFacts f
                && videoStreamIndex == f.videoStreamIndex
                && storedWidth == f.storedWidth
                && storedHeight == f.storedHeight
                && orientation == f.orientation
                && Arrays.equals(keptDisplayMatrix, f.keptDisplayMatrix)
                && timeBase.equals(f.timeBase)
                && frameRate.equals(f.frameRate)
                && sampleAspectRatio.equals(f.sampleAspectRatio)
                && Objects.equals(codecName, f.codecName)
                && Objects.equals(containerName, f.containerName)
                && frameCountEstimate == f.frameCountEstimate
                && Double.compare(durationSeconds, f.durationSeconds) == 0
                && declared.equals(f.declared)
                && audioStreams.equals(f.audioStreams);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                                videoStreamIndex,
                                storedWidth,
                                storedHeight,
                                orientation,
                                timeBase,
                                frameRate,
                                sampleAspectRatio,
                                codecName,
                                containerName,
                                frameCountEstimate,
                                durationSeconds,
                                declared,
                                audioStreams)
                        * 31
                + Arrays.hashCode(keptDisplayMatrix);
    }

    @Override
    public String toString() {
        return "SourceFacts[" + containerName + "/" + codecName + " stream " + videoStreamIndex + ", stored "
                + storedWidth + "x" + storedHeight + ", " + orientation
                + (keptDisplayMatrix == null ? "" : ", kept matrix " + Arrays.toString(keptDisplayMatrix))
                + ", time base " + timeBase + ", " + frameRate + " fps, aspect " + sampleAspectRatio + ", ~"
                + frameCountEstimate + " frames, " + durationSeconds + " s, declared " + declared + ", audio "
                + audioStreams + "]";
    }
}
