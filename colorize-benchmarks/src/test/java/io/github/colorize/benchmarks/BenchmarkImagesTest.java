package io.github.colorize.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BenchmarkImagesTest {

    /** The digest tools/bench/python_baseline.py prints for its copy of the picture. */
    private static final String PYTHON_SHA256 = "0c7c6c58bb2a9ee0ed29a27d1688bf2466b50d19b4d5f72d05789a5a03c21902";

    @Test
    void javaAndPythonBuildTheSamePicture() throws Exception {
        int[] rgb = BenchmarkImages.pseudoRandomRgb(BenchmarkImages.WIDTH, BenchmarkImages.HEIGHT);
        ByteBuffer buf = ByteBuffer.allocate(rgb.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asIntBuffer().put(rgb);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(buf.array());
        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(PYTHON_SHA256);
    }
}
