package io.github.colorize.internal.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SplicingOutputStreamTest {

    private static final byte[] PNG = EncodedSamples.encode(EncodedSamples.image(24, 16, 3), "png");
    private static final byte[] JPEG = EncodedSamples.encode(EncodedSamples.image(24, 16, 3), "jpeg");

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    /** However the encoder chunks its writes, the output is the encoded bytes with the block spliced in. */
    @ParameterizedTest
    @MethodSource("seeds")
    void outputDoesNotDependOnHowWritesAreChunked(long seed) throws IOException {
        Random random = new Random(seed);
        byte[] insert = new byte[1 + random.nextInt(300)];
        random.nextBytes(insert);
        boolean png = random.nextBoolean();
        byte[] encoded = png ? PNG : JPEG;
        SplicingOutputStream.Locator locator = png ? PngXmp::insertionPoint : JpegXmp::insertionPoint;

        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (SplicingOutputStream out = new SplicingOutputStream(sink, locator, insert)) {
            int pos = 0;
            while (pos < encoded.length) {
                int n = Math.min(encoded.length - pos, random.nextInt(4) == 0 ? 1 : 1 + random.nextInt(64));
                if (n == 1 && random.nextBoolean()) {
                    out.write(encoded[pos]);
                } else {
                    out.write(encoded, pos, n);
                }
                pos += n;
            }
        }
        int at = png ? PngXmp.insertionPoint(encoded, encoded.length) : JpegXmp.insertionPoint(encoded, encoded.length);
        assertThat(sink.toByteArray()).isEqualTo(EncodedSamples.splice(encoded, at, insert));
    }

    @Test
    void outputEndingBeforeTheInsertionPointFailsOnClose() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        SplicingOutputStream out = new SplicingOutputStream(sink, PngXmp::insertionPoint, new byte[] {1});
        assertThatThrownBy(() -> {
                    out.write(PNG, 0, 20);
                    out.close();
                })
                .isInstanceOf(IOException.class)
                .hasMessageContaining("before metadata could be inserted");
        assertThat(out.spliced()).isFalse();
    }
}
