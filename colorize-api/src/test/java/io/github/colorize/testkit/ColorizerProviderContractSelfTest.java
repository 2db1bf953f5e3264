package io.github.colorize.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.colorize.BackendConfig;
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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Proves that the contract suite can fail: each broken backend below breaks one promise, and the
 * suite must report exactly the matching check as failed. The broken suites are static nested
 * classes, which Surefire does not run on its own.
 */
class ColorizerProviderContractSelfTest {

    private static final String SELF_TEST = "colorize.contract.selftest";

    private static Set<String> failedChecks(Class<?> suite) {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(SELF_TEST, "true")
                .selectors(selectClass(suite))
                .execute()
                .testEvents();
        assertThat(tests.succeeded().count()).as("checks that passed").isGreaterThan(5);
        return tests.failed().stream()
                .map(e -> e.getTestDescriptor().getLegacyReportingName().replaceAll("\\(.*", ""))
                .collect(Collectors.toSet());
    }

    @Test
    void correctBackendPassesEverything() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(TintProviderContractTest.class))
                .execute()
                .testEvents();
        assertThat(tests.failed().count()).isZero();
        assertThat(tests.succeeded().count()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void detectsColorizeAfterClose() {
        assertThat(failedChecks(IgnoresCloseSuite.class))
                .containsExactly("closeIsIdempotentAndColorizeAfterCloseFails");
    }

    @Test
    void detectsFilesWrittenByAvailability() {
        assertThat(failedChecks(WritesOnProbeSuite.class)).containsExactly("availabilityIsRepeatableAndCreatesNoFiles");
    }

    @Test
    void detectsWrongOutputSizeForTinyInputs() {
        assertThat(failedChecks(TooSmallSuite.class)).containsExactly("outputHasTheInputSize");
    }

    @Test
    void detectsABackendThatDrawsTheMark() {
        assertThat(failedChecks(MarksItselfSuite.class)).containsExactly("backendDoesNotDrawThePaletteMarkItself");
    }

    @Test
    void detectsInputModification() {
        assertThat(failedChecks(ModifiesInputSuite.class)).contains("everyCommonImageTypeWorksAndIsNeverModified");
    }

    /** Runs only inside {@link #failedChecks}: on their own these suites are meant to fail. */
    static final class OnlyUnderSelfTest implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(SELF_TEST).isPresent()
                    ? ConditionEvaluationResult.enabled("run by ColorizerProviderContractSelfTest")
                    : ConditionEvaluationResult.disabled(
                            "a deliberately broken fixture of ColorizerProviderContractSelfTest");
        }
    }

    @ExtendWith(OnlyUnderSelfTest.class)
    abstract static class BrokenSuite extends ColorizerProviderContract {
        @Override
        protected BackendConfig config() {
            return BackendConfig.defaults();
        }

        @Override
        protected Optional<BackendConfig> unusableConfig() {
            return Optional.of(BackendConfig.builder().set("tint", "cold").build());
        }
    }

    /** A wrapper colorizer that subclasses bend. */
    abstract static class Bent implements Colorizer {
        final Colorizer inner;

        Bent(Colorizer inner) {
            this.inner = inner;
        }

        @Override
        public String backend() {
            return inner.backend();
        }

        @Override
        public String model() {
            return inner.model();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    static final class IgnoresCloseSuite extends BrokenSuite {
        @Override
        protected ColorizerProvider newProvider() {
            return new TintProvider() {
                @Override
                public Colorizer create(BackendConfig config) {
                    Colorizer alwaysOpen = super.create(config);
                    return new Bent(super.create(config)) {

                        @Override
                        public ColorizedImage colorize(BufferedImage image, ColorizeOptions options) {
                            return alwaysOpen.colorize(image, options);
                        }
                    };
                }
            };
        }
    }

    static final class WritesOnProbeSuite extends BrokenSuite {
        @Override
        protected ColorizerProvider newProvider() {
            return new TintProvider() {
                @Override
                public Availability availability(BackendConfig config) {
                    try {
                        Path marker = Path.of(System.getProperty("user.home"), ".tint-probed");
                        if (!Files.exists(marker)) {
                            Files.createFile(marker);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return super.availability(config);
                }
            };
        }
    }

    static final class TooSmallSuite extends BrokenSuite {
        @Override
        protected ColorizerProvider newProvider() {
            return new TintProvider() {
                @Override
                public Colorizer create(BackendConfig config) {
                    return new Bent(super.create(config)) {
                        @Override
                        public ColorizedImage colorize(BufferedImage image, ColorizeOptions options) {
                            ColorizedImage r = inner.colorize(image, options);
                            if (image.getWidth() > 2 || image.getHeight() > 2) {
                                return r;
                            }
                            // Rounds tiny images up to 2x2, as a backend with a minimum size might.
                            return new ColorizedImage(
                                    new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), r.provenance());
                        }
                    };
                }
            };
        }
    }

    static final class MarksItselfSuite extends BrokenSuite {
        @Override
        protected ColorizerProvider newProvider() {
            return new TintProvider() {
                @Override
                public Colorizer create(BackendConfig config) {
                    return new Bent(super.create(config)) {
                        @Override
                        public ColorizedImage colorize(BufferedImage image, ColorizeOptions options) {
                            ColorizedImage r = inner.colorize(image, options);
                            if (options.watermark().enabled()) {
                                r.image().setRGB(0, r.image().getHeight() - 1, 0xFFFFFF);
                            }
                            return r;
                        }
                    };
                }
            };
        }
    }

    static final class ModifiesInputSuite extends BrokenSuite {
        @Override
        protected ColorizerProvider newProvider() {
            return new TintProvider() {
                @Override
                public Colorizer create(BackendConfig config) {
                    return new Bent(super.create(config)) {
                        @Override
                        public ColorizedImage colorize(BufferedImage image, ColorizeOptions options) {
                            ColorizedImage r = inner.colorize(image, options);
                            image.setRGB(0, 0, image.getRGB(0, 0) ^ 0x010101);
                            return r;
                        }
                    };
                }
            };
        }
    }
}
