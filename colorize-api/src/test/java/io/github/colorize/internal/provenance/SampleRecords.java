package io.github.colorize.internal.provenance;

import io.github.colorize.Provenance;
import io.github.colorize.Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Provenance records for tests: a fixed typical one, and seeded random ones with awkward strings. */
public final class SampleRecords {

    /** Characters that stress escaping and encoding: XML specials, whitespace, non-ASCII, astral. */
    private static final String[] PIECES = {
        "a",
        "Z",
        "0",
        " ",
        "-",
        "_",
        ".",
        "/",
        "<",
        ">",
        "&",
        "\"",
        "'",
        "\t",
        "\n",
        "\r",
        "é",
        "ß",
        "漢",
        "Ж",
        "\uD83C\uDFA8",
        "&amp;",
        "]]>",
        "<?xpacket end=\"w\"?>",
        "colorize:model",
        "\u00A0"
    };

    private SampleRecords() {}

    /**
     * A typical record, as the ONNX backend would make it for a file.
     *
     * @return the record
     */
    public static Provenance typical() {
        return Provenance.builder()
                .software(Provenance.SOFTWARE)
                .softwareVersion("0.1.0-SNAPSHOT")
                .backend("onnx")
                .model("deoldify-artistic")
                .modelSha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                .renderFactor(35)
                .chromaStrength(1.0)
                .device("cpu")
                .timings(new Timings(Duration.ofMillis(12), Duration.ofNanos(1_234_567_891L), Duration.ofMillis(3)))
                .created(Instant.parse("2026-11-22T10:15:30.123456Z"))
                .sourceName("grandma 1932.jpg")
                .sourceSha256("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae")
                .build();
    }

    /**
     * A random record; optional fields are sometimes null.
     *
     * @param random the seeded generator
     * @return the record
     */
    public static Provenance random(Random random) {
        return Provenance.builder()
                .software(text(random))
                .softwareVersion(text(random))
                .backend(text(random))
                .model(text(random))
                .modelSha256(random.nextBoolean() ? null : hex(random))
                .renderFactor(random.nextInt(46))
                .chromaStrength(random.nextDouble() * 2)
                .device(text(random))
                .timings(new Timings(duration(random), duration(random), duration(random)))
                .created(Instant.ofEpochSecond(
                        -2_000_000_000L + (long) (random.nextDouble() * 6_000_000_000L), random.nextInt(1_000_000_000)))
                .sourceName(random.nextBoolean() ? null : text(random))
                .sourceSha256(random.nextBoolean() ? null : hex(random))
                .build();
    }

    static String text(Random random) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    static String hex(Random random) {
        StringBuilder s = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }

    private static Duration duration(Random random) {
        return Duration.ofNanos((long) (random.nextDouble() * 3_600_000_000_000L));
    }
}
