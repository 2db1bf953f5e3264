package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PngRowsTest {

    /** The branch-free predictor against the specification's definition, for every input. */
    @Test
    void paethMatchesTheSpecificationEverywhere() {
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                for (int c = 0; c < 256; c++) {
                    int p = a + b - c;
                    int pa = Math.abs(p - a);
                    int pb = Math.abs(p - b);
                    int pc = Math.abs(p - c);
                    int expected = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                    if (PngRows.paeth(a, b, c) != expected) {
                        assertThat(PngRows.paeth(a, b, c))
                                .as("a %d, b %d, c %d", a, b, c)
                                .isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void choosesTheFilterThatFlattensTheRow() {
        byte[] prev = new byte[300];
        byte[] same = new byte[300];
        byte[] ramp = new byte[300];
        for (int i = 0; i < 300; i++) {
            prev[i] = (byte) (i * 7 + 50);
            same[i] = prev[i];
            ramp[i] = (byte) (i / 3 * 2);
        }
        assertThat(PngRows.choose(new byte[300], prev, 3)).as("zeros: None").isZero();
        assertThat(PngRows.choose(same, prev, 3))
                .as("repeats the row above: Up")
                .isEqualTo(2);
        assertThat(PngRows.choose(ramp, new byte[300], 3))
                .as("steady ramp, nothing above: Sub")
                .isEqualTo(1);
    }

    @Test
    void filteredRowsUnfilterToTheRaw() {
        java.util.Random random = new java.util.Random(3);
        byte[] prev = new byte[60];
        byte[] cur = new byte[60];
        random.nextBytes(prev);
        random.nextBytes(cur);
        for (int type = 0; type < 5; type++) {
            byte[] out = new byte[61];
            PngRows.apply(type, cur, prev, 4, out, 1);
            byte[] back = new byte[60];
            for (int i = 0; i < 60; i++) {
                int a = i >= 4 ? back[i - 4] & 0xFF : 0;
                int b = prev[i] & 0xFF;
                int c = i >= 4 ? prev[i - 4] & 0xFF : 0;
                int predictor = switch (type) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) >> 1;
                    default -> PngRows.paeth(a, b, c);
                };
                back[i] = (byte) (out[1 + i] + predictor);
            }
            assertThat(back).as("filter %d", type).isEqualTo(cur);
        }
    }
}
