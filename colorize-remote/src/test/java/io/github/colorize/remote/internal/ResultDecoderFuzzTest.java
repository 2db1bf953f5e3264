package io.github.colorize.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.colorize.testkit.FuzzContract;
import java.util.Set;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes {@link ResultDecoder}, which decodes the result file the service sends back. Seeds in {@code
 * ResultDecoderFuzzTestInputs/decode/}: small JPEG, PNG, GIF and BMP files and damaged ones.
 */
@Tag("fuzz")
class ResultDecoderFuzzTest {

    private static final int MAX_BYTES = 64 << 10;

    /** A small limit keeps each decode fast; the header check itself is what is under test. */
    private static final long MAX_PIXELS = 1 << 18;

    /** Contract: pixels of the declared size, or {@code UnusableResultException} with a printable message. */
    @FuzzTest(maxDuration = "15s")
    void decode(byte[] input) throws Throwable {
        if (input.length > MAX_BYTES) {
            return;
        }
        ResultDecoder.Decoded d;
        try {
            d = ResultDecoder.decode(input, MAX_PIXELS);
        } catch (Throwable t) {
            FuzzContract.check(t, Set.of(ResultDecoder.UnusableResultException.class), null);
            return;
        }
        assertThat(d.rgb()).hasSize(d.width() * d.height());
        assertThat(d.format()).isNotBlank();
    }
}
