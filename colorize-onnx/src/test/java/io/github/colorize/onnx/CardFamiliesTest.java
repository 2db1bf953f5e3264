package io.github.colorize.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.BackendConfig;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelCards;
import io.github.colorize.onnx.internal.OnnxGraphs;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in card's tensor contract end to end: a tiny graph that honours it, loaded through the
 * provider under the card's file name, its real colour pipeline, both fidelities, automatic render
 * factor.
 */
class CardFamiliesTest {

    @TempDir
    Path dir;

    static Stream<Arguments> cards() {
        Supplier<OnnxGraphs> deoldify = () -> OnnxGraphs.deoldify255(OnnxGraphs.FLOAT);
        return Stream.of(
                Arguments.of("colorize-compact-v2", (Supplier<OnnxGraphs>) OnnxGraphs::chroma),
                Arguments.of("deoldify-artistic", deoldify),
                Arguments.of(
                        "deoldify-video-fp16", (Supplier<OnnxGraphs>) () -> OnnxGraphs.deoldify255(OnnxGraphs.FLOAT16)),
                Arguments.of("deoldify-stable-raw", (Supplier<OnnxGraphs>) () -> OnnxGraphs.deoldifyRaw(-1)),
                Arguments.of("ddcolor-large", (Supplier<OnnxGraphs>) OnnxGraphs::ddcolor),
                Arguments.of("eccv16", (Supplier<OnnxGraphs>) OnnxGraphs::eccv16),
                Arguments.of("siggraph17", (Supplier<OnnxGraphs>) OnnxGraphs::eccv16),
                Arguments.of("siggraph17-hints", (Supplier<OnnxGraphs>) OnnxGraphs::siggraph17Hints));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cards")
    void runsEndToEndInBothFidelities(String cardName, Supplier<OnnxGraphs> graph) {
        ModelCard card = ModelCards.find(cardName).orElseThrow();
        Path file = graph.get().write(dir.resolve(card.source().fileName()));
        BufferedImage photo = photo(120, 90);
        for (String fidelity : new String[] {"default", "reference"}) {
            BackendConfig config = BackendConfig.builder()
                    .model(file.toString())
                    .set("card", cardName)
                    .set(BackendConfig.FIDELITY, fidelity)
                    .device("cpu")
                    .build();
            try (Colorizer c = new OnnxColorizerProvider().create(config)) {
                ColorizedImage out = c.colorize(
                        photo, ColorizeOptions.builder().watermark(false).build());
                assertThat(c.model()).isEqualTo(cardName);
                assertThat(out.image().getWidth()).isEqualTo(120);
                assertThat(out.image().getHeight()).isEqualTo(90);
                assertThat(out.provenance().renderFactor()).as(fidelity).isBetween(7, 45);
                BufferedImage gray = c.colorize(
                                photo,
                                ColorizeOptions.builder()
                                        .watermark(false)
                                        .chromaStrength(0)
                                        .build())
                        .image();
                assertThat(maxSpread(gray))
                        .as("%s %s strength 0", cardName, fidelity)
                        .isLessThanOrEqualTo(2);
                assertThat(maxSpread(out.image()))
                        .as("%s %s colours", cardName, fidelity)
                        .isGreaterThan(2);
            }
        }
    }

    private static int maxSpread(BufferedImage img) {
        int worst = 0;
        for (int p : img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth())) {
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            worst = Math.max(worst, Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)));
        }
        return worst;
    }

    private static BufferedImage photo(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, 40 + (x * 170) / w + ((x / 10 + y / 10) % 2) * 20);
            }
        }
        return img;
    }
}
