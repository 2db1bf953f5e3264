package io.github.colorize.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.internal.image.PixelBuffers;
import io.github.colorize.remote.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class UploadEncoderTest {

    @Test
    void grayPhotosGoUpAsLosslessGrayPng() throws Exception {
        BufferedImage scan = TestImages.grayScan(40, 30, 1);
        int[] rgb = PixelBuffers.rgb(scan);
        Upload.Photo photo = UploadEncoder.encode(rgb, 40, 30);
        assertThat(photo.mediaType()).isEqualTo("image/png");
        assertThat(photo.fileName()).isEqualTo("image.png");
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(photo.bytes()));
        assertThat(back.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(PixelBuffers.rgb(back)).isEqualTo(rgb);
    }

    @Test
    void colorPhotosGoUpAsLosslessRgbPng() throws Exception {
        int[] rgb = PixelBuffers.rgb(TestImages.colorful(20, 9));
        rgb[5] = 0x808081; // one pixel just off gray is enough to keep colour
        Upload.Photo photo = UploadEncoder.encode(rgb, 20, 9);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(photo.bytes()));
        assertThat(back.getType()).isNotEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(PixelBuffers.rgb(back)).isEqualTo(rgb);
    }
}
