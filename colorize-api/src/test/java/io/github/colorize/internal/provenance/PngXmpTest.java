package io.github.colorize.internal.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.MalformedProvenanceException;
import io.github.colorize.Provenance;
import io.github.colorize.UndecodableImageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngXmpTest {

    @TempDir
    Path dir;

    private final byte[] png = EncodedSamples.encode(EncodedSamples.image(40, 30, 1), "png");
    private final byte[] packet = XmpWriter.packet(SampleRecords.typical());

    @Test
    void insertionPointIsRightAfterIhdrAndNeedsOnlyThatMuch() throws IOException {
        for (int n = 0; n < 33; n++) {
            assertThat(PngXmp.insertionPoint(png, n)).as("after %d bytes", n).isEqualTo(-1);
        }
        assertThat(PngXmp.insertionPoint(png, 33)).isEqualTo(33);
        assertThat(PngXmp.insertionPoint(png, png.length)).isEqualTo(33);
        assertThat(new String(png, 37, 4, StandardCharsets.ISO_8859_1)).isNotEqualTo("IHDR");
    }

    @Test
    void insertionPointRefusesWhatIsNotAPng() {
        byte[] jpeg = EncodedSamples.encode(EncodedSamples.image(8, 8, 1), "jpeg");
        assertThatThrownBy(() -> PngXmp.insertionPoint(jpeg, jpeg.length))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void chunkIsAValidITxtChunkWithTheXmpKeyword() {
        byte[] chunk = PngXmp.chunk(packet);
        ByteBuffer b = ByteBuffer.wrap(chunk);
        int length = b.getInt();
        assertThat(length).isEqualTo(chunk.length - 12);
        assertThat(new String(chunk, 4, 4, StandardCharsets.ISO_8859_1)).isEqualTo("iTXt");
        assertThat(new String(chunk, 8, 18, StandardCharsets.ISO_8859_1)).isEqualTo("XML:com.adobe.xmp\0");
        CRC32 crc = new CRC32();
        crc.update(chunk, 4, 4 + length);
        assertThat(b.getInt(8 + length)).isEqualTo((int) crc.getValue());
        assertThat(Arrays.copyOfRange(chunk, 8 + 22, 8 + length)).isEqualTo(packet);
    }

    @Test
    void findsTheRecordRightAfterIhdrOrAfterTheImageData() throws IOException {
        Path early = write("early.png", EncodedSamples.splice(png, 33, PngXmp.chunk(packet)));
        int iend = png.length - 12;
        Path late = write("late.png", EncodedSamples.splice(png, iend, PngXmp.chunk(packet)));
        assertThat(ProvenanceFiles.read(early)).contains(SampleRecords.typical());
        assertThat(ProvenanceFiles.read(late)).contains(SampleRecords.typical());
    }

    @Test
    void skipsOtherTextChunksAndReadsACompressedXmpChunk() throws IOException {
        byte[] other = chunk("iTXt", concat("Comment\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1), packet));
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(deflated)) {
            z.write(packet);
        }
        byte[] compressed = chunk(
                "iTXt",
                concat("XML:com.adobe.xmp\0\1\0\0\0".getBytes(StandardCharsets.ISO_8859_1), deflated.toByteArray()));
        Path file = write("z.png", EncodedSamples.splice(png, 33, concat(other, compressed)));
        assertThat(ProvenanceFiles.read(file)).contains(SampleRecords.typical());
    }

    @Test
    void noXmpChunkMeansNoRecord() throws IOException {
        assertThat(ProvenanceFiles.read(write("plain.png", png))).isEmpty();
    }

    @Test
    void damagedXmpChunkFailsItsCrcCheck() throws IOException {
        byte[] file = EncodedSamples.splice(png, 33, PngXmp.chunk(packet));
        file[33 + 8 + 40] ^= 0x20; // flip a bit inside the packet
        Path damaged = write("damaged.png", file);
        assertThatThrownBy(() -> ProvenanceFiles.read(damaged))
                .isInstanceOf(MalformedProvenanceException.class)
                .hasMessageContaining("damaged.png")
                .hasMessageContaining("CRC");
    }

    @Test
    void truncatedFileIsUndecodable() throws IOException {
        Path cut = write("cut.png", Arrays.copyOf(png, 50));
        assertThatThrownBy(() -> ProvenanceFiles.read(cut))
                .isInstanceOf(UndecodableImageException.class)
                .hasMessageContaining("cut.png")
                .hasMessageContaining("truncated PNG");
    }

    @Test
    void hugeXmpChunkIsRefusedWithoutReadingIt() throws IOException {
        byte[] header = ByteBuffer.allocate(8 + 18)
                .putInt(PngXmp.MAX_PACKET + 1)
                .put("iTXt".getBytes(StandardCharsets.ISO_8859_1))
                .put("XML:com.adobe.xmp\0".getBytes(StandardCharsets.ISO_8859_1))
                .array();
        Path huge = write("huge.png", concat(Arrays.copyOf(png, 33), header));
        assertThatThrownBy(() -> ProvenanceFiles.read(huge))
                .isInstanceOf(MalformedProvenanceException.class)
                .hasMessageContaining("more than");
    }

    @Test
    void splicedFileStillDecodesToTheSamePixels() throws IOException {
        Path file = write("same.png", EncodedSamples.splice(png, 33, PngXmp.chunk(packet)));
        Provenance back = ProvenanceFiles.read(file).orElseThrow();
        assertThat(back).isEqualTo(SampleRecords.typical());
        assertThat(pixels(javax.imageio.ImageIO.read(file.toFile())))
                .isEqualTo(pixels(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png))));
    }

    private static int[] pixels(java.awt.image.BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(type.getBytes(StandardCharsets.ISO_8859_1))
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
