package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.colorize.ImageReadOptions;
import io.github.colorize.UndecodableImageException;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

/**
 * Having TwelveMonkeys' JPEG reader on the class path (it registers itself with ImageIO and puts
 * itself before the JDK's) must not change how ordinary files decode: {@link PhotoReader} picks the
 * JDK's reader for them, and TwelveMonkeys' only for Adobe four-component JPEGs.
 */
class PhotoReaderJdkReaderTest {

    private static final ImageReadOptions AS_STORED =
            new ImageReadOptions(ImageReadOptions.DEFAULT_MAX_PIXELS, false, false);

    @Test
    void twelveMonkeysIsRegisteredFirstSoTheChoiceMatters() {
        ImageReader first = ImageIO.getImageReadersByFormatName("jpeg").next();

        assertThat(first.getOriginatingProvider().getClass().getName()).startsWith("com.twelvemonkeys.");
        assertThat(JdkImageIo.isJdk(first.getOriginatingProvider())).isFalse();
        first.dispose();
    }

    @Test
    void rgbGrayAndProfiledJpegsDecodeAsTheJdkReaderDoes() throws IOException {
        BufferedImage rgb = scene(BufferedImage.TYPE_INT_RGB);
        BufferedImage gray = scene(BufferedImage.TYPE_BYTE_GRAY);
        // A JPEG with a (non-sRGB) ICC profile: the readers differ in how they apply it.
        ICC_Profile linear = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB);
        byte[] profiled = TestImages.spliceAfterSoi(TestImages.jpegBestQuality(rgb), iccSegment(linear.getData()));

        for (byte[] jpeg : List.of(TestImages.jpegBestQuality(rgb), TestImages.jpegBestQuality(gray), profiled)) {
            assertThat(TestImages.rgb(PhotoReader.decode(null, jpeg, AS_STORED).image()))
                    .isEqualTo(TestImages.rgb(jdkDecode(jpeg)));
        }
    }

    /**
     * Files that the JDK refuses but TwelveMonkeys' more lenient reader would decode (a gray ICC
     * profile on an RGB JPEG; Adobe transform 0, "not YCbCr", on YCbCr data): they still fail as
     * they did before the jar was on the class path. Accepting them would be a deliberate change.
     */
    @Test
    void filesOnlyTwelveMonkeysWouldAcceptStillFailAsBefore() {
        byte[] rgb = TestImages.jpegBestQuality(scene(BufferedImage.TYPE_INT_RGB));
        byte[] grayProfile = TestImages.spliceAfterSoi(
                rgb, iccSegment(ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData()));
        byte[] adobeRgbOnYcc = TestImages.spliceAfterSoi(
                rgb, new byte[] {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0});

        for (byte[] jpeg : List.of(grayProfile, adobeRgbOnYcc)) {
            assertThatThrownBy(() -> PhotoReader.decode(null, jpeg, AS_STORED))
                    .isInstanceOf(UndecodableImageException.class);
        }
    }

    @Test
    void oldPhotosDecodeAsTheJdkReaderDoes() throws IOException {
        Path dir = sharedOldPhotos();
        List<Path> jpegs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.jpe?g"))
                    .sorted()
                    .forEach(jpegs::add);
        }
        assumeTrue(!jpegs.isEmpty(), "no JPEGs in " + dir);
        for (Path p : jpegs) {
            byte[] bytes = Files.readAllBytes(p);
            assertThat(TestImages.rgb(PhotoReader.decode(p, bytes, AS_STORED).image()))
                    .as(p.getFileName().toString())
                    .isEqualTo(TestImages.rgb(jdkDecode(bytes)));
        }
    }

    private static BufferedImage jdkDecode(byte[] jpeg) throws IOException {
        try (ImageInputStream in = new ByteArrayImageInputStream(jpeg)) {
            for (Iterator<ImageReader> it = ImageIO.getImageReaders(in); it.hasNext(); ) {
                ImageReader reader = it.next();
                if (JdkImageIo.isJdk(reader.getOriginatingProvider())) {
                    try {
                        reader.setInput(in, true, false);
                        return SrgbConverter.convert(reader.read(0), false);
                    } finally {
                        reader.dispose();
                    }
                }
                reader.dispose();
            }
        }
        throw new AssertionError("no JDK reader");
    }

    private static BufferedImage scene(int type) {
        BufferedImage img = new BufferedImage(48, 32, type);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0xC03020), 48, 32, new Color(0x2040E0)));
        g.fillRect(0, 0, 48, 32);
        g.setColor(new Color(0xF0E0D0));
        g.fillOval(8, 8, 20, 14);
        g.dispose();
        return img;
    }

    /** An APP2 ICC_PROFILE segment holding the whole profile in one chunk. */
    private static byte[] iccSegment(byte[] profile) {
        byte[] id = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + id.length + 2 + profile.length;
        byte[] seg = new byte[2 + length];
        seg[0] = (byte) 0xFF;
        seg[1] = (byte) 0xE2;
        seg[2] = (byte) (length >> 8);
        seg[3] = (byte) length;
        System.arraycopy(id, 0, seg, 4, id.length);
        seg[4 + id.length] = 1;
        seg[5 + id.length] = 1;
        System.arraycopy(profile, 0, seg, 6 + id.length, profile.length);
        return seg;
    }

    /** {@code shared/data/old-photos} in the nearest ancestor folder that has one; skips if none. */
    private static Path sharedOldPhotos() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data/old-photos");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "shared/data/old-photos is absent");
        throw new IllegalStateException("unreachable");
    }
}
