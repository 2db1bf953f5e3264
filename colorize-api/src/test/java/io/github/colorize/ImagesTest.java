package io.github.colorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public reading façade, and reading back what the writer wrote. */
class ImagesTest {

    @TempDir
    Path dir;

    @Test
    void pngRoundTripIsExact() throws Exception {
        BufferedImage photo = noise(37, 23, 1);
        Path file = dir.resolve("photo.png");

        Images.write(photo, file, ImageWriteOptions.forPath(file));
        SourceImage read = Images.readSource(file, ImageReadOptions.defaults());

        assertThat(read.format()).isEqualTo("png");
        assertThat(read.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(pixels(read.image())).isEqualTo(pixels(photo));
        assertThat(pixels(Images.read(file))).isEqualTo(pixels(photo));
    }

    @Test
    void jpegQualityOptionChangesTheFileAndBothDecode() throws Exception {
        BufferedImage photo = noise(64, 48, 2);
        Path best = dir.resolve("best.jpg");
        Path small = dir.resolve("small.jpg");

        Images.write(photo, best, ImageWriteOptions.of(ImageFormat.JPEG).withJpegQuality(0.95f));
        Images.write(photo, small, ImageWriteOptions.of(ImageFormat.JPEG).withJpegQuality(0.3f));

        assertThat(Files.size(small)).isLessThan(Files.size(best));
        assertThat(Images.read(best).getWidth()).isEqualTo(64);
        assertThat(Images.readSource(small, ImageReadOptions.defaults()).format())
                .isEqualTo("jpeg");
    }

    @Test
    void readOptionsArePassedThrough() throws Exception {
        BufferedImage argb = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(1, 1, 0x40102030);
        Path file = dir.resolve("alpha.png");
        Images.write(argb, file, ImageWriteOptions.forPath(file));

        BufferedImage kept = Images.read(file, ImageReadOptions.defaults().withKeepAlpha(true));
        BufferedImage flat = Images.read(file);

        assertThat(kept.getRGB(1, 1)).isEqualTo(0x40102030);
        assertThat(flat.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThatThrownBy(() -> Images.read(file, ImageReadOptions.defaults().withMaxPixels(15)))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("alpha.png");
    }

    @Test
    void readingNeverChangesTheFile() throws Exception {
        Path file = dir.resolve("original.png");
        Images.write(noise(8, 8, 3), file, ImageWriteOptions.forPath(file));
        byte[] before = Files.readAllBytes(file);

        SourceImage read = Images.readSource(file, ImageReadOptions.defaults());

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(read.sha256()).hasSize(64).isLowerCase();
    }

    @Test
    void classifyToneSeesGrayAndColor() {
        BufferedImage gray = new BufferedImage(50, 50, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster()
                .setSamples(0, 0, 50, 50, 0, new Random(4).ints(2500, 0, 256).toArray());

        assertThat(Images.classifyTone(gray).verdict()).isEqualTo(ToneAnalysis.Verdict.GRAY);
        assertThat(Images.classifyTone(noise(50, 50, 5)).verdict()).isEqualTo(ToneAnalysis.Verdict.COLOR);
    }

    private static BufferedImage noise(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, new Random(seed).ints(w * h).toArray(), 0, w);
        return img;
    }

    private static int[] pixels(BufferedImage img) {
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        for (int i = 0; i < px.length; i++) {
            px[i] &= 0xFFFFFF;
        }
        return px;
    }
}
