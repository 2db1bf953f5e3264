package io.github.colorize.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ColorizeException;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelCards;
import io.github.colorize.ModelException;
import io.github.colorize.internal.image.PixelBuffers;
import io.github.colorize.internal.pipeline.Fidelity;
import io.github.colorize.internal.pipeline.Pipelines;
import io.github.colorize.internal.pipeline.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphColorizerTest {

    private static final ModelCard CHROMA =
            ModelCards.find(ModelCards.bundledName()).orElseThrow();

    @TempDir
    Path dir;

    /** The chroma contract computed in Java: a* = 30·L, b* = −10, at a quarter of the input size. */
    private static class ChromaGraph implements LoadedGraph {
        final ModelCard card;
        final List<long[]> shapes = new ArrayList<>();
        final AtomicInteger closes = new AtomicInteger();

        ChromaGraph(ModelCard card) {
            this.card = card;
        }

        @Override
        public ModelCard card() {
            return card;
        }

        @Override
        public String sha256() {
            return "cd".repeat(32);
        }

        @Override
        public String device() {
            return "cpu";
        }

        @Override
        public synchronized Tensor run(Map<String, Tensor> inputs) {
            Tensor l = inputs.get(card.inputName());
            shapes.add(l.shape());
            int h = l.dim(2) / 4;
            int w = l.dim(3) / 4;
            float[] ab = new float[2 * h * w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    ab[y * w + x] = 30f * l.data()[(4 * y) * l.dim(3) + 4 * x];
                    ab[h * w + y * w + x] = -10f;
                }
            }
            return new Tensor(card.outputName(), new long[] {1, 2, h, w}, ab);
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    private static BufferedImage gray(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = 40 + (150 * x) / Math.max(1, w - 1);
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    private static GraphColorizer colorizer(ChromaGraph g) {
        return new GraphColorizer("test", g, Pipelines.forCard(g.card()), Fidelity.DEFAULT);
    }

    @Test
    void runsThePipelineAroundTheGraphAndRecordsProvenance() {
        ChromaGraph g = new ChromaGraph(CHROMA);
        try (GraphColorizer c = colorizer(g)) {
            ColorizeOptions options = ColorizeOptions.builder()
                    .renderFactor(10)
                    .chromaStrength(1.5)
                    .watermark(false)
                    .build();
            ColorizedImage out = c.colorize(gray(200, 100), options);

            assertThat(out.image().getWidth()).isEqualTo(200);
            assertThat(out.image().getHeight()).isEqualTo(100);
            int p = out.image().getRGB(190, 50);
            assertThat((p >> 16) & 0xFF).as("red above blue where a* > 0").isGreaterThan(p & 0xFF);
            long[] in = g.shapes.get(0);
            assertThat(in[2] % 32).isZero();
            assertThat(in[3] % 32).isZero();
            assertThat(in[3]).isGreaterThan(in[2]);
            assertThat(out.provenance().backend()).isEqualTo("test");
            assertThat(out.provenance().model()).isEqualTo(CHROMA.name());
            assertThat(out.provenance().modelSha256()).isEqualTo("cd".repeat(32));
            assertThat(out.provenance().device()).isEqualTo("cpu");
            assertThat(out.provenance().renderFactor()).isEqualTo(10);
            assertThat(out.provenance().chromaStrength()).isEqualTo(1.5);
            assertThat(c.backend()).isEqualTo("test");
            assertThat(c.model()).isEqualTo(CHROMA.name());
            assertThat(c.device()).isEqualTo("cpu");
        }
    }

    @Test
    void closeClosesTheGraphOnceAndLaterCallsFail() {
        ChromaGraph g = new ChromaGraph(CHROMA);
        GraphColorizer c = colorizer(g);
        c.close();
        c.close();
        assertThat(g.closes).hasValue(1);
        assertThatThrownBy(() -> c.colorize(gray(8, 8), ColorizeOptions.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aFixedSizeGraphRunsAtItsSideWhateverAutoWouldPick() {
        ModelCard fixed = CHROMA.toBuilder()
                .sizing(new ModelCard.Sizing(ModelCard.Sizing.Kind.FIXED_SQUARE, 256, 1, 4))
                .build();
        ChromaGraph g = new ChromaGraph(fixed);
        try (GraphColorizer c = colorizer(g)) {
            ColorizedImage out = c.colorize(
                    gray(300, 120), ColorizeOptions.builder().watermark(false).build());
            assertThat(g.shapes.get(0)).containsExactly(1, 1, 256, 256);
            assertThat(out.provenance().renderFactor()).isEqualTo(16);
        }
    }

    @Test
    void aFactorTheReferencePipelineRefusesIsATypedError() {
        ModelCard fixed = CHROMA.toBuilder()
                .sizing(new ModelCard.Sizing(ModelCard.Sizing.Kind.FIXED_SQUARE, 256, 1, 4))
                .build();
        ChromaGraph g = new ChromaGraph(fixed);
        try (GraphColorizer c = new GraphColorizer("test", g, Pipelines.forCard(fixed), Fidelity.REFERENCE)) {
            ColorizeOptions options =
                    ColorizeOptions.builder().renderFactor(20).watermark(false).build();
            assertThatThrownBy(() -> c.colorize(gray(64, 64), options))
                    .isInstanceOf(ColorizeException.class)
                    .hasMessageContaining("test, model " + CHROMA.name());
        }
    }

    @Test
    void aGraphFailureReachesTheCallerUnchanged() {
        ChromaGraph g = new ChromaGraph(CHROMA) {
            @Override
            public synchronized Tensor run(Map<String, Tensor> inputs) {
                throw new ModelException("model x: runtime refused the input");
            }
        };
        try (GraphColorizer c = colorizer(g)) {
            assertThatThrownBy(() -> c.colorize(gray(40, 40), ColorizeOptions.defaults()))
                    .isInstanceOf(ModelException.class)
                    .hasMessageContaining("runtime refused");
        }
    }

    @Test
    void autoPicksOnlyFactorsTheGraphCanRunInReferenceFidelity() {
        ModelCard dyn = ModelCards.find("deoldify-artistic").orElseThrow(); // sides must be multiples of 32
        int[] small = new int[120 * 90];
        ColorizeOptions auto = ColorizeOptions.defaults();
        assertThat(GraphColorizer.renderFactor(dyn, auto, small, 120, 90, Fidelity.DEFAULT))
                .isEqualTo(7);
        assertThat(GraphColorizer.renderFactor(dyn, auto, small, 120, 90, Fidelity.REFERENCE))
                .isEqualTo(8);
        int[] large = new int[700 * 600];
        for (int i = 0; i < large.length; i++) {
            large[i] = ((i % 700) / 7 + (i / 700) / 7) % 2 == 0 ? 0x202020 : 0xE0E0E0;
        }
        int reference = GraphColorizer.renderFactor(dyn, auto, large, 700, 600, Fidelity.REFERENCE);
        assertThat(reference % 2).isZero();
        assertThat(GraphColorizer.renderFactor(
                        dyn, ColorizeOptions.builder().renderFactor(35).build(), large, 700, 600, Fidelity.REFERENCE))
                .as("an explicit factor is the caller's choice")
                .isEqualTo(35);
        ModelCard fixed = ModelCards.find("eccv16").orElseThrow();
        assertThat(GraphColorizer.renderFactor(fixed, auto, small, 120, 90, Fidelity.REFERENCE))
                .isEqualTo(16);
    }

    /**
     * colorize(image) sees the pixels colorize(path) sees for a file of the same image: 16-bit gray
     * scaled, not taken for linear light (which brightened it); alpha flattened onto white, not dropped.
     */
    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR})
    void anImageInMemoryIsColorisedAsTheSameImageReadFromAFile(int type) throws IOException {
        int w = 64;
        int h = 48;
        BufferedImage img = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (type == BufferedImage.TYPE_USHORT_GRAY) {
                    img.getRaster().setSample(x, y, 0, (x * 65535 / (w - 1) + y * 977) % 65536);
                } else {
                    int v = 30 + 3 * x;
                    img.setRGB(x, y, (y * 255 / (h - 1)) << 24 | v * 0x010101); // alpha 0 to 255
                }
            }
        }
        Path file = dir.resolve("photo-" + type + ".png");
        assertThat(ImageIO.write(img, "png", file.toFile())).isTrue();
        ColorizeOptions options =
                ColorizeOptions.builder().renderFactor(10).watermark(false).build();
        try (GraphColorizer c = colorizer(new ChromaGraph(CHROMA))) {
            int[] fromMemory = PixelBuffers.rgb(c.colorize(img, options).image());
            int[] fromFile = PixelBuffers.rgb(c.colorize(file, options).image());
            assertThat(fromMemory).isEqualTo(fromFile);
        }
    }

    @Test
    void sixteenBitMidGrayIsSeenAsEightBitMidGray() {
        BufferedImage ushort = new BufferedImage(40, 30, BufferedImage.TYPE_USHORT_GRAY);
        BufferedImage bytes = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                ushort.getRaster().setSample(x, y, 0, 32768); // round(32768 * 255 / 65535) = 128
                bytes.setRGB(x, y, 0x808080);
            }
        }
        ColorizeOptions options =
                ColorizeOptions.builder().renderFactor(10).watermark(false).build();
        try (GraphColorizer c = colorizer(new ChromaGraph(CHROMA))) {
            assertThat(PixelBuffers.rgb(c.colorize(ushort, options).image()))
                    .isEqualTo(PixelBuffers.rgb(c.colorize(bytes, options).image()));
        }
    }
}
