package io.github.colorize.video.internal;

import io.github.colorize.Timings;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.BytePointer;

/**
 * One finished stretch of a film's video, as the encoder made it: the encoded packets with their
 * timestamps in the source's time base, exactly, plus what is needed to check that the stretch fits
 * the film and the run that continues it. Not a video container on purpose: containers round or
 * shift timestamps (Matroska to milliseconds, MP4 with edit lists, AVI by frame slots), and the final
 * file must get every packet's pts and dts as the encoder gave them; and a segment must be checkable
 * cheaply and completely (a CRC-32 over the whole file, written last).
 *
 * <p>Layout (big-endian, {@link DataOutputStream}): a header (magic, version, first frame index, time
 * base, encoder name, stream headers), packet records (tag 1, pts, dts, duration, flags, size, data),
 * an end record (tag 0, frame count, first and last pts, scene cuts, timings), the CRC-32. Not
 * thread-safe.
 */
public final class SegmentFile {

    private static final String MAGIC = "colorize-segment";
    private static final int VERSION = 1;

    private SegmentFile() {}

    /**
     * What a complete segment holds.
     *
     * @param file the segment file
     * @param firstFrame the index (0-based, in decoding order of the source) of its first frame
     * @param frames how many frames it holds
     * @param firstPts the first frame's pts, in the source time base
     * @param lastPts the last frame's pts
     * @param sceneCuts scene cuts found in its frames
     * @param timings the colourisation timings of its frames
     * @param header what must equal the encoder's of a run that continues or muxes it
     */
    public record Info(
            Path file,
            long firstFrame,
            long frames,
            long firstPts,
            long lastPts,
            long sceneCuts,
            Timings timings,
            Header header) {}

    /**
     * What a segment's packets depend on: the same for every segment of a film.
     *
     * @param timeBase the packets' time base
     * @param encoder the encoder's name
     * @param extradata the encoder's global stream headers
     */
    public record Header(Rational timeBase, String encoder, byte[] extradata) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Header h
                    && timeBase.equals(h.timeBase)
                    && encoder.equals(h.encoder)
                    && Arrays.equals(extradata, h.extradata);
        }

        @Override
        public int hashCode() {
            return timeBase.hashCode() * 31 + encoder.hashCode() * 17 + Arrays.hashCode(extradata);
        }
    }

    /** Writes one segment: {@link #add} packets, then {@link #finish}; or {@link #close} to abandon. */
    public static final class Writer implements AutoCloseable {
        private final Path file;
        private final FileOutputStream fos;
        private final CheckedOutputStream checked;
        private final DataOutputStream out;
        private byte[] buf = new byte[1 << 16];
        private boolean done;

        /**
         * Creates the file (replacing a leftover) and writes the header.
         *
         * @param file the file, a temporary name that is renamed when complete
         * @param firstFrame the index of the segment's first frame
         * @param header the encoder's time base, name and stream headers
         * @throws IOException if the file cannot be written
         */
        public Writer(Path file, long firstFrame, Header header) throws IOException {
            this.file = file;
            this.fos = new FileOutputStream(file.toFile());
            this.checked = new CheckedOutputStream(new BufferedOutputStream(fos, 1 << 16), new CRC32());
            this.out = new DataOutputStream(checked);
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(firstFrame);
            out.writeInt(header.timeBase().num());
            out.writeInt(header.timeBase().den());
            out.writeUTF(header.encoder());
            out.writeInt(header.extradata().length);
            out.write(header.extradata());
        }

        /**
         * Appends a packet.
         *
         * @param pkt the packet (left as it is)
         * @throws IOException if writing fails
         */
        public void add(AVPacket pkt) throws IOException {
            int size = pkt.size();
            if (buf.length < size) {
                buf = new byte[Math.max(size, buf.length * 2)];
            }
            pkt.data().get(buf, 0, size);
            out.writeByte(1);
            out.writeLong(pkt.pts());
            out.writeLong(pkt.dts());
            out.writeLong(pkt.duration());
            out.writeInt(pkt.flags());
            out.writeInt(size);
            out.write(buf, 0, size);
        }

        /**
         * Writes the end record and the checksum, and forces the file to disk.
         *
         * @param frames frames in the segment
         * @param firstPts the first frame's pts
         * @param lastPts the last frame's pts
         * @param sceneCuts scene cuts found in it
         * @param timings colourisation timings of its frames
         * @throws IOException if writing fails
         */
        public void finish(long frames, long firstPts, long lastPts, long sceneCuts, Timings timings)
                throws IOException {
            out.writeByte(0);
            out.writeLong(frames);
            out.writeLong(firstPts);
            out.writeLong(lastPts);
            out.writeLong(sceneCuts);
            out.writeLong(timings.preprocess().toNanos());
            out.writeLong(timings.inference().toNanos());
            out.writeLong(timings.postprocess().toNanos());
            out.flush();
            long crc = checked.getChecksum().getValue();
            out.writeLong(crc);
            out.flush();
            fos.getFD().sync();
            done = true;
            out.close();
        }

        /** Closes the file; one not finished is deleted. Never throws. */
        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException ignored) {
                // abandoned or already closed
            }
            if (!done) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the work folder's next check discards it
                }
            }
        }
    }

    /**
     * Reads a segment completely and checks it.
     *
     * @param file the file
     * @return what it holds, or null when it is not a complete, intact segment (cut short, damaged,
     *     another version's)
     */
    public static Info check(Path file) {
        try (Reader r = new Reader(file)) {
            AVPacket pkt = avcodec.av_packet_alloc();
            try {
                while (r.next(pkt)) {
                    avcodec.av_packet_unref(pkt);
                }
            } finally {
                avcodec.av_packet_free(pkt);
            }
            return r.info();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Reads a segment's packets in order. */
    public static final class Reader implements AutoCloseable {
        private final Path file;
        private final CheckedInputStream checked;
        private final DataInputStream in;
        private final long firstFrame;
        private final Header header;
        private byte[] buf = new byte[1 << 16];
        private Info info;

        /**
         * Opens a segment and reads its header.
         *
         * @param file the file
         * @throws IOException if it cannot be read or is not a segment of this version
         */
        public Reader(Path file) throws IOException {
            this.file = file;
            InputStream raw = Files.newInputStream(file);
            this.checked = new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), new CRC32());
            this.in = new DataInputStream(checked);
            try {
                if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
                    throw new IOException(file + ": not a segment of this version");
                }
                firstFrame = in.readLong();
                Rational tb = new Rational(in.readInt(), in.readInt());
                String encoder = in.readUTF();
                int n = in.readInt();
                if (n < 0 || n > 1 << 20) {
                    throw new IOException(file + ": damaged header");
                }
                byte[] extradata = new byte[n];
                in.readFully(extradata);
                header = new Header(tb, encoder, extradata);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        }

        /** @return the header */
        public Header header() {
            return header;
        }

        /**
         * Reads the next packet.
         *
         * @param pkt a blank packet, filled with a new reference
         * @return false at the end record (then {@link #info()} is known)
         * @throws IOException if the file is cut short or damaged
         */
        public boolean next(AVPacket pkt) throws IOException {
            if (info != null) {
                return false;
            }
            int tag = in.readByte();
            if (tag == 1) {
                long pts = in.readLong();
                long dts = in.readLong();
                long duration = in.readLong();
                int flags = in.readInt();
                int size = in.readInt();
                if (size < 0 || size > 1 << 28) {
                    throw new IOException(file + ": damaged packet record");
                }
                if (buf.length < size) {
                    buf = new byte[Math.max(size, buf.length * 2)];
                }
                in.readFully(buf, 0, size);
                if (avcodec.av_new_packet(pkt, size) < 0) {
                    throw new OutOfMemoryError("cannot allocate a packet of " + size + " bytes");
                }
                new BytePointer(pkt.data()).put(buf, 0, size);
                pkt.pts(pts).dts(dts).duration(duration).flags(flags);
                return true;
            }
            if (tag != 0) {
                throw new IOException(file + ": damaged record");
            }
            long frames = in.readLong();
            long firstPts = in.readLong();
            long lastPts = in.readLong();
            long cuts = in.readLong();
            Timings t = new Timings(
                    Duration.ofNanos(in.readLong()), Duration.ofNanos(in.readLong()), Duration.ofNanos(in.readLong()));
            long expected = checked.getChecksum().getValue();
            if (in.readLong() != expected || in.read() != -1) {
                throw new IOException(file + ": checksum mismatch");
            }
            info = new Info(file, firstFrame, frames, firstPts, lastPts, cuts, t, header);
            return false;
        }

        /** @return what the segment holds, once {@link #next} returned false; else null */
        public Info info() {
            return info;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
