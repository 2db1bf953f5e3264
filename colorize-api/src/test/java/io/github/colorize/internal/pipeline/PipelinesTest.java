package io.github.colorize.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ModelCard;
import io.github.colorize.ModelCards;
import io.github.colorize.ModelException;
import io.github.colorize.ModelFamily;
import io.github.colorize.ModelSource;
import io.github.colorize.PipelineId;
import io.github.colorize.PostProcessing;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PipelinesTest {

    static List<ModelCard> builtInCards() {
        return ModelCards.builtIn();
    }

    /** Every shipped card names a pipeline that accepts it and prepares a photo at its default factor. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInCards")
    void everyBuiltInCardHasAWorkingPipeline(ModelCard card) {
        ColorPipeline pipe = Pipelines.forCard(card);
        int[] rgb = PipelineBehaviorTest.photo(new Random(1), 37, 23, true);
        Prepared p = pipe.prepare(rgb, 37, 23, card.defaultRenderFactor(), Fidelity.DEFAULT);
        assertThat(p.input().name()).isEqualTo(card.inputName());
        assertThat(p.allInputs().keySet()).containsExactlyElementsOf(card.inputNames());
        assertThat(p.input().shape()[0]).isEqualTo(1);
        if (card.sizing().kind() == ModelCard.Sizing.Kind.FIXED_SQUARE) {
            assertThat(p.modelWidth()).isEqualTo(card.sizing().side());
            // the card's default factor is the one its fixed graph runs, so reference fidelity accepts it
            assertThat(pipe.prepare(rgb, 37, 23, card.defaultRenderFactor(), Fidelity.REFERENCE)
                            .modelWidth())
                    .isEqualTo(card.sizing().side());
        } else {
            assertThat(p.modelWidth() % card.sizing().multiple()).isZero();
            assertThat(p.modelHeight() % card.sizing().multiple()).isZero();
        }
    }

    @Test
    void cardSizingBecomesTheSizeRule() {
        ModelCard dd = ModelCards.find("ddcolor-tiny").orElseThrow();
        PipelineSpec spec = Pipelines.specFor(dd);
        assertThat(spec.sizes()).isEqualTo(new SizeRule.RenderFactorSquare(32));
        assertThat(spec.defaultMode()).isEqualTo(PostProcessing.LUMINANCE_LAB);
        assertThat(Pipelines.specFor(dd.toBuilder()
                                .sizing(ModelCard.Sizing.fixedSquare(512))
                                .build())
                        .sizes())
                .isEqualTo(new SizeRule.FixedSquare(512));
        PipelineSpec area = Pipelines.specFor(dd.toBuilder()
                .pipeline(PipelineId.COLORIZE_CHROMA)
                .sizing(ModelCard.Sizing.renderFactorArea(32, 4))
                .build());
        assertThat(area.sizes()).isEqualTo(new SizeRule.AspectArea(32));
        assertThat(area.outputScale()).isEqualTo(4);
    }

    @Test
    void aCardTheFamilyCannotServeIsAModelErrorNamingTheCard() {
        ModelCard base = ModelCard.builder()
                .name("my-model")
                .version("1")
                .source(ModelSource.file(Path.of("my-model.onnx")))
                .license("MIT")
                .family(ModelFamily.CUSTOM)
                .inputName("input")
                .outputName("output")
                .sizing(ModelCard.Sizing.fixedSquare(256))
                .defaultRenderFactor(16)
                .pipeline(PipelineId.ECCV16)
                .postProcessing(PostProcessing.LUMINANCE_LAB)
                .description("test")
                .build();
        ModelCard twoInputs = base.toBuilder()
                .pipeline(PipelineId.DDCOLOR)
                .auxiliaryInputs(List.of("x"))
                .build();
        assertThatThrownBy(() -> Pipelines.forCard(twoInputs))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("'my-model'")
                .hasMessageContaining("DDColor");
    }
}
