package io.github.colorize.internal.model;

import io.github.colorize.ModelCard;
import io.github.colorize.ModelCard.Sizing;
import io.github.colorize.ModelCard.TensorType;
import io.github.colorize.ModelFamily;
import io.github.colorize.ModelSource;
import io.github.colorize.PipelineId;
import io.github.colorize.PostProcessing;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The third-party cards shipped with the library, each following reference-pipelines.md. Weights that
 * their authors publish only behind Google Drive or Dropbox links (DeOldify ports, DDColor exports)
 * carry {@link ModelSource#manual manual} sources: the user places the file in the model cache. Only
 * files with a published URL and SHA-256 download by themselves. Static and thread-safe.
 */
public final class BuiltInCards {

    private static final String DEOLDIFY_LICENSE = "MIT (DeOldify code and weights, jantic/DeOldify)";
    private static final String DEOLDIFY_ONNX_HINT = "Get it from the Google Drive folder linked in the README of"
            + " github.com/instant-high/deoldify-onnx (exported from jantic/DeOldify with its convert_to_onnx.py).";
    private static final String DEOLDIFY_RAW_HINT = "Export the generator of jantic/DeOldify to ONNX yourself,"
            + " without the 0-255 scaling wrapper (input: ImageNet-normalised gray RGB; output: normalised RGB),"
            + " at the side you will render at or with dynamic height and width.";
    private static final String RANGE_255 = "in: gray RGB 0-255 (Pillow luma replicated); out: RGB 0-255, clamped";
    private static final String RANGE_RAW =
            "in: gray RGB normalised with ImageNet mean/std; out: RGB in normalised space, within (-3, 3)";

    private BuiltInCards() {}

    /**
     * The third-party cards, in listing order.
     *
     * @return the cards
     */
    public static List<ModelCard> thirdParty() {
        List<ModelCard> out = new ArrayList<>();
        addDeOldify(out, "artistic", "ColorizeArtistic", 35, "DeOldify artistic: most vivid, sometimes glitchy");
        addDeOldify(out, "stable", "ColorizeStable", 35, "DeOldify stable: fewer artefacts on faces and nature");
        addDeOldify(out, "video", "DeoldifyVideo", 21, "DeOldify video: least colourful, steadiest across frames");
        out.add(ddcolor("tiny", "ddcolor_paper_tiny", "DDColor-T (ConvNeXt-T, 55 M parameters)"));
        out.add(ddcolor("large", "ddcolor_modelscope", "DDColor-L (ConvNeXt-L, 228 M parameters)"));
        out.add(richzhang(
                "eccv16",
                ModelFamily.ECCV16,
                PipelineId.ECCV16,
                "colorization-eccv-16.onnx",
                "b4a4cecae9e84e776d665e85774815b0bb43de382813b02fb13144f8fd5d6c83",
                "Zhang et al. ECCV 2016 (export by clibdev/colorization)"));
        out.add(richzhang(
                "siggraph17",
                ModelFamily.SIGGRAPH17,
                PipelineId.SIGGRAPH17,
                "colorization-siggraph-17.onnx",
                "7db825910668ee321327d2e6b446e57cbc9c066e196e8be0e152bf76e1206eb7",
                "Zhang et al. SIGGRAPH 2017, automatic mode (hints fixed to zero inside the graph)"));
        out.add(ModelCard.builder()
                .name("siggraph17-hints")
                .version("siggraph17-df00044c")
                .source(ModelSource.manual(
                        "siggraph17-hints.onnx",
                        "Export richzhang/colorization's siggraph17 network with three inputs (L, ab_hint, mask)."))
                .license("BSD-2-Clause (richzhang/colorization)")
                .family(ModelFamily.SIGGRAPH17)
                .inputName("L")
                .auxiliaryInputs(List.of("ab_hint", "mask"))
                .outputName("ab")
                .valueRange("in: L 0-100 at 256x256, ab_hint and mask zero (automatic mode); out: a*b* in Lab units")
                .sizing(Sizing.fixedSquare(256))
                .defaultRenderFactor(16)
                .pipeline(PipelineId.SIGGRAPH17)
                .postProcessing(PostProcessing.LUMINANCE_LAB)
                .description("SIGGRAPH17 with explicit hint inputs (reference-pipelines 5.5), fed zeros")
                .build());
        return List.copyOf(out);
    }

    private static void addDeOldify(List<ModelCard> out, String variant, String file, int factor, String what) {
        String name = "deoldify-" + variant;
        out.add(deoldify255(name, file + "_dyn.onnx", TensorType.FLOAT32, factor, what));
        out.add(deoldify255(
                name + "-fp16", file + "_dyn_fp16.onnx", TensorType.FLOAT16, factor, what + "; half precision"));
        out.add(ModelCard.builder()
                .name(name + "-raw")
                .version(file + "_gen")
                .source(ModelSource.manual("deoldify-" + variant + "-raw.onnx", DEOLDIFY_RAW_HINT))
                .license(DEOLDIFY_LICENSE)
                .family(ModelFamily.DEOLDIFY)
                .inputName("input")
                .outputName("output")
                .valueRange(RANGE_RAW)
                .sizing(Sizing.renderFactorSquare(16))
                .defaultRenderFactor(factor)
                .pipeline(PipelineId.DEOLDIFY)
                .postProcessing(PostProcessing.LUMINANCE_YUV)
                .description(what + "; raw generator graph")
                .build());
    }

    private static ModelCard deoldify255(String name, String file, TensorType dtype, int factor, String what) {
        return ModelCard.builder()
                .name(name)
                .version(file.substring(0, file.indexOf('.')))
                .source(ModelSource.manual(file, DEOLDIFY_ONNX_HINT))
                .license(DEOLDIFY_LICENSE)
                .family(ModelFamily.DEOLDIFY)
                .inputName("input")
                .outputName("output")
                .dtype(dtype)
                .valueRange(RANGE_255)
                // Exported with dynamic height and width, these graphs only run sides that are multiples of 32.
                .sizing(Sizing.renderFactorSquare(32))
                .defaultRenderFactor(factor)
                .pipeline(PipelineId.DEOLDIFY_255)
                .postProcessing(PostProcessing.LUMINANCE_YUV)
                .description(what)
                .build();
    }

    private static ModelCard ddcolor(String size, String weights, String what) {
        return ModelCard.builder()
                .name("ddcolor-" + size)
                .version(weights)
                .source(ModelSource.manual(
                        "ddcolor-" + size + ".onnx",
                        "Export it with scripts/export_onnx.py of github.com/piddnad/DDColor from " + weights
                                + ".pth (input 512, batch 1) and name the file ddcolor-" + size + ".onnx."))
                .license("Apache-2.0 (piddnad/DDColor)")
                .family(ModelFamily.DDCOLOR)
                .inputName("input")
                .outputName("output")
                .valueRange("in: gray RGB from Lab L with a=b=0, in [0, 1] (normalised inside the graph);"
                        + " out: a*b* in Lab units")
                .sizing(Sizing.renderFactorSquare(32))
                .defaultRenderFactor(32)
                .pipeline(PipelineId.DDCOLOR)
                .postProcessing(PostProcessing.LUMINANCE_LAB)
                .description(what + "; default input 512")
                .build();
    }

    private static ModelCard richzhang(
            String name, ModelFamily family, PipelineId pipeline, String file, String sha256, String what) {
        return ModelCard.builder()
                .name(name)
                .version(file.substring(0, file.indexOf('.')))
                .source(ModelSource.url(
                        URI.create("https://github.com/clibdev/colorization/releases/latest/download/" + file), sha256))
                .license("BSD-2-Clause (richzhang/colorization)")
                .family(family)
                .inputName("input")
                .outputName("output")
                .valueRange("in: L 0-100 at 256x256 (centred inside the graph); out: a*b* in Lab units")
                .sizing(Sizing.fixedSquare(256))
                .defaultRenderFactor(16)
                .pipeline(pipeline)
                .postProcessing(PostProcessing.LUMINANCE_LAB)
                .description(what)
                .build();
    }
}
