package io.github.colorize.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextTest {

    @Test
    void terminalCommandsAndLineBreaksBecomeVisibleEscapes() {
        assertThat(SafeText.printable("a\u001B[31mred\u001B[0m")).isEqualTo("a\\x1B[31mred\\x1B[0m");
        assertThat(SafeText.printable("one\ntwo\r\tthree")).isEqualTo("one\\ntwo\\r\\tthree");
        assertThat(SafeText.printable("csi\u009B2J nel\u0085 del\u007F nul\u0000"))
                .isEqualTo("csi\\x9B2J nel\\x85 del\\x7F nul\\x00");
        assertThat(SafeText.printable("ls\u2028ps\u2029")).isEqualTo("ls\\u2028ps\\u2029");
        assertThat(SafeText.printable("photo\u202Egpj.exe")).isEqualTo("photo\\u202Egpj.exe");
        assertThat(SafeText.printable("\u2066a\u2069\u200E\u200F\u061C"))
                .isEqualTo("\\u2066a\\u2069\\u200E\\u200F\\u061C");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Großmutter 1908.jpg",
                "Ελληνικά και русский.png",
                "日本の祖母.tif",
                "עברית.jpg",
                "emoji 👵🏻 family.jpg",
                "C:\\scans\\1920s\\a.jpg",
                "zero\u200Dwidth joiner"
            })
    void ordinaryUnicodeStaysReadable(String name) {
        assertThat(SafeText.printable(name)).isSameAs(name);
    }

    @Test
    void unpairedSurrogatesAreEscapedAndPairsKept() {
        assertThat(SafeText.printable("a\uD83Db")).isEqualTo("a\\uD83Db");
        assertThat(SafeText.printable("a\uDC75b")).isEqualTo("a\\uDC75b");
        assertThat(SafeText.printable("\uD83D\uDC75\n")).isEqualTo("\uD83D\uDC75\\n");
    }

    @Test
    void longTextsAreCutSayingHowMuchWasLeftOut() {
        String huge = "x".repeat(400_000);
        assertThat(SafeText.excerpt(huge, 300)).isEqualTo("x".repeat(300) + "… (399700 more characters)");
        assertThat(SafeText.excerpt("short\n", 300)).isEqualTo("short\\n");
        assertThat(SafeText.excerpt("x".repeat(300))).isEqualTo("x".repeat(300));
        // Never inside a surrogate pair: the pair goes to the rest.
        assertThat(SafeText.excerpt("ab\uD83D\uDC75cd", 3)).isEqualTo("ab… (4 more characters)");
        assertThatThrownBy(() -> SafeText.excerpt("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1908})
    void randomTextComesOutOnOneLineWithNothingActiveAndCleaningTwiceChangesNothing(long seed) {
        Random random = new Random(seed);
        for (int n = 0; n < 200; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(60);
            for (int i = 0; i < len; i++) {
                int pick = random.nextInt(4);
                sb.append((char)
                        switch (pick) {
                            case 0 -> random.nextInt(0x100); // C0, Latin-1, C1
                            case 1 -> 0x2000 + random.nextInt(0x80); // separators, bidi controls
                            case 2 -> 0xD800 + random.nextInt(0x800); // surrogates, paired or not
                            default -> 0x20 + random.nextInt(0x5F); // printable ASCII, backslash included
                        });
            }
            String text = sb.toString();
            String safe = SafeText.printable(text);
            for (int i = 0; i < safe.length(); i++) {
                char c = safe.charAt(i);
                assertThat(Character.isISOControl(c)).as("%s at %d", safe, i).isFalse();
                assertThat(c == '\u2028'
                                || c == '\u2029'
                                || (c >= '\u202A' && c <= '\u202E')
                                || (c >= '\u2066' && c <= '\u2069')
                                || c == '\u200E'
                                || c == '\u200F')
                        .isFalse();
                if (Character.isHighSurrogate(c)) {
                    assertThat(Character.isLowSurrogate(safe.charAt(++i))).isTrue();
                } else {
                    assertThat(Character.isLowSurrogate(c)).isFalse();
                }
            }
            assertThat(SafeText.printable(safe)).isEqualTo(safe);
            assertThat(safe.replaceAll("\\\\(x[0-9A-F]{2}|u[0-9A-F]{4}|[nrt])", ""))
                    .isEqualTo(text.replaceAll(
                                    "[\\p{Cc}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F]|"
                                            + "[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]",
                                    "")
                            .replaceAll("\\\\(x[0-9A-F]{2}|u[0-9A-F]{4}|[nrt])", ""));
        }
    }
}
