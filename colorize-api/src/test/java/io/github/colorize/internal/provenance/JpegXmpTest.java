package io.github.colorize.internal.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.UndecodableImageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpegXmpTest {

    @TempDir
    Path dir;

    private final byte[] jpeg = EncodedSamples.encode(EncodedSamples.image(40, 30, 2), "jpeg");
    private final byte[] packet = XmpWriter.packet(SampleRecords.typical());

    @Test
    void insertionPointIsAfterTheJfifSegment() throws IOException {
        assertThat(jpeg[3] & 0xFF).as("ImageIO writes JFIF APP0 first").isEqualTo(0xE0);
        int app0End = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        for (int n = 0; n < app0End; n++) {
            assertThat(JpegXmp.insertionPoint(jpeg, n)).as("after %d bytes", n).isEqualTo(-1);
        }
        assertThat(JpegXmp.insertionPoint(jpeg, app0End)).isEqualTo(app0End);
        assertThat(jpeg[app0End] & 0xFF).isEqualTo(0xFF);
    }

    @Test
    void insertionPointIsAfterSoiWhenThereIsNoJfifSegment() throws IOException {
        byte[] bare = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB, 0, 4};
        assertThat(JpegXmp.insertionPoint(bare, bare.length)).isEqualTo(2);
        assertThatThrownBy(() -> JpegXmp.insertionPoint(new byte[] {1, 2, 3, 4}, 4))
                .isInstanceOf(IOException.class);
    }

    @Test
    void segmentIsAnApp1WithTheXmpNamespace() {
        byte[] seg = JpegXmp.segment(packet);
        assertThat(seg[0] & 0xFF).isEqualTo(0xFF);
        assertThat(seg[1] & 0xFF).isEqualTo(0xE1);
        assertThat(((seg[2] & 0xFF) << 8) | (seg[3] & 0xFF)).isEqualTo(seg.length - 2);
        assertThat(new String(seg, 4, 29, StandardCharsets.ISO_8859_1)).isEqualTo("http://ns.adobe.com/xap/1.0/\0");
    }

    @Test
    void packetTooLargeForOneSegmentIsRefused() {
        assertThatThrownBy(() -> JpegXmp.segment(new byte[JpegXmp.MAX_PACKET + 1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("APP1");
        assertThat(JpegXmp.segment(new byte[JpegXmp.MAX_PACKET])).hasSize(0xFFFF + 2);
    }

    @Test
    void findsTheRecordAfterOtherApplicationSegmentsAndFillBytes() throws IOException {
        byte[] exif = app(0xE1, "Exif\0\0not really exif".getBytes(StandardCharsets.ISO_8859_1));
        byte[] icc = app(0xE2, "ICC_PROFILE\0whatever".getBytes(StandardCharsets.ISO_8859_1));
        byte[] fill = {(byte) 0xFF};
        byte[] extras = PngXmpTest.concat(PngXmpTest.concat(exif, icc), fill);
        byte[] file = EncodedSamples.splice(jpeg, 2, PngXmpTest.concat(extras, JpegXmp.segment(packet)));
        assertThat(ProvenanceFiles.read(write("after.jpg", file))).contains(SampleRecords.typical());
    }

    @Test
    void noXmpSegmentMeansNoRecord() throws IOException {
        assertThat(ProvenanceFiles.read(write("plain.jpg", jpeg))).isEmpty();
    }

    @Test
    void truncatedHeadersAreUndecodable() throws IOException {
        Path cut = write("cut.jpg", Arrays.copyOf(jpeg, 30));
        assertThatThrownBy(() -> ProvenanceFiles.read(cut))
                .isInstanceOf(UndecodableImageException.class)
                .hasMessageContaining("cut.jpg")
                .hasMessageContaining("truncated JPEG");
    }

    @Test
    void garbageWhereAMarkerBelongsIsUndecodable() throws IOException {
        byte[] file = Arrays.copyOf(jpeg, jpeg.length);
        int app0End = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        file[app0End] = 0x42;
        Path broken = write("broken.jpg", file);
        assertThatThrownBy(() -> ProvenanceFiles.read(broken))
                .isInstanceOf(UndecodableImageException.class)
                .hasMessageContaining("expected a marker");
    }

    private static byte[] app(int marker, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length)
                .put((byte) 0xFF)
                .put((byte) marker)
                .putShort((short) (payload.length + 2))
                .put(payload)
                .array();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
