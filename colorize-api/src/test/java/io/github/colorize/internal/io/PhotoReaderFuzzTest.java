package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.colorize.ImageReadOptions;
import io.github.colorize.ImageTooLargeException;
import io.github.colorize.SourceImage;
import io.github.colorize.ToneAnalysis;
import io.github.colorize.UndecodableImageException;
import io.github.colorize.testkit.FuzzContract;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes photo decoding as {@code Images.read} does it: {@link PhotoReader#decode} (the ImageIO decoders
 * behind it, the JPEG segment scan, CMYK/YCCK and ICC conversion, 16-bit and palette normalisation, the
 * EXIF orientation parser for JPEG, PNG and TIFF), then tone classification of what it decoded. Seeds in
 * {@code PhotoReaderFuzzTestInputs/decode/}: one small file per format and layout, plus edge cases.
 */
@Tag("fuzz")
class PhotoReaderFuzzTest {

    private static final Path NAME = FuzzContract.inputName(".jpg");

    /** Inputs past this are skipped: a few KB reach every header path; more only slows each run. */
    private static final int MAX_BYTES = 64 << 10;

    /** A small pixel limit, checked from the header, keeps each decode in the milliseconds. */
    private static final ImageReadOptions OPTIONS = ImageReadOptions.defaults().withMaxPixels(1 << 18);

    /**
     * Contract: 8-bit sRGB pixels of the declared size and a tone verdict, or {@link
     * UndecodableImageException} / {@link ImageTooLargeException} naming the file, with a printable
     * message; the EXIF orientation is always 1 to 8.
     */
    @FuzzTest(maxDuration = "15s")
    void decode(byte[] input) throws Throwable {
        if (input.length > MAX_BYTES) {
            return;
        }
        int orientation = ExifOrientation.of(input);
        assertThat(orientation).isBetween(1, 8);
        SourceImage source;
        try {
            source = PhotoReader.decode(NAME, input, OPTIONS);
        } catch (Throwable t) {
            FuzzContract.check(
                    t, Set.of(UndecodableImageException.class, ImageTooLargeException.class), NAME.toString());
            return;
        }
        BufferedImage image = source.image();
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat((long) image.getWidth() * image.getHeight()).isPositive().isLessThanOrEqualTo(1 << 18);
        assertThat(source.sha256()).hasSize(64);
        ToneAnalysis tone = ToneClassifier.classify(image);
        assertThat(tone.verdict()).isNotNull();
        assertThat(tone.toneChroma()).isNotNaN();
        assertThat(tone.colorChroma()).isNotNaN();
        assertThat(ToneClassifier.classify(PhotoReader.decode(NAME, input, OPTIONS.withKeepAlpha(true))
                                .image())
                        .verdict())
                .isNotNull();
    }
}
