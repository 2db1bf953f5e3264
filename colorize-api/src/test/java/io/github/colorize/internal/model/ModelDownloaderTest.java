package io.github.colorize.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ModelException;
import io.github.colorize.ModelSource;
import io.github.colorize.internal.io.Sha256;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDownloaderTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path cacheDir;

    private final ModelDownloader downloader = new ModelDownloader(Duration.ofSeconds(5), Duration.ofSeconds(5));
    private final byte[] model = randomBytes(200_000, 7);
    private final String sha = Sha256.of(model);

    @Test
    void downloadsVerifiesAndReportsProgress() throws Exception {
        server.enqueue(
                new MockResponse.Builder().body(new Buffer().write(model)).build());
        Path target = cacheDir.resolve("m.onnx");
        List<long[]> progress = new ArrayList<>();

        Path got =
                downloader.fetch("m", source("/models/m.onnx", sha), target, (d, t) -> progress.add(new long[] {d, t}));

        assertThat(got).isEqualTo(target);
        assertThat(Files.readAllBytes(target)).isEqualTo(model);
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)).containsExactly(model.length, model.length);
        assertThat(progress).allSatisfy(p -> assertThat(p[0]).isBetween(0L, (long) model.length));
        assertThat(server.takeRequest().getTarget()).isEqualTo("/models/m.onnx");
        assertThat(leftovers()).containsExactly(target);
    }

    @Test
    void corruptBodyIsRejectedAndNeverStaysInTheCache() {
        byte[] corrupt = model.clone();
        corrupt[1234] ^= 0x40;
        server.enqueue(
                new MockResponse.Builder().body(new Buffer().write(corrupt)).build());
        Path target = cacheDir.resolve("m.onnx");

        assertThatThrownBy(() -> downloader.fetch("m", source("/m.onnx", sha), target, (d, t) -> {}))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("SHA-256")
                .hasMessageContaining(sha)
                .hasMessageContaining(Sha256.of(corrupt))
                .hasMessageContaining("discarded");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void truncatedBodyIsRejectedAndNeverStaysInTheCache() {
        byte[] half = java.util.Arrays.copyOf(model, model.length / 2);
        server.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(half))
                .setHeader("Content-Length", model.length)
                .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        Path target = cacheDir.resolve("m.onnx");

        assertThatThrownBy(() -> downloader.fetch("m", source("/m.onnx", sha), target, (d, t) -> {}))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("model m")
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("truncated", "failed"));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void truncatedChunkedBodyFailsTheHashCheck() {
        Buffer body = new Buffer().write(java.util.Arrays.copyOf(model, 1000));
        server.enqueue(new MockResponse.Builder().chunkedBody(body, 100).build());

        assertThatThrownBy(
                        () -> downloader.fetch("m", source("/m.onnx", sha), cacheDir.resolve("m.onnx"), (d, t) -> {}))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("SHA-256");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void httpErrorNamesTheStatusAndModel() {
        server.enqueue(new MockResponse.Builder().code(404).build());

        assertThatThrownBy(() ->
                        downloader.fetch("ddcolor", source("/x.onnx", sha), cacheDir.resolve("x.onnx"), (d, t) -> {}))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("ddcolor");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void followsRedirects() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .setHeader("Location", "/real/m.onnx")
                .build());
        server.enqueue(
                new MockResponse.Builder().body(new Buffer().write(model)).build());

        downloader.fetch("m", source("/m.onnx", sha), cacheDir.resolve("m.onnx"), (d, t) -> {});

        assertThat(Files.readAllBytes(cacheDir.resolve("m.onnx"))).isEqualTo(model);
        server.takeRequest();
        assertThat(server.takeRequest().getTarget()).isEqualTo("/real/m.onnx");
    }

    @Test
    void offlineGivesAClearErrorAndTheManualWayOut() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ModelSource.Url url =
                (ModelSource.Url) ModelSource.url(URI.create("http://127.0.0.1:" + port + "/m.onnx?token=SECRET"), sha);
        Path target = cacheDir.resolve("m.onnx");

        assertThatThrownBy(() -> downloader.fetch("m", url, target, (d, t) -> {}))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("offline")
                .hasMessageContaining(target.toString())
                .satisfies(e -> assertThat(fullText(e)).doesNotContain("SECRET"));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void signedUrlCredentialsNeverReachMessages() {
        server.enqueue(new MockResponse.Builder().code(403).build());
        String url = server.url("/m.onnx").toString() + "?X-Amz-Signature=SECRET";
        ModelSource.Url source = (ModelSource.Url) ModelSource.url(URI.create(url), sha);

        assertThatThrownBy(() -> downloader.fetch("m", source, cacheDir.resolve("m.onnx"), (d, t) -> {}))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("HTTP 403")
                .satisfies(e -> assertThat(fullText(e)).doesNotContain("SECRET"));
        assertThat(source.toString()).doesNotContain("SECRET");
    }

    @Test
    void validCachedFileIsUsedWithoutARequest() throws Exception {
        Path target = cacheDir.resolve("m.onnx");
        Files.write(target, model);

        downloader.fetch("m", source("/m.onnx", sha), target, (d, t) -> {});

        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void corruptCachedFileIsReplaced() throws Exception {
        Path target = cacheDir.resolve("m.onnx");
        Files.write(target, new byte[] {1, 2, 3});
        server.enqueue(
                new MockResponse.Builder().body(new Buffer().write(model)).build());

        downloader.fetch("m", source("/m.onnx", sha), target, (d, t) -> {});

        assertThat(Files.readAllBytes(target)).isEqualTo(model);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void stalledServerTimesOut() {
        ModelDownloader impatient = new ModelDownloader(Duration.ofSeconds(2), Duration.ofMillis(300));
        server.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(model))
                .bodyDelay(3, TimeUnit.SECONDS)
                .build());

        assertThatThrownBy(() -> impatient.fetch("m", source("/m.onnx", sha), cacheDir.resolve("m.onnx"), (d, t) -> {}))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("model m");
        assertThat(leftovers()).isEmpty();
    }

    private ModelSource.Url source(String path, String hash) {
        return (ModelSource.Url) ModelSource.url(server.url(path).uri(), hash);
    }

    private List<Path> leftovers() {
        try (Stream<Path> s = Files.list(cacheDir)) {
            return s.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String fullText(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t).append('\n');
        }
        return b.toString();
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
