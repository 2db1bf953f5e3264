package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.ImageFormat;
import io.github.colorize.ImageWriteOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other decoders than ImageIO read our striped JPEGs and parallel-deflated PNGs: Pillow and OpenCV
 * (libjpeg-turbo, libpng and zlib underneath), through Debian's {@code /usr/bin/python3}. Skips when
 * that Python or either library is missing.
 */
class ExternalDecodersTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /** Prints, per file, whether Pillow and OpenCV read identical RGB, and that RGB's digest. */
    private static final String SCRIPT = String.join(
            "\n",
            "import sys, hashlib",
            "import numpy as np, cv2",
            "from PIL import Image",
            "for f in sys.argv[1:]:",
            "    with Image.open(f) as im:",
            "        im.load()",
            "        p = np.asarray(im.convert('RGB'))",
            "    c = cv2.cvtColor(cv2.imread(f, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)",
            "    print(bool((p == c).all()), hashlib.sha256(np.ascontiguousarray(p).tobytes()).hexdigest())");

    @TempDir
    Path dir;

    @BeforeAll
    static void needPillowAndOpenCv() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON);
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import numpy, cv2, PIL")
                .redirectErrorStream(true)
                .start();
        Assumptions.assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "no Pillow or OpenCV");
    }

    @Test
    void stripedJpegDecodesAsTheWholeImageEncodeDoes() throws Exception {
        BufferedImage img = JpegStripeEncoderTest.photoLike(301, 203, BufferedImage.TYPE_INT_RGB, 9);
        Path striped = dir.resolve("striped.jpg");
        Path whole = dir.resolve("whole.jpg");
        Files.write(striped, JpegStripeEncoderTest.striped(img, 32));
        Files.write(whole, JpegStripeEncoder.encodeWhole(img, 0.92f));

        List<String> out = decode(striped, whole);

        assertThat(out.get(0)).startsWith("True ");
        assertThat(out.get(1)).startsWith("True ");
        assertThat(out.get(0)).isEqualTo(out.get(1));
    }

    @Test
    void parallelPngDecodesToThePixelsWritten() throws Exception {
        BufferedImage img = PngEncoderTest.image(257, 190, BufferedImage.TYPE_INT_RGB, 10);
        Path png = dir.resolve("stripes.png");
        Files.write(png, PngEncoderTest.encode(img, 16));
        Path reference = dir.resolve("reference.png");
        Files.write(reference, TestImages.encode(img, "png")); // ImageIO's own writer

        List<String> out = decode(png, reference);

        assertThat(out.get(0)).startsWith("True ");
        assertThat(out.get(0)).isEqualTo(out.get(1));
    }

    @Test
    void photoWriterOutputWithItsRecordIsReadByBoth() throws Exception {
        BufferedImage img = JpegStripeEncoderTest.photoLike(1200, 900, BufferedImage.TYPE_INT_RGB, 11);
        Path jpg = dir.resolve("w.jpg");
        Path png = dir.resolve("w.png");
        PhotoWriter.write(img, null, jpg, ImageWriteOptions.of(ImageFormat.JPEG));
        PhotoWriter.write(img, null, png, ImageWriteOptions.of(ImageFormat.PNG));

        assertThat(decode(jpg, png)).allSatisfy(line -> assertThat(line).startsWith("True "));
    }

    private static List<String> decode(Path... files) throws IOException, InterruptedException {
        String[] cmd = new String[3 + files.length];
        cmd[0] = PYTHON.toString();
        cmd[1] = "-c";
        cmd[2] = SCRIPT;
        for (int i = 0; i < files.length; i++) {
            cmd[3 + i] = files[i].toString();
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(text).isZero();
        return text.lines().toList();
    }
}
