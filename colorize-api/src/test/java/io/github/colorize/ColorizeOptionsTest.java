package io.github.colorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ColorizeOptionsTest {

    @Test
    void defaultsAreHonestAndAutomatic() {
        ColorizeOptions d = ColorizeOptions.defaults();
        assertThat(d.renderFactor().isAuto()).isTrue();
        assertThat(d.chromaStrength()).isEqualTo(1.0);
        assertThat(d.postProcessing()).isEqualTo(PostProcessing.MODEL_DEFAULT);
        assertThat(d.watermark().enabled()).isTrue();
        assertThat(d.embedMetadata()).isTrue();
    }

    @Test
    void builderRoundTripsThroughToBuilder() {
        ColorizeOptions o = ColorizeOptions.builder()
                .renderFactor(21)
                .chromaStrength(1.3)
                .postProcessing(PostProcessing.LUMINANCE_YUV)
                .watermark(false)
                .embedMetadata(false)
                .build();
        assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
        assertThat(o.renderFactor().side()).isEqualTo(336);
        assertThat(o.watermark().enabled()).isFalse();
        assertThat(o).isNotEqualTo(ColorizeOptions.defaults());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 2.01, Double.NaN})
    void strengthOutOfRangeIsRefused(double s) {
        assertThatThrownBy(() -> ColorizeOptions.builder().chromaStrength(s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chroma strength");
    }

    @Test
    void renderFactorRangeAndParsing() {
        assertThat(RenderFactor.of(7).side()).isEqualTo(112);
        assertThat(RenderFactor.of(45).side()).isEqualTo(720);
        assertThat(RenderFactor.parse(" AUTO ")).isEqualTo(RenderFactor.auto());
        assertThat(RenderFactor.parse("35").value()).hasValue(35);
        assertThat(RenderFactor.auto().value()).isEmpty();
        assertThatThrownBy(() -> RenderFactor.of(6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RenderFactor.of(46)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RenderFactor.parse("big")).hasMessageContaining("'big'");
        assertThatThrownBy(() -> RenderFactor.auto().side()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void watermarkOptionsValidate() {
        assertThat(WatermarkOptions.defaults().sizeFraction()).isEqualTo(0.05);
        assertThat(WatermarkOptions.none().enabled()).isFalse();
        assertThatThrownBy(() -> new WatermarkOptions(true, WatermarkOptions.Corner.TOP_LEFT, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WatermarkOptions(true, WatermarkOptions.Corner.TOP_LEFT, 0.05, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
