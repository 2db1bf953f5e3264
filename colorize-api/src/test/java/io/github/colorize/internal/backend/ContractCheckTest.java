package io.github.colorize.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ModelCard;
import io.github.colorize.ModelCard.Sizing;
import io.github.colorize.ModelCards;
import io.github.colorize.ModelException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractCheckTest {

    private static final ModelCard ARTISTIC =
            ModelCards.find("deoldify-artistic").orElseThrow();
    private static final ModelCard ARTISTIC16 =
            ModelCards.find("deoldify-artistic-fp16").orElseThrow();
    private static final ModelCard HINTS = ModelCards.find("siggraph17-hints").orElseThrow();

    private static GraphSignature.Tensor t(String type, long... shape) {
        return new GraphSignature.Tensor(type, shape);
    }

    private static GraphSignature deoldify(String type, long side) {
        return new GraphSignature(
                Map.of("input", t(type, 1, 3, side, side)), Map.of("output", t(type, 1, 3, side, side)));
    }

    @Test
    void acceptsAMatchingDynamicGraphUnchanged() {
        assertThat(ContractCheck.check(ARTISTIC, deoldify("float32", -1), "f")).isSameAs(ARTISTIC);
        assertThat(ContractCheck.check(ARTISTIC16, deoldify("float16", -1), "f"))
                .isSameAs(ARTISTIC16);
    }

    @Test
    void aFixedSquareGraphMakesTheCardFixed() {
        ModelCard fixed = ContractCheck.check(ARTISTIC, deoldify("float32", 560), "f");
        assertThat(fixed.sizing()).isEqualTo(Sizing.fixedSquare(560));
        assertThat(fixed.name()).isEqualTo(ARTISTIC.name());
    }

    @Test
    void rejectsWrongNamesTypesChannelsAndSizes() {
        assertThatThrownBy(() -> ContractCheck.check(
                        ARTISTIC,
                        new GraphSignature(
                                Map.of("x", t("float32", 1, 3, -1, -1)), Map.of("output", t("float32", 1, 3, -1, -1))),
                        "/m/a.onnx"))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("/m/a.onnx")
                .hasMessageContaining("[x]")
                .hasMessageContaining("[input]");
        assertThatThrownBy(() -> ContractCheck.check(ARTISTIC, deoldify("float16", -1), "f"))
                .hasMessageContaining("float16")
                .hasMessageContaining("-fp16");
        assertThatThrownBy(() -> ContractCheck.check(
                        ARTISTIC,
                        new GraphSignature(
                                Map.of("input", t("float32", 1, 1, -1, -1)),
                                Map.of("output", t("float32", 1, 3, -1, -1))),
                        "f"))
                .hasMessageContaining("channels");
        assertThatThrownBy(() -> ContractCheck.check(
                        ARTISTIC,
                        new GraphSignature(
                                Map.of("input", t("float32", 1, 3, 256, 384)),
                                Map.of("output", t("float32", 1, 3, 256, 384))),
                        "f"))
                .hasMessageContaining("square");
        assertThatThrownBy(() -> ContractCheck.check(
                        ARTISTIC,
                        new GraphSignature(
                                Map.of("input", t("float32", 3, 256, 256)),
                                Map.of("output", t("float32", 1, 3, 256, 256))),
                        "f"))
                .hasMessageContaining("rank 4");
        assertThatThrownBy(() -> ContractCheck.check(
                        ARTISTIC,
                        new GraphSignature(
                                Map.of("input", t("float32", 1, 3, -1, -1)), Map.of("out", t("float32", 1, 3, -1, -1))),
                        "f"))
                .hasMessageContaining("no output 'output'");
        ModelCard eccv = ModelCards.find("eccv16").orElseThrow();
        assertThatThrownBy(() -> ContractCheck.check(
                        eccv,
                        new GraphSignature(
                                Map.of("input", t("float32", 1, 1, 224, 224)),
                                Map.of("output", t("float32", 1, 2, 224, 224))),
                        "f"))
                .hasMessageContaining("256")
                .hasMessageContaining("224");
    }

    @Test
    void auxiliaryInputsAreCheckedByName() {
        GraphSignature g = new GraphSignature(
                Map.of(
                        "L", t("float32", 1, 1, 256, 256),
                        "ab_hint", t("float32", 1, 2, 256, 256),
                        "mask", t("float32", 1, 1, 256, 256)),
                Map.of("ab", t("float32", 1, 2, 256, 256)));
        assertThat(ContractCheck.check(HINTS, g, "f")).isSameAs(HINTS);
        GraphSignature wrongMask = new GraphSignature(
                Map.of(
                        "L", t("float32", 1, 1, 256, 256),
                        "ab_hint", t("float32", 1, 2, 256, 256),
                        "mask", t("float32", 1, 2, 256, 256)),
                Map.of("ab", t("float32", 1, 2, 256, 256)));
        assertThatThrownBy(() -> ContractCheck.check(HINTS, wrongMask, "f")).hasMessageContaining("'mask'");
    }
}
