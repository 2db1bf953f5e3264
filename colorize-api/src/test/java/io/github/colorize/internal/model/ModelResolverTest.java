package io.github.colorize.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.DownloadProgress;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelException;
import io.github.colorize.ModelSource;
import io.github.colorize.PipelineId;
import io.github.colorize.internal.io.Sha256;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelResolverTest {

    @TempDir
    Path tmp;

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final byte[] bytes = ModelDownloaderTest.randomBytes(5000, 3);
    private final String sha = Sha256.of(bytes);

    private ModelResolver resolver(ClassLoader... loaders) {
        return new ModelResolver(
                new ModelCache(tmp.resolve("cache")), ModelDownloader.withDefaults(), List.of(loaders));
    }

    private static ModelCard card(ModelSource source, String sha256) {
        return ModelCard.builder()
                .name("t")
                .version("1")
                .source(source)
                .sha256(sha256)
                .license("MIT")
                .family(io.github.colorize.ModelFamily.CUSTOM)
                .inputName("l")
                .outputName("ab")
                .sizing(ModelCard.Sizing.renderFactorArea(32, 4))
                .defaultRenderFactor(20)
                .pipeline(PipelineId.COLORIZE_CHROMA)
                .postProcessing(io.github.colorize.PostProcessing.LUMINANCE_LAB)
                .build();
    }

    @Test
    void localFilesAreHashedAndVerified() throws IOException {
        Path f = Files.write(tmp.resolve("m.onnx"), bytes);

        ResolvedModel r = resolver().resolve(card(ModelSource.file(f), sha), DownloadProgress.NONE);
        assertThat(r.localFile()).contains(f);
        assertThat(r.sha256()).isEqualTo(sha);

        ResolvedModel unknownHash = resolver().resolve(card(ModelSource.file(f), null), DownloadProgress.NONE);
        assertThat(unknownHash.sha256()).isEqualTo(sha);

        assertThatThrownBy(() -> resolver().resolve(card(ModelSource.file(f), "00".repeat(32)), DownloadProgress.NONE))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("expects");
    }

    @Test
    void missingFileIsAClearError() {
        Path f = tmp.resolve("absent.onnx");
        assertThatThrownBy(() -> resolver().resolve(card(ModelSource.file(f), null), DownloadProgress.NONE))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void resourcesAreReadAndVerified() throws IOException {
        Path root = tmp.resolve("cp");
        Files.createDirectories(root.resolve("pkg"));
        Files.write(root.resolve("pkg/m.onnx"), bytes);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            ModelResolver r = resolver(loader);
            assertThat(r.findResource("pkg/m.onnx")).isPresent();
            ResolvedModel m = r.resolve(card(ModelSource.resource("pkg/m.onnx"), sha), DownloadProgress.NONE);
            assertThat(m.bytes()).isEqualTo(bytes);
            assertThat(m.localFile()).isEmpty();
            assertThatThrownBy(
                            () -> r.resolve(card(ModelSource.resource("pkg/none.onnx"), null), DownloadProgress.NONE))
                    .isInstanceOf(ModelException.class)
                    .hasMessageContaining("pkg/none.onnx");
        }
    }

    @Test
    void missingBundledResourceNamesTheArtifact() {
        assertThatThrownBy(() -> resolver(getClass().getClassLoader())
                        .resolve(card(ModelSource.resource(BundledCard.ONNX), null), DownloadProgress.NONE))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("colorize-model");
    }

    @Test
    void manualFilesComeFromTheCacheOrExplainHowToGetThem() throws IOException {
        ModelCard manual = card(ModelSource.manual("hand.onnx", "Ask grandma for it."), null);
        assertThatThrownBy(() -> resolver().resolve(manual, DownloadProgress.NONE))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("Ask grandma for it.")
                .hasMessageContaining(tmp.resolve("cache").resolve("hand.onnx").toString());

        Files.createDirectories(tmp.resolve("cache"));
        Files.write(tmp.resolve("cache/hand.onnx"), bytes);
        assertThat(resolver().resolve(manual, DownloadProgress.NONE).sha256()).isEqualTo(sha);
    }

    @Test
    void urlsDownloadIntoTheCache() throws IOException {
        server.enqueue(
                new MockResponse.Builder().body(new Buffer().write(bytes)).build());
        ModelCard c = card(ModelSource.url(server.url("/d/m.onnx").uri(), sha), null);

        ResolvedModel r = resolver().resolve(c, DownloadProgress.NONE);

        assertThat(r.localFile())
                .contains(tmp.resolve("cache")
                        .resolve(sha.substring(0, 16))
                        .resolve("m.onnx")
                        .toAbsolutePath());
        assertThat(Files.readAllBytes(r.file())).isEqualTo(bytes);
        assertThat(resolver().expectedLocation(c)).contains(r.file());
        try (Stream<Path> s = Files.walk(tmp.resolve("cache"))) {
            assertThat(s.filter(Files::isRegularFile)).containsExactly(r.file());
        }
    }

    @Test
    void aRightFlatFileInACacheThatCannotTakeItsFolderIsUsedWhereItIs() throws IOException {
        Path cacheDir = Files.createDirectories(tmp.resolve("cache"));
        Path flat = Files.write(cacheDir.resolve("m.onnx"), bytes);
        // Stands in for a read-only cache (tests run as root, so permissions would not stop them).
        Files.writeString(cacheDir.resolve(sha.substring(0, 16)), "a file where the folder would go");
        ModelCard c = card(ModelSource.url(server.url("/d/m.onnx").uri(), sha), null);

        ResolvedModel r = resolver().resolve(c, DownloadProgress.NONE);

        assertThat(server.getRequestCount()).isZero();
        assertThat(r.file()).isEqualTo(flat.toAbsolutePath());
        assertThat(r.sha256()).isEqualTo(sha);
    }

    @Test
    void twoUrlModelsWithOneFileNameKeepTheirOwnFiles() throws IOException {
        byte[] other = ModelDownloaderTest.randomBytes(4000, 9);
        String otherSha = Sha256.of(other);
        server.enqueue(
                new MockResponse.Builder().body(new Buffer().write(bytes)).build());
        server.enqueue(
                new MockResponse.Builder().body(new Buffer().write(other)).build());
        ModelCard first = card(ModelSource.url(server.url("/a/model.onnx").uri(), sha), null);
        ModelCard second = card(ModelSource.url(server.url("/b/model.onnx").uri(), otherSha), null);

        ResolvedModel a = resolver().resolve(first, DownloadProgress.NONE);
        ResolvedModel b = resolver().resolve(second, DownloadProgress.NONE);
        ResolvedModel againA = resolver().resolve(first, DownloadProgress.NONE);

        assertThat(a.file()).isNotEqualTo(b.file());
        assertThat(Files.readAllBytes(againA.file())).isEqualTo(bytes);
        assertThat(Files.readAllBytes(b.file())).isEqualTo(other);
        assertThat(server.getRequestCount()).as("nothing downloaded twice").isEqualTo(2);
    }

    @Test
    void aRightFilePlacedDirectlyInTheCacheIsReusedAndAWrongOneLeftAlone() throws IOException {
        Path flat = Files.createDirectories(tmp.resolve("cache")).resolve("m.onnx");
        Files.write(flat, bytes);
        ModelCard c = card(ModelSource.url(server.url("/d/m.onnx").uri(), sha), null);

        ResolvedModel r = resolver().resolve(c, DownloadProgress.NONE);

        assertThat(server.getRequestCount()).isZero();
        assertThat(Files.readAllBytes(r.file())).isEqualTo(bytes);
        assertThat(flat).exists();

        byte[] other = ModelDownloaderTest.randomBytes(4000, 9);
        ModelCard d = card(ModelSource.url(server.url("/e/m.onnx").uri(), Sha256.of(other)), null);
        server.enqueue(
                new MockResponse.Builder().body(new Buffer().write(other)).build());
        ResolvedModel s = resolver().resolve(d, DownloadProgress.NONE);
        assertThat(server.getRequestCount())
                .as("a different file of that name is not used")
                .isEqualTo(1);
        assertThat(Files.readAllBytes(s.file())).isEqualTo(other);
        assertThat(Files.readAllBytes(flat)).isEqualTo(bytes);
    }
}
