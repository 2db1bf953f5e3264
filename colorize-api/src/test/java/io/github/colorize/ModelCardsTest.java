package io.github.colorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCardsTest {

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        ModelCards.unregister("mine");
        ModelCards.unregister("json-card");
    }

    @Test
    void builtInCardsCoverEveryFamilyOnce() {
        List<ModelCard> cards = ModelCards.builtIn();
        Set<String> names = cards.stream().map(ModelCard::name).collect(Collectors.toSet());
        assertThat(names).hasSize(cards.size());
        assertThat(names)
                .contains(
                        "colorize-compact-v2",
                        "deoldify-artistic",
                        "deoldify-artistic-fp16",
                        "deoldify-artistic-raw",
                        "deoldify-stable",
                        "deoldify-stable-fp16",
                        "deoldify-stable-raw",
                        "deoldify-video",
                        "deoldify-video-fp16",
                        "deoldify-video-raw",
                        "ddcolor-tiny",
                        "ddcolor-large",
                        "eccv16",
                        "siggraph17",
                        "siggraph17-hints");
        assertThat(cards.get(0).name()).isEqualTo(ModelCards.bundledName());
        assertThat(cards.stream().map(ModelCard::family).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(
                        ModelFamily.COLORIZE_CHROMA,
                        ModelFamily.DEOLDIFY,
                        ModelFamily.DDCOLOR,
                        ModelFamily.ECCV16,
                        ModelFamily.SIGGRAPH17);
    }

    @Test
    void builtInCardsFollowTheReferencePipelines() {
        ModelCard artistic = ModelCards.find("deoldify-artistic").orElseThrow();
        assertThat(artistic.pipeline()).isEqualTo(PipelineId.DEOLDIFY_255);
        assertThat(artistic.defaultRenderFactor()).isEqualTo(35);
        assertThat(artistic.postProcessing()).isEqualTo(PostProcessing.LUMINANCE_YUV);
        assertThat(artistic.sizing()).isEqualTo(ModelCard.Sizing.renderFactorSquare(32));
        assertThat(ModelCards.find("deoldify-video").orElseThrow().defaultRenderFactor())
                .isEqualTo(21);
        assertThat(ModelCards.find("deoldify-stable-fp16").orElseThrow().dtype())
                .isEqualTo(ModelCard.TensorType.FLOAT16);
        assertThat(ModelCards.find("deoldify-stable-raw").orElseThrow().pipeline())
                .isEqualTo(PipelineId.DEOLDIFY);

        ModelCard ddcolor = ModelCards.find("ddcolor-tiny").orElseThrow();
        assertThat(16 * ddcolor.defaultRenderFactor()).isEqualTo(512);
        assertThat(ddcolor.postProcessing()).isEqualTo(PostProcessing.LUMINANCE_LAB);

        ModelCard eccv = ModelCards.find("eccv16").orElseThrow();
        assertThat(eccv.sizing()).isEqualTo(ModelCard.Sizing.fixedSquare(256));
        assertThat(eccv.source()).isInstanceOf(ModelSource.Url.class);
        assertThat(eccv.expectedSha256()).isPresent();
        assertThat(ModelCards.find("siggraph17-hints").orElseThrow().inputNames())
                .containsExactly("L", "ab_hint", "mask");

        ModelCard bundled = ModelCards.find(ModelCards.bundledName()).orElseThrow();
        assertThat(bundled.inputName()).isEqualTo("l");
        assertThat(bundled.outputName()).isEqualTo("ab");
        assertThat(bundled.sizing()).isEqualTo(ModelCard.Sizing.renderFactorArea(32, 4));
        assertThat(bundled.source())
                .isEqualTo(ModelSource.resource("io/github/colorize/model/colorize-compact-v2.onnx"));
    }

    @Test
    void findIgnoresCase() {
        assertThat(ModelCards.find(" DDColor-Tiny ")).isPresent();
        assertThat(ModelCards.find("nope")).isEmpty();
    }

    @Test
    void registeredCardsAreFoundAndListed() {
        ModelCard mine = ModelCardTest.valid().name("mine").build();
        ModelCards.register(mine);
        assertThat(ModelCards.find("mine")).contains(mine);
        assertThat(ModelCards.all()).contains(mine);
        assertThat(ModelCards.unregister("mine")).isTrue();
        assertThat(ModelCards.find("mine")).isEmpty();
    }

    @Test
    void builtInNamesCannotBeTaken() {
        assertThatThrownBy(() ->
                        ModelCards.register(ModelCardTest.valid().name("eccv16").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("built-in");
    }

    @Test
    void loadsAPropertiesCardBasedOnABuiltInOne() throws Exception {
        Files.writeString(dir.resolve("m.onnx"), "not really onnx");
        Path card = dir.resolve("mine.properties");
        Files.writeString(card, "name=mine\nbase=deoldify-artistic\nfile=m.onnx\ndefaultRenderFactor=21\n");

        ModelCard loaded = ModelCards.load(card);

        assertThat(loaded.name()).isEqualTo("mine");
        assertThat(loaded.source())
                .isEqualTo(ModelSource.file(dir.resolve("m.onnx").toAbsolutePath()));
        assertThat(loaded.defaultRenderFactor()).isEqualTo(21);
        assertThat(loaded.pipeline()).isEqualTo(PipelineId.DEOLDIFY_255);
        assertThat(ModelCards.find("mine")).contains(loaded);
    }

    @Test
    void loadsAJsonCard() throws Exception {
        Path card = dir.resolve("card.json");
        Files.writeString(card, """
                {"name": "json-card", "url": "https://example.org/c.onnx", "sha256": "%s",
                 "license": "MIT", "input": "L", "auxiliaryInputs": ["ab_hint", "mask"], "output": "ab",
                 "sizing": "fixed:256", "defaultRenderFactor": 16, "pipeline": "siggraph17",
                 "dtype": "float16", "family": "siggraph17"}
                """.formatted("12".repeat(32)));

        ModelCard loaded = ModelCards.load(card);

        assertThat(loaded.inputNames()).containsExactly("L", "ab_hint", "mask");
        assertThat(loaded.dtype()).isEqualTo(ModelCard.TensorType.FLOAT16);
        assertThat(loaded.family()).isEqualTo(ModelFamily.SIGGRAPH17);
        assertThat(loaded.postProcessing()).isEqualTo(PostProcessing.LUMINANCE_LAB);
        assertThat(loaded.sha256()).isEqualTo("12".repeat(32));
    }

    @Test
    void prefetchDownloadsIntoTheConfiguredCacheOnce() throws Exception {
        byte[] model = "pretend this is a graph".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String old = System.getProperty("colorize.model.cache");
        System.setProperty("colorize.model.cache", dir.resolve("cache").toString());
        try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
            server.start();
            server.enqueue(new mockwebserver3.MockResponse.Builder()
                    .body(new okio.Buffer().write(model))
                    .build());
            ModelCard card = ModelCardTest.valid()
                    .source(ModelSource.url(
                            server.url("/m/mine.onnx").uri(), io.github.colorize.internal.io.Sha256.of(model)))
                    .build();
            List<Long> seen = new java.util.ArrayList<>();

            assertThat(ModelCards.cacheDirectory())
                    .isEqualTo(dir.resolve("cache").toAbsolutePath());
            java.util.Optional<Path> file = ModelCards.prefetch(card, (done, total) -> seen.add(done));
            java.util.Optional<Path> again = ModelCards.prefetch(card, DownloadProgress.NONE);

            assertThat(file)
                    .contains(dir.resolve("cache")
                            .resolve(io.github.colorize.internal.io.Sha256.of(model)
                                    .substring(0, 16))
                            .resolve("mine.onnx")
                            .toAbsolutePath());
            assertThat(Files.readAllBytes(file.get())).isEqualTo(model);
            assertThat(again).isEqualTo(file);
            assertThat(seen).endsWith((long) model.length);
            assertThat(server.getRequestCount()).isEqualTo(1);
        } finally {
            if (old == null) {
                System.clearProperty("colorize.model.cache");
            } else {
                System.setProperty("colorize.model.cache", old);
            }
        }
    }

    @Test
    void badCardFilesNameTheFileAndTheCause() throws Exception {
        Path card = dir.resolve("bad.properties");
        Files.writeString(
                card,
                "name=mine\nfile=m.onnx\nlicense=MIT\ninput=a\noutput=b\nsizing=round:3\n"
                        + "defaultRenderFactor=20\npipeline=eccv16\n");
        assertThatThrownBy(() -> ModelCards.load(card))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(card.toString())
                .hasMessageContaining("sizing");

        Files.writeString(card, "name=mine\ncolour=blue\n");
        assertThatThrownBy(() -> ModelCards.load(card)).hasMessageContaining("unknown key 'colour'");

        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> ModelCards.load(missing))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(missing.toString());

        Path json = dir.resolve("broken.json");
        Files.writeString(json, "{\"name\": \"mine\",");
        assertThatThrownBy(() -> ModelCards.load(json))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("broken.json");
    }
}
