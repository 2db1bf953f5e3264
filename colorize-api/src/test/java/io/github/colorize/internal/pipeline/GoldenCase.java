package io.github.colorize.internal.pipeline;

import io.github.colorize.PipelineId;
import io.github.colorize.PostProcessing;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;

/**
 * One fixture written by {@code tools/golden/make_pipeline_golden.py}: the synthetic photo, the input
 * tensor and final image of the reference Python pipeline around the same fake model.
 */
record GoldenCase(String name, Properties props) {

    private static final String ROOT = "/pipeline/";
    static final String HINT = "ab_hint";
    static final String MASK = "mask";

    /** Every case listed in {@code pipeline/cases.txt}. */
    static List<GoldenCase> all() {
        String list = new String(bytes(ROOT + "cases.txt"), StandardCharsets.UTF_8);
        return list.lines().filter(s -> !s.isBlank()).map(GoldenCase::load).toList();
    }

    static GoldenCase load(String name) {
        Properties p = new Properties();
        try {
            p.load(new ByteArrayInputStream(bytes(ROOT + name + "/case.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GoldenCase(name, p);
    }

    String family() {
        return props.getProperty("family");
    }

    String contract() {
        return props.getProperty("contract");
    }

    int integer(String key) {
        return Integer.parseInt(props.getProperty(key));
    }

    int width() {
        return integer("width");
    }

    int height() {
        return integer("height");
    }

    int renderFactor() {
        return integer("renderFactor");
    }

    int[] source() {
        return png("source.png");
    }

    int[] expected() {
        return png("expected.png");
    }

    boolean hasNone() {
        return GoldenCase.class.getResource(ROOT + name + "/none.png") != null;
    }

    int[] none() {
        return png("none.png");
    }

    /** The pipeline under test, configured as the reference ran. */
    ColorPipeline pipeline() {
        return switch (family()) {
            case "DEOLDIFY" ->
                Pipelines.forId(
                        contract().equals("normalised") ? PipelineId.DEOLDIFY : PipelineId.DEOLDIFY_255,
                        PipelineSpec.of(new SizeRule.RenderFactorSquare(1), "input", PostProcessing.LUMINANCE_YUV));
            case "DDCOLOR" ->
                Pipelines.forId(
                        PipelineId.DDCOLOR,
                        PipelineSpec.of(new SizeRule.RenderFactorSquare(32), "input", PostProcessing.LUMINANCE_LAB));
            case "ECCV16" ->
                Pipelines.forId(
                        PipelineId.ECCV16,
                        PipelineSpec.of(new SizeRule.FixedSquare(256), "L", PostProcessing.LUMINANCE_LAB));
            case "SIGGRAPH17" ->
                Pipelines.forId(
                        PipelineId.SIGGRAPH17,
                        PipelineSpec.of(new SizeRule.FixedSquare(256), "L", PostProcessing.LUMINANCE_LAB)
                                .withAuxiliaryInputs(List.of(HINT, MASK)));
            case "COLORIZE_CHROMA" ->
                Pipelines.forId(
                        PipelineId.COLORIZE_CHROMA,
                        PipelineSpec.of(new SizeRule.AspectArea(32), "l", PostProcessing.LUMINANCE_LAB)
                                .withOutputScale(4));
            default -> throw new IllegalStateException("unknown family " + family());
        };
    }

    /** Runs this case's fake model on a prepared photo (all its inputs). */
    Tensor fakeModel(Prepared p) {
        return fakeModel(p.input(), p);
    }

    /** Runs this case's fake model on {@code input}, taking any extra inputs from {@code p}. */
    Tensor fakeModel(Tensor input, Prepared p) {
        return switch (family()) {
            case "DEOLDIFY" ->
                contract().equals("normalised")
                        ? FakeModels.deOldifyNormalized(input)
                        : FakeModels.deOldifyBytes(input);
            case "DDCOLOR" -> FakeModels.ddColor(input);
            case "ECCV16" -> FakeModels.eccv16(input);
            case "SIGGRAPH17" ->
                FakeModels.siggraph17(
                        input, p.extraInputs().get(HINT), p.extraInputs().get(MASK));
            case "COLORIZE_CHROMA" -> FakeModels.chroma(input);
            default -> throw new IllegalStateException("unknown family " + family());
        };
    }

    /** The reference input tensor, as the Python pipeline built it. */
    Tensor referenceInput(String tensorName) {
        long[] shape = Arrays.stream(props.getProperty("inputShape").split(","))
                .mapToLong(Long::parseLong)
                .toArray();
        byte[] raw;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes(ROOT + name + "/input.f32.gz")))) {
            raw = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        float[] data = new float[raw.length / 4];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
        return new Tensor(tensorName, shape, data);
    }

    /** SHA-256 of a tensor's values as little-endian float32, the digest the script records. */
    static String sha256(Tensor t) {
        ByteBuffer buf = ByteBuffer.allocate(t.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(t.data());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buf.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private int[] png(String file) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes(ROOT + name + "/" + file)));
            int w = img.getWidth();
            int h = img.getHeight();
            int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] &= 0xFFFFFF;
            }
            return rgb;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = GoldenCase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
