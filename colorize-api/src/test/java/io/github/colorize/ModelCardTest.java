package io.github.colorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ModelCard.Sizing;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelCardTest {

    private static final String SHA = "ab".repeat(32);

    static ModelCard.Builder valid() {
        return ModelCard.builder()
                .name("my-model")
                .version("1")
                .source(ModelSource.file(Path.of("/models/my.onnx")))
                .license("MIT")
                .family(ModelFamily.CUSTOM)
                .inputName("input")
                .outputName("output")
                .sizing(Sizing.fixedSquare(256))
                .defaultRenderFactor(16)
                .pipeline(PipelineId.ECCV16)
                .postProcessing(PostProcessing.LUMINANCE_LAB);
    }

    @Test
    void buildsWithDefaultsForOptionalParts() {
        ModelCard card = valid().build();
        assertThat(card.layout()).isEqualTo(ModelCard.Layout.NCHW);
        assertThat(card.dtype()).isEqualTo(ModelCard.TensorType.FLOAT32);
        assertThat(card.auxiliaryInputs()).isEmpty();
        assertThat(card.expectedSha256()).isEmpty();
        assertThat(card.inputNames()).containsExactly("input");
        assertThat(card.toBuilder().build()).isEqualTo(card);
    }

    @Test
    void urlSourceCarriesTheHashIntoTheCard() {
        ModelCard card = valid().source(ModelSource.url(URI.create("https://example.org/m.onnx"), SHA.toUpperCase()))
                .build();
        assertThat(card.sha256()).isEqualTo(SHA);
        assertThat(card.toBuilder().build()).isEqualTo(card);
    }

    @Test
    void conflictingHashesAreRejected() {
        assertThatThrownBy(() -> valid().source(ModelSource.url(URI.create("https://example.org/m.onnx"), SHA))
                        .sha256("cd".repeat(32))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differs");
    }

    @Test
    void withSourceDropsAHashThatBelongedToTheOldFile() {
        ModelCard card = valid().sha256(SHA).build();
        assertThat(card.withSource(ModelSource.file(Path.of("/other.onnx"))).expectedSha256())
                .isEmpty();
    }

    static Stream<ModelCard.Builder> invalid() {
        return Stream.of(
                valid().name("Upper"),
                valid().name("has space"),
                valid().name(""),
                valid().version(" "),
                valid().license(""),
                valid().inputName(""),
                valid().defaultRenderFactor(6),
                valid().defaultRenderFactor(46),
                valid().postProcessing(PostProcessing.MODEL_DEFAULT),
                valid().sha256("xyz"),
                valid().auxiliaryInputs(List.of("input")),
                valid().auxiliaryInputs(List.of("a", "a")));
    }

    @Test
    void anUnknownOrBlankPipelineIdIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> valid().pipeline(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("colorize-chroma");
        assertThatThrownBy(() -> valid().pipeline("pix2pix"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pix2pix'");
        assertThat(valid().pipeline(" DeOldify-255 ").build().pipeline()).isEqualTo(PipelineId.DEOLDIFY_255);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidCardsAreRejected(ModelCard.Builder b) {
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingRequiredPartsNameThePart() {
        assertThatThrownBy(() -> valid().sizing(null).build()).hasMessageContaining("sizing");
        assertThatThrownBy(() -> valid().source(null).build()).hasMessageContaining("source");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixed:256", "square:32", "area:32/4", "square:1", "fixed:512/2"})
    void sizingTextRoundTrips(String text) {
        assertThat(Sizing.parse(text).text()).isEqualTo(text);
    }

    @Test
    void sizingParsesItsParts() {
        assertThat(Sizing.parse(" AREA:32/4 ")).isEqualTo(Sizing.renderFactorArea(32, 4));
        assertThat(Sizing.parse("fixed:256")).isEqualTo(Sizing.fixedSquare(256));
        assertThat(Sizing.parse("square:32")).isEqualTo(Sizing.renderFactorSquare(32));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fixed", "round:3", "fixed:x", "area:30/4", "square:0", "fixed:0", "area:32/0"})
    void malformedSizingIsRejected(String text) {
        assertThatThrownBy(() -> Sizing.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
