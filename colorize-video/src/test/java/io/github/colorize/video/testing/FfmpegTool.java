package io.github.colorize.video.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.bytedeco.javacpp.Loader;

/**
 * The {@code ffmpeg} and {@code ffprobe} programs shipped in the FFmpeg natives jar: an independent
 * way (FFmpeg's own tools, not this module's code) to make test input and to check output.
 */
public final class FfmpegTool {

    private FfmpegTool() {}

    /** @return the path of the ffmpeg program (extracted by JavaCPP) */
    public static String ffmpeg() {
        return Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
    }

    /** @return the path of the ffprobe program */
    public static String ffprobe() {
        return Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
    }

    /**
     * Writes {@link SyntheticClip} at 30000/1001 fps with H.264 (libopenh264) video and a 440 Hz AAC
     * tone as long as the video.
     *
     * @param out the file (its extension picks the container)
     * @return the file
     */
    public static Path writeSyntheticClip(Path out) throws IOException, InterruptedException {
        return writeClip(out, SyntheticClip.WIDTH, SyntheticClip.HEIGHT, SyntheticClip.FRAMES, SyntheticClip::frame);
    }

    /**
     * Writes gray frames at 30000/1001 fps with H.264 (libopenh264) video and a 440 Hz AAC tone as
     * long as the video.
     *
     * @param out the file (its extension picks the container)
     * @param width frame width
     * @param height frame height
     * @param frames how many frames
     * @param frame packed {@code 0xRRGGBB} pixels of frame {@code t}
     * @return the file
     */
    public static Path writeClip(Path out, int width, int height, int frames, IntFunction<int[]> frame)
            throws IOException, InterruptedException {
        double seconds = frames * 1001 / 30000.0;
        List<String> cmd = List.of(
                ffmpeg(),
                "-v",
                "error",
                "-y",
                "-f",
                "rawvideo",
                "-pix_fmt",
                "rgb24",
                "-s",
                width + "x" + height,
                "-r",
                "30000/1001",
                "-i",
                "-",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=44100:duration=" + seconds,
                "-c:v",
                "libopenh264",
                "-b:v",
                "2M",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-b:a",
                "96k",
                out.toString());
        byte[] raw = new byte[width * height * 3];
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CompletableFuture<byte[]> log = drain(p.getInputStream());
        try (OutputStream stdin = p.getOutputStream()) {
            for (int t = 0; t < frames; t++) {
                int[] px = frame.apply(t);
                for (int i = 0; i < px.length; i++) {
                    raw[3 * i] = (byte) (px[i] >> 16);
                    raw[3 * i + 1] = (byte) (px[i] >> 8);
                    raw[3 * i + 2] = (byte) px[i];
                }
                stdin.write(raw);
            }
        }
        finish(p, log, cmd);
        return out;
    }

    /**
     * Copies a file's streams untouched into a new file whose video stream carries a display matrix,
     * as a phone's recording does ({@code ffmpeg -display_rotation}; the bundled FFmpeg ignores the
     * old {@code -metadata:s:v rotate=} tag).
     *
     * @param in the source
     * @param out the new file
     * @param counterClockwise the angle players turn the picture by, counter-clockwise, in degrees
     * @param mirror whether the picture is also mirrored left to right
     * @return the new file
     */
    public static Path withDisplayRotation(Path in, Path out, double counterClockwise, boolean mirror)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(
                List.of(ffmpeg(), "-v", "error", "-y", "-display_rotation:v:0", Double.toString(counterClockwise)));
        if (mirror) {
            cmd.add("-display_hflip:v:0");
        }
        cmd.addAll(List.of("-i", in.toString(), "-map", "0", "-c", "copy", out.toString()));
        run(cmd);
        return out;
    }

    /**
     * The rotation of a file's video stream as ffprobe reports it from the display matrix.
     *
     * @param file the file
     * @return the rotation in degrees (counter-clockwise), or null when the stream has no display matrix
     */
    public static String displayRotation(Path file) throws IOException, InterruptedException {
        List<String> v = run(List.of(
                ffprobe(),
                "-v",
                "error",
                "-select_streams",
                "v:0",
                "-show_entries",
                "stream_side_data=rotation",
                "-of",
                "csv=p=0",
                file.toString()));
        return v.isEmpty() ? null : v.get(0);
    }

    /**
     * The first frame of a file as FFmpeg shows it (turned upright by its display matrix, as players
     * do), in 8-bit gray.
     *
     * @param file the file
     * @param width the upright width
     * @param height the upright height
     * @return {@code width·height} luma values
     */
    public static int[] firstFrameGray(Path file, int width, int height) throws IOException, InterruptedException {
        List<String> cmd = List.of(
                ffmpeg(),
                "-v",
                "error",
                "-i",
                file.toString(),
                "-frames:v",
                "1",
                "-f",
                "rawvideo",
                "-pix_fmt",
                "gray",
                "-");
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        CompletableFuture<byte[]> out = drain(p.getInputStream());
        p.getOutputStream().close();
        byte[] bytes = finish(p, out, cmd);
        if (bytes.length != width * height) {
            throw new IOException(
                    file + ": expected a " + width + "x" + height + " frame, got " + bytes.length + " bytes");
        }
        int[] gray = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            gray[i] = bytes[i] & 0xFF;
        }
        return gray;
    }

    /**
     * Runs a program and returns its standard output lines.
     *
     * @param cmd the command line
     * @return stdout lines
     */
    public static List<String> run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        CompletableFuture<byte[]> out = drain(p.getInputStream());
        p.getOutputStream().close();
        String text = new String(finish(p, out, cmd), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isBlank()) {
                lines.add(l.strip());
            }
        }
        return lines;
    }

    /**
     * The presentation times of a stream's packets, sorted, as ffprobe prints them (seconds).
     *
     * @param file the file
     * @param stream "v:0" or "a:0"
     */
    public static List<String> packetTimes(Path file, String stream) throws IOException, InterruptedException {
        List<String> t = run(List.of(
                ffprobe(),
                "-v",
                "error",
                "-select_streams",
                stream,
                "-show_entries",
                "packet=pts_time",
                "-of",
                "csv=p=0",
                file.toString()));
        List<String> sorted = new ArrayList<>(t);
        sorted.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        return sorted;
    }

    /**
     * One value of a stream, for example {@code codec_name} or {@code avg_frame_rate}.
     */
    public static String streamEntry(Path file, String stream, String entry) throws IOException, InterruptedException {
        List<String> v = run(List.of(
                ffprobe(),
                "-v",
                "error",
                "-select_streams",
                stream,
                "-show_entries",
                "stream=" + entry,
                "-of",
                "csv=p=0",
                file.toString()));
        // csv adds an empty field for the side data of a stream that has some (a display matrix).
        return v.isEmpty() ? null : v.get(0).split(",", -1)[0];
    }

    /**
     * A digest of every packet of the audio streams (timestamps, sizes and MD5 of the payload), as
     * FFmpeg's framemd5 muxer lists them when the streams are copied.
     */
    public static List<String> audioPacketDigests(Path file) throws IOException, InterruptedException {
        List<String> lines = run(List.of(
                ffmpeg(), "-v", "error", "-i", file.toString(), "-map", "0:a", "-c", "copy", "-f", "framemd5", "-"));
        lines.removeIf(l -> l.startsWith("#"));
        return lines;
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                in.transferTo(buf);
                return buf.toByteArray();
            } catch (IOException e) {
                return new byte[0];
            }
        });
    }

    private static byte[] finish(Process p, CompletableFuture<byte[]> out, List<String> cmd)
            throws InterruptedException, IOException {
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + cmd);
        }
        byte[] bytes = out.join();
        if (p.exitValue() != 0) {
            throw new IOException(
                    "failed (" + p.exitValue() + "): " + cmd + "\n" + new String(bytes, StandardCharsets.UTF_8));
        }
        return bytes;
    }
}
