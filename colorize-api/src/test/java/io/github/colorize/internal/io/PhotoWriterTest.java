package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ImageFormat;
import io.github.colorize.ImageWriteOptions;
import io.github.colorize.Provenance;
import io.github.colorize.Timings;
import io.github.colorize.internal.provenance.JpegXmp;
import io.github.colorize.internal.provenance.PngXmp;
import io.github.colorize.internal.provenance.ProvenanceFiles;
import io.github.colorize.internal.provenance.SplicingOutputStream;
import io.github.colorize.internal.provenance.XmpWriter;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PhotoWriterTest {

    private static final Provenance RECORD = Provenance.builder()
            .software("colorize")
            .softwareVersion("1.2.3")
            .backend("onnx")
            .model("deoldify-stable")
            .renderFactor(21)
            .chromaStrength(1.25)
            .device("cpu")
            .timings(new Timings(Duration.ofMillis(5), Duration.ofMillis(700), Duration.ofMillis(9)))
            .created(Instant.parse("2026-01-02T03:04:05Z"))
            .sourceName("scan.tif")
            .sourceSha256("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")
            .build();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void embeddedRecordReadsBackEqual(ImageFormat format) throws IOException {
        Path file = dir.resolve("out." + format.extension());
        PhotoWriter.write(image(50, 40, 1), RECORD, file, ImageWriteOptions.of(format));
        assertThat(ProvenanceFiles.read(file)).contains(RECORD);
    }

    /** Embedding adds exactly one chunk or segment and changes nothing else, so pixels are unaffected. */
    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void metadataChangesNoPixelAndNoOtherByte(ImageFormat format) throws IOException {
        BufferedImage img = image(97, 61, 2);
        Path with = dir.resolve("with." + format.extension());
        Path without = dir.resolve("without." + format.extension());
        PhotoWriter.write(img, RECORD, with, ImageWriteOptions.of(format));
        PhotoWriter.write(img, null, without, ImageWriteOptions.of(format));

        assertThat(pixels(ImageIO.read(with.toFile()))).isEqualTo(pixels(ImageIO.read(without.toFile())));
        if (format == ImageFormat.PNG) {
            assertThat(pixels(ImageIO.read(with.toFile()))).isEqualTo(pixels(img));
        }
        byte[] plain = Files.readAllBytes(without);
        byte[] block = format == ImageFormat.PNG
                ? PngXmp.chunk(XmpWriter.packet(RECORD))
                : JpegXmp.segment(XmpWriter.packet(RECORD));
        int at = format == ImageFormat.PNG
                ? PngXmp.insertionPoint(plain, plain.length)
                : JpegXmp.insertionPoint(plain, plain.length);
        byte[] expected = new byte[plain.length + block.length];
        System.arraycopy(plain, 0, expected, 0, at);
        System.arraycopy(block, 0, expected, at, block.length);
        System.arraycopy(plain, at, expected, at + block.length, plain.length - at);
        assertThat(Files.readAllBytes(with)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void noRecordWhenNoneGivenOrEmbeddingIsOff(ImageFormat format) throws IOException {
        Path none = dir.resolve("none." + format.extension());
        Path off = dir.resolve("off." + format.extension());
        PhotoWriter.write(image(20, 20, 3), null, none, ImageWriteOptions.of(format));
        PhotoWriter.write(
                image(20, 20, 3), RECORD, off, ImageWriteOptions.of(format).withEmbedMetadata(false));
        assertThat(ProvenanceFiles.packet(none)).isEmpty();
        assertThat(ProvenanceFiles.packet(off)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void failingEncoderLeavesNoTempFileAndNeverTouchesTheTarget(ImageFormat format) throws IOException {
        Path target = dir.resolve("existing." + format.extension());
        byte[] old = "the user's earlier result".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(target, old);
        FailingImage failing = new FailingImage(64, 64);

        assertThatThrownBy(() -> PhotoWriter.write(failing, RECORD, target, ImageWriteOptions.of(format)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(target.toString())
                .hasRootCauseMessage("pixels unavailable");
        assertThat(failing.pixelRequests).as("the encoder really started").isPositive();
        assertThat(Files.readAllBytes(target)).isEqualTo(old);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }

        Path fresh = dir.resolve("fresh." + format.extension());
        assertThatThrownBy(() -> PhotoWriter.write(new FailingImage(64, 64), null, fresh, ImageWriteOptions.of(format)))
                .hasRootCauseMessage("pixels unavailable");
        assertThat(fresh).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void replacesAnExistingFileWhole(ImageFormat format) throws IOException {
        Path target = dir.resolve("again." + format.extension());
        Files.write(target, new byte[1_000_000]);
        PhotoWriter.write(image(30, 30, 4), RECORD, target, ImageWriteOptions.of(format));
        assertThat(ImageIO.read(target.toFile()).getWidth()).isEqualTo(30);
        assertThat(ProvenanceFiles.read(target)).contains(RECORD);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void outputGetsTheFolderDefaultPermissionsNotOwnerOnlyTempFilePermissions() throws IOException {
        Path target = dir.resolve("perm.png");
        PhotoWriter.write(image(10, 10, 5), RECORD, target, ImageWriteOptions.of(ImageFormat.PNG));
        Path plain = Files.createFile(dir.resolve("plain-file"));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
            assertThat(Files.getPosixFilePermissions(target)).isEqualTo(expected);
        }
    }

    @Test
    void jpegFlattensAlphaOntoWhiteAndWritesThreeChannels() throws IOException {
        BufferedImage argb = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                argb.setRGB(x, y, x < 16 ? 0xFF204080 : 0x00000000); // left opaque blue-ish, right transparent
            }
        }
        Path file = dir.resolve("alpha.jpg");
        PhotoWriter.write(
                argb, RECORD, file, ImageWriteOptions.of(ImageFormat.JPEG).withJpegQuality(1f));

        BufferedImage back = ImageIO.read(file.toFile());
        assertThat(back.getColorModel().getNumComponents()).isEqualTo(3);
        assertThat(close(back.getRGB(4, 16), 0x204080)).isTrue();
        assertThat(close(back.getRGB(28, 16), 0xFFFFFF)).isTrue();
        assertThat(ProvenanceFiles.read(file)).contains(RECORD);
    }

    @Test
    void pngKeepsAlpha() throws IOException {
        BufferedImage argb = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(1, 1, 0x80FF0000);
        Path file = dir.resolve("alpha.png");
        PhotoWriter.write(argb, RECORD, file, ImageWriteOptions.of(ImageFormat.PNG));
        assertThat(ImageIO.read(file.toFile()).getRGB(1, 1)).isEqualTo(0x80FF0000);
    }

    /**
     * A short image is JPEG-encoded whole and handed to the splicer in one write; noise makes that write
     * far longer than the splicer's 64 KiB look-ahead, which must not matter since the record goes
     * near the start.
     */
    @Test
    void shortWideNoisyJpegOfMoreThan64KiBKeepsItsRecord() throws IOException {
        Random random = new Random(11);
        BufferedImage strip = new BufferedImage(3000, 96, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < strip.getHeight(); y++) {
            for (int x = 0; x < strip.getWidth(); x++) {
                strip.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        Path file = dir.resolve("strip.jpg");
        PhotoWriter.write(strip, RECORD, file, ImageWriteOptions.of(ImageFormat.JPEG));

        assertThat(Files.size(file)).as("larger than the look-ahead").isGreaterThan(1 << 17);
        assertThat(ProvenanceFiles.read(file)).contains(RECORD);
        BufferedImage back = ImageIO.read(file.toFile());
        assertThat(back.getWidth()).isEqualTo(3000);
        assertThat(back.getHeight()).isEqualTo(96);
    }

    @Test
    void outputEndingBeforeTheRecordsPlaceFailsNamingTheFile() throws IOException {
        Path target = dir.resolve("cut-short.jpg");
        SplicingOutputStream out =
                new SplicingOutputStream(OutputStream.nullOutputStream(), JpegXmp::insertionPoint, new byte[] {1});
        out.write(new byte[] {(byte) 0xFF, (byte) 0xD8}); // SOI, and then the encoder stopped

        assertThatThrownBy(() -> PhotoWriter.requireSpliced(out, target, ImageFormat.JPEG))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(target.toString())
                .hasMessageContaining("ended before the provenance record could be inserted");
    }

    private static boolean close(int argb, int rgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((argb >> shift) & 0xFF) - ((rgb >> shift) & 0xFF)) > 6) {
                return false;
            }
        }
        return true;
    }

    private static BufferedImage image(int w, int h, long seed) {
        Random random = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, ((x * 4) << 16) | ((y * 4) << 8) | random.nextInt(64));
            }
        }
        return img;
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    /** An image whose pixels cannot be read: any encoder fails on it part-way through. */
    private static final class FailingImage extends BufferedImage {
        int pixelRequests;

        FailingImage(int w, int h) {
            super(w, h, BufferedImage.TYPE_INT_RGB);
        }

        private IllegalStateException fail() {
            pixelRequests++;
            return new IllegalStateException("pixels unavailable");
        }

        @Override
        public WritableRaster getRaster() {
            throw fail();
        }

        @Override
        public Raster getData() {
            throw fail();
        }

        @Override
        public Raster getData(Rectangle rect) {
            throw fail();
        }

        @Override
        public WritableRaster copyData(WritableRaster outRaster) {
            throw fail();
        }

        @Override
        public Raster getTile(int tileX, int tileY) {
            throw fail();
        }
    }
}
