package io.github.colorize.internal.color;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every one of the 2^24 inputs at once: the SHA-256 of the whole output table must equal the digest
 * that tools/golden/make_golden.py computed with the real Pillow and OpenCV. Colour {@code i} is
 * {@code R = i >> 16, G = (i >> 8) & 255, B = i & 255} (for YUV→RGB the same bytes read as Y, U, V).
 * Table layouts: Pillow luma one byte per colour; OpenCV YUV/RGB three bytes per colour; OpenCV
 * float Lab three little-endian float32 (L, a, b) per colour, from input {@code float32(c / 255.0)}.
 * {@link IntegerFormulaGoldenTest} compares readable samples when one of these fails.
 */
class ExhaustiveDigestTest {

    private static final int ALL = 1 << 24;
    private static final int CHUNK = 1 << 16;
    private static Properties digests;

    @BeforeAll
    static void load() throws IOException {
        digests = new Properties();
        try (InputStream in = ExhaustiveDigestTest.class.getResourceAsStream("/golden/digests.properties")) {
            assertThat(in).as("golden/digests.properties").isNotNull();
            digests.load(in);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String hex(MessageDigest md) {
        return HexFormat.of().formatHex(md.digest());
    }

    private static int[] chunk(int start) {
        int[] px = new int[CHUNK];
        for (int i = 0; i < CHUNK; i++) {
            px[i] = start + i;
        }
        return px;
    }

    @Test
    void pillowLumaOfAllColors() {
        MessageDigest md = sha256();
        for (int start = 0; start < ALL; start += CHUNK) {
            md.update(PillowLuma.luma(chunk(start)));
        }
        assertThat(hex(md)).isEqualTo(digests.getProperty("pillow.luma.all"));
    }

    @Test
    void pillowScalarLumaAgreesWithArrayLuma() {
        for (int c = 0; c < ALL; c += 997) {
            byte[] one = PillowLuma.luma(new int[] {c});
            assertThat(PillowLuma.luma(c >> 16, (c >> 8) & 255, c & 255)).isEqualTo(one[0] & 0xFF);
        }
    }

    @Test
    void openCvRgbToYuvOfAllColors() {
        MessageDigest md = sha256();
        for (int start = 0; start < ALL; start += CHUNK) {
            md.update(packedToBytes(OpenCvYuv.rgbToYuv(chunk(start))));
        }
        assertThat(hex(md)).isEqualTo(digests.getProperty("opencv.rgb2yuv.all"));
    }

    @Test
    void openCvYuvToRgbOfAllTriples() {
        MessageDigest md = sha256();
        for (int start = 0; start < ALL; start += CHUNK) {
            md.update(packedToBytes(OpenCvYuv.yuvToRgb(chunk(start))));
        }
        assertThat(hex(md)).isEqualTo(digests.getProperty("opencv.yuv2rgb.all"));
    }

    @Test
    void openCvFloatLabOfAllColors() {
        MessageDigest md = sha256();
        LabConverter lab = Lab.converter(LabVariant.OPENCV);
        float[] l = new float[CHUNK];
        float[] a = new float[CHUNK];
        float[] b = new float[CHUNK];
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * 12).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < ALL; start += CHUNK) {
            lab.rgbToLab(chunk(start), l, a, b);
            buf.clear();
            for (int i = 0; i < CHUNK; i++) {
                buf.putFloat(l[i]).putFloat(a[i]).putFloat(b[i]);
            }
            md.update(buf.array());
        }
        assertThat(hex(md)).isEqualTo(digests.getProperty("opencv.rgb2lab.f32.all"));
    }

    private static byte[] packedToBytes(int[] packed) {
        byte[] out = new byte[packed.length * 3];
        for (int i = 0; i < packed.length; i++) {
            out[3 * i] = (byte) (packed[i] >> 16);
            out[3 * i + 1] = (byte) (packed[i] >> 8);
            out[3 * i + 2] = (byte) packed[i];
        }
        return out;
    }
}
