package io.github.colorize.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.BackendConfig;
import io.github.colorize.ColorizeException;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.spi.Availability;
import io.github.colorize.spi.ColorizerProvider;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The behaviour every {@link ColorizerProvider} owes its users, as a JUnit suite that each backend
 * module runs by extending this class (in the spirit of Guava's testlib). Subclasses supply a fresh
 * provider and a config under which it is available; everything else is checked here through the
 * public API only.
 *
 * <p>What it checks: a stable, lower-case name; {@code availability} answers the same twice and
 * creates no files (in the user's home, the model cache or the temp folder); a config that cannot
 * work is reported unavailable and fails {@code create} with a typed error; {@code close} is
 * idempotent and {@code colorize} after it throws {@link IllegalStateException}; the output always has
 * the input's size, for tiny (1×1, 7×5), thin, ordinary and large (4000×3000) inputs; gray ({@code
 * TYPE_BYTE_GRAY}), colour ({@code TYPE_3BYTE_BGR}) and alpha ({@code TYPE_INT_ARGB}) inputs work and
 * are never modified; results are deterministic, also from 4 threads at once; provenance names the
 * backend, model, device and strength; chroma strength 0 gives gray; the backend does not draw the
 * palette mark itself ({@code Colorizers} does); null arguments throw {@link NullPointerException}.
 *
 * <p><b>Tiny inputs</b> must work: every backend returns an image of the input's size for any input
 * of at least 1×1 pixel, resampling to whatever its model needs.
 */
public abstract class ColorizerProviderContract {

    /** Where the suite points {@code user.home} and the model cache while probing availability. */
    @TempDir
    Path sandbox;

    /**
     * A new provider instance, as {@link java.util.ServiceLoader} would create it.
     *
     * @return the provider
     */
    protected abstract ColorizerProvider newProvider();

    /**
     * Settings under which the provider is available here (for example a tiny test model).
     *
     * @return the config
     */
    protected abstract BackendConfig config();

    /**
     * Settings that cannot work (for example a model file that does not exist), or empty if the
     * backend has none. They must be reported unavailable, and {@code create} must throw a {@link
     * ColorizeException}.
     *
     * @return the config
     */
    protected Optional<BackendConfig> unusableConfig() {
        return Optional.empty();
    }

    /**
     * Options for the pixel checks: the palette mark off (it is {@code Colorizers}' job), a fixed,
     * small render factor so the suite stays fast.
     *
     * @return the options
     */
    protected ColorizeOptions options() {
        return ColorizeOptions.builder().renderFactor(8).watermark(false).build();
    }

    private Colorizer create() {
        return newProvider().create(config());
    }

    @Test
    void nameIsStableLowerCaseAndSelectable() {
        String name = newProvider().name();
        assertThat(newProvider().name()).isEqualTo(name);
        assertThat(name).matches("[a-z][a-z0-9-]*");
        assertThat(newProvider().artifact()).isNotBlank();
        assertThat(newProvider().description()).isNotBlank();
    }

    @Test
    void availabilityIsRepeatableAndCreatesNoFiles() throws IOException {
        Path home = Files.createDirectories(sandbox.resolve("home"));
        Path cache = sandbox.resolve("cache");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        String oldHome = System.getProperty("user.home");
        String oldCache = System.getProperty("colorize.model.cache");
        System.setProperty("user.home", home.toString());
        System.setProperty("colorize.model.cache", cache.toString());
        try {
            Set<String> homeBefore = tree(home);
            Set<String> tmpBefore = tree(tmp);
            ColorizerProvider provider = newProvider();

            Availability first = provider.availability(config());
            Availability second = provider.availability(config());
            Availability fresh = newProvider().availability(config());

            assertThat(second).isEqualTo(first);
            assertThat(fresh).isEqualTo(first);
            assertThat(first.available())
                    .as("available with config(): %s", first.reason())
                    .isTrue();
            assertThat(first.reason()).isNotBlank();
            assertThat(tree(home)).as("files created under user.home").isEqualTo(homeBefore);
            assertThat(cache).as("model cache created").doesNotExist();
            assertThat(tree(tmp)).as("files created in java.io.tmpdir").isEqualTo(tmpBefore);
        } finally {
            restore("user.home", oldHome);
            restore("colorize.model.cache", oldCache);
        }
    }

    @Test
    void unusableConfigIsReportedAndFailsWithATypedError() {
        Optional<BackendConfig> bad = unusableConfig();
        org.junit.jupiter.api.Assumptions.assumeTrue(bad.isPresent(), "this backend declares no unusable config");
        Availability a = newProvider().availability(bad.get());
        assertThat(a.available()).as("reason: %s", a.reason()).isFalse();
        assertThat(a.reason()).isNotBlank();
        assertThatThrownBy(() -> newProvider().create(bad.get())).isInstanceOf(ColorizeException.class);
    }

    @Test
    void closeIsIdempotentAndColorizeAfterCloseFails() {
        Colorizer c = create();
        assertThat(c.backend()).isEqualTo(newProvider().name());
        assertThat(c.model()).isNotBlank();
        c.close();
        c.close();
        BufferedImage img = Images.gradient(16, 12, BufferedImage.TYPE_INT_RGB);
        assertThatThrownBy(() -> c.colorize(img, options())).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1, 1", "7, 5", "5, 7", "2, 300", "300, 2", "64, 48", "333, 201"})
    void outputHasTheInputSize(int w, int h) {
        try (Colorizer c = create()) {
            BufferedImage img = Images.gradient(w, h, BufferedImage.TYPE_INT_RGB);
            ColorizedImage out = c.colorize(img, options());
            assertThat(out.image().getWidth()).isEqualTo(w);
            assertThat(out.image().getHeight()).isEqualTo(h);
        }
    }

    @Test
    void largeInputKeepsItsSize() {
        try (Colorizer c = create()) {
            BufferedImage img = Images.gradient(4000, 3000, BufferedImage.TYPE_INT_RGB);
            ColorizedImage out = c.colorize(img, options());
            assertThat(out.image().getWidth()).isEqualTo(4000);
            assertThat(out.image().getHeight()).isEqualTo(3000);
        }
    }

    @ParameterizedTest(name = "type {0}")
    @CsvSource({
        "10", // TYPE_BYTE_GRAY
        "5", // TYPE_3BYTE_BGR
        "2", // TYPE_INT_ARGB, with transparent regions
        "1" // TYPE_INT_RGB
    })
    void everyCommonImageTypeWorksAndIsNeverModified(int type) {
        try (Colorizer c = create()) {
            BufferedImage img = Images.gradient(120, 90, type);
            int[] before = Images.argb(img);
            ColorizedImage out = c.colorize(img, options());
            assertThat(Images.argb(img)).as("input modified").isEqualTo(before);
            assertThat(out.image()).isNotSameAs(img);
            assertThat(out.image().getWidth()).isEqualTo(120);
            assertThat(out.image().getHeight()).isEqualTo(90);
            assertThat(out.image().getColorModel().getNumColorComponents()).isEqualTo(3);
        }
    }

    @Test
    void resultsAreDeterministic() {
        try (Colorizer c = create()) {
            BufferedImage img = Images.gradient(97, 61, BufferedImage.TYPE_3BYTE_BGR);
            assertThat(Images.argb(c.colorize(img, options()).image()))
                    .isEqualTo(Images.argb(c.colorize(img, options()).image()));
        }
    }

    @Test
    void concurrentCallsFromFourThreadsGiveIdenticalResults() throws Exception {
        try (Colorizer c = create()) {
            BufferedImage img = Images.gradient(150, 110, BufferedImage.TYPE_INT_RGB);
            int[] expected = Images.argb(c.colorize(img, options()).image());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<int[]>> futures = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Callable<int[]> task = () -> {
                        start.await();
                        return Images.argb(c.colorize(img, options()).image());
                    };
                    futures.add(pool.submit(task));
                }
                start.countDown();
                for (Future<int[]> f : futures) {
                    assertThat(f.get(5, TimeUnit.MINUTES)).isEqualTo(expected);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void provenanceNamesBackendModelDeviceAndStrength() {
        try (Colorizer c = create()) {
            ColorizeOptions opts = options().toBuilder().chromaStrength(1.25).build();
            ColorizedImage out = c.colorize(Images.gradient(40, 30, BufferedImage.TYPE_INT_RGB), opts);
            assertThat(out.provenance().backend()).isEqualTo(newProvider().name());
            assertThat(out.provenance().model()).isEqualTo(c.model());
            assertThat(out.provenance().device()).isNotBlank();
            assertThat(out.provenance().chromaStrength()).isEqualTo(1.25);
            assertThat(out.provenance().renderFactor()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void chromaStrengthZeroGivesGray() {
        try (Colorizer c = create()) {
            ColorizeOptions gray = options().toBuilder().chromaStrength(0).build();
            BufferedImage out = c.colorize(Images.gradient(80, 60, BufferedImage.TYPE_3BYTE_BGR), gray)
                    .image();
            int worst = 0;
            for (int p : Images.argb(out)) {
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                worst = Math.max(worst, Math.max(Math.abs(r - g), Math.max(Math.abs(g - b), Math.abs(r - b))));
            }
            assertThat(worst).as("largest channel spread").isLessThanOrEqualTo(2);
        }
    }

    @Test
    void backendDoesNotDrawThePaletteMarkItself() {
        try (Colorizer c = create()) {
            BufferedImage img = Images.gradient(200, 160, BufferedImage.TYPE_INT_RGB);
            int[] unmarked = Images.argb(c.colorize(img, options()).image());
            ColorizeOptions marked = options().toBuilder().watermark(true).build();
            assertThat(Images.argb(c.colorize(img, marked).image())).isEqualTo(unmarked);
        }
    }

    @Test
    void nullArgumentsAreRejected() {
        try (Colorizer c = create()) {
            assertThatThrownBy(() -> c.colorize((BufferedImage) null, options()))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> c.colorize(Images.gradient(8, 8, BufferedImage.TYPE_INT_RGB), null))
                    .isInstanceOf(NullPointerException.class);
        }
    }

    private static Set<String> tree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (UncheckedIOException e) {
            // A file vanished while walking (another process cleaning up): walk once more.
            try (Stream<Path> s = Files.walk(root)) {
                return s.map(p -> root.relativize(p).toString())
                        .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
            }
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    /** Synthetic test images, built without the library's internals. */
    static final class Images {
        private Images() {}

        /** A smooth gradient with a few hard edges and, for alpha types, transparent stripes. */
        static BufferedImage gradient(int w, int h, int type) {
            BufferedImage img = new BufferedImage(w, h, type);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = (int) (255.0 * (x + y) / Math.max(1, w + h - 2));
                    if (((x / 16) + (y / 16)) % 5 == 0) {
                        v = 255 - v;
                    }
                    int r = Math.min(255, v + 30);
                    int b = Math.max(0, v - 30);
                    int alpha = (x / 8) % 3 == 0 ? 0x40 : 0xFF;
                    img.setRGB(x, y, (alpha << 24) | (r << 16) | (v << 8) | b);
                }
            }
            return img;
        }

        static int[] argb(BufferedImage img) {
            return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        }
    }
}
