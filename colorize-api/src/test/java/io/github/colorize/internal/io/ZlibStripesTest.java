package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZlibStripesTest {

    @Test
    void combinedChecksumIsTheChecksumOfTheConcatenation() {
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            byte[] a = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(200_000)];
            byte[] b = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(200_000)];
            random.nextBytes(a);
            random.nextBytes(b);
            Adler32 whole = new Adler32();
            whole.update(a);
            whole.update(b);
            assertThat(ZlibStripes.combine(adler(a), adler(b), b.length)).isEqualTo(whole.getValue());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5, 6, 9})
    void headerIsValidForEveryLevel(int level) {
        byte[] h = ZlibStripes.header(level);
        assertThat(h[0]).isEqualTo((byte) 0x78);
        assertThat(((h[0] & 0xFF) * 256 + (h[1] & 0xFF)) % 31).isZero();
        assertThat(h[1] & 0x20).as("no preset dictionary").isZero();
    }

    /** Pieces of every size, including empty ones and ones larger than the first output buffer guess. */
    @Test
    void piecesLaidEndToEndInflateToTheirInputs() throws DataFormatException {
        Random random = new Random(2);
        byte[][] inputs = {new byte[0], new byte[1], new byte[300_000], new byte[0], new byte[70_000]};
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        stream.writeBytes(ZlibStripes.header(1));
        long adler = 1;
        for (int i = 0; i < inputs.length; i++) {
            random.nextBytes(inputs[i]); // incompressible: the output is larger than half the input
            ZlibStripes.Piece p = ZlibStripes.deflate(inputs[i], 1, i == inputs.length - 1);
            stream.write(p.data(), 0, p.length());
            adler = ZlibStripes.combine(adler, p.adler(), p.inputLength());
            expected.writeBytes(inputs[i]);
        }
        stream.write((int) (adler >> 24));
        stream.write((int) (adler >> 16));
        stream.write((int) (adler >> 8));
        stream.write((int) adler);

        Inflater inflater = new Inflater();
        inflater.setInput(stream.toByteArray());
        byte[] out = new byte[expected.size() + 1];
        int n = inflater.inflate(out);
        assertThat(inflater.finished()).isTrue();
        assertThat(Arrays.copyOf(out, n)).isEqualTo(expected.toByteArray());
    }

    private static long adler(byte[] b) {
        Adler32 a = new Adler32();
        a.update(b);
        return a.getValue();
    }
}
