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
import org.junit.jupiter.params.provider.ValueSource;

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

    /**
     * An encoder may hand over a whole file, far longer than the 64 KiB head limit, in one write
     * (JpegStripeEncoder does for images of one stripe); the insertion point near its start is still
     * found and the rest passes through.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void oneWriteMuchLongerThanTheHeadLimitIsSplicedNearItsStart(boolean png) throws IOException {
        byte[] sample = png ? PNG : JPEG;
        Random random = new Random(7);
        byte[] encoded = new byte[sample.length + 300_000]; // header as encoded, then a long "scan"
        random.nextBytes(encoded);
        System.arraycopy(sample, 0, encoded, 0, sample.length);
        byte[] caller = new byte[encoded.length + 10]; // the caller's array, with the file at an offset
        System.arraycopy(encoded, 0, caller, 3, encoded.length);
        byte[] insert = "<x:xmpmeta/>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        SplicingOutputStream.Locator locator = png ? PngXmp::insertionPoint : JpegXmp::insertionPoint;

        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (SplicingOutputStream out = new SplicingOutputStream(sink, locator, insert)) {
            out.write(caller, 3, encoded.length);
            assertThat(out.spliced()).isTrue();
        }
        int at = png ? PngXmp.insertionPoint(encoded, encoded.length) : JpegXmp.insertionPoint(encoded, encoded.length);
        assertThat(at).isLessThan(100);
        assertThat(sink.toByteArray()).isEqualTo(EncodedSamples.splice(encoded, at, insert));
    }

    /** Output with no insertion point fails once 64 KiB are held back, and not before. */
    @Test
    void failsOnlyOnceTheHeadLimitIsBufferedWithoutAnInsertionPoint() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        SplicingOutputStream out = new SplicingOutputStream(sink, (head, length) -> -1, new byte[] {1});
        out.write(new byte[(1 << 16) - 1]);
        assertThatThrownBy(() -> out.write(0))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no place to insert metadata within the first 65536 bytes");
        assertThat(sink.size()).isZero();

        SplicingOutputStream big = new SplicingOutputStream(sink, (head, length) -> -1, new byte[] {1});
        assertThatThrownBy(() -> big.write(new byte[200_000]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no place to insert metadata");
        assertThat(sink.size()).isZero();
    }
}
