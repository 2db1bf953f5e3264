package io.github.colorize.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.BackendConfig;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the backend through success, refusals, retries and bad settings with a recognisable key, and scans
 * everything it produced for that key: log output (SLF4J at debug, and java.util.logging), exception
 * messages and stack traces, {@code toString()} of every object handed out, provenance, and written files.
 */
class SecretsNeverLeakTest {

    private static final String CONFIG_KEY = "cfgSECRETkey0000111122223333";
    private static final String ENV_KEY = "envSECRETkey4444555566667777";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final List<String> seen = new ArrayList<>();

    @Test
    void theKeyAppearsNowhere(@TempDir Path dir) throws Exception {
        String logs;
        try (PrintedOutput printed = new PrintedOutput()) {
            runScenarios(dir);
            logs = printed.stderr();
            seen.addAll(printed.julRecords());
        }
        // The scan must be able to fail: the backend did log, and the service did receive the keys.
        assertThat(logs).contains("deepai:");
        assertThat(server.takeRequest().getHeaders().get("api-key")).isEqualTo(CONFIG_KEY);

        seen.add(logs);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                seen.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(seen).hasSizeGreaterThan(10);
        for (String text : seen) {
            assertThat(KeyTraces.find(text, CONFIG_KEY)).as(text).isNull();
            assertThat(KeyTraces.find(text, ENV_KEY)).as(text).isNull();
        }
    }

    /**
     * A key with characters every encoder treats its own way, echoed by the service in each form {@link
     * KeyForms} knows, in every place an answer can carry text: a retried and a final status text, an HTML
     * error page, a malformed status line (which OkHttp quotes in the exception that becomes the cause), and
     * a result URL that is fetched and fails.
     */
    @Test
    void noEncodingOfTheKeyAppearsInLogsMessagesOrCauses() {
        String key = "cfgSECRET/key+0000=1111~2222&3333";
        FakeRuntime fake = FakeRuntime.withKey(key);
        List<String> printedText = new ArrayList<>();
        List<Throwable> thrown = new ArrayList<>();
        try (PrintedOutput printed = new PrintedOutput();
                DeepAiColorizer c = fake.provider()
                        .create(MockDeepAi.config(server).set("maxRetries", "1").build())) {
            for (String form : KeyForms.of(key).values()) {
                String inJson = form.replace("\\", "\\\\").replace("\"", "\\\"");
                // Retried once (a warning is logged), then a refusal.
                server.enqueue(MockDeepAi.json(500, "{\"status\": \"busy " + inJson + "\"}"));
                server.enqueue(MockDeepAi.json(400, "{\"err\": \"bad key " + inJson + "\"}"));
                thrown.add(failure(c));
                server.enqueue(MockDeepAi.json(400, "<html><p>key " + form + " unknown</p></html>"));
                thrown.add(failure(c));
                // An answer whose status line OkHttp cannot parse: the ProtocolException quotes it. Sent
                // whole before it failed, the upload is repeated once.
                server.enqueue(new MockResponse.Builder()
                        .status("HTTP/1.1 2x0 " + form)
                        .build());
                server.enqueue(
                        new MockResponse.Builder().status("HTTP/1.1 " + form).build());
                thrown.add(failure(c));
                // A result URL with the key in its path is fetched (and logged at debug); it has expired.
                server.enqueue(MockDeepAi.done(server.url("/").toString() + "r/" + inJson + ".jpg"));
                server.enqueue(MockDeepAi.json(404, "{\"status\": \"no such file r/" + inJson + "\"}"));
                thrown.add(failure(c));
            }
            printedText.add(printed.stderr());
            printedText.addAll(printed.julRecords());
        }
        for (Throwable t : thrown) {
            printedText.add(PrintedOutput.stackTrace(t));
            printedText.add(String.valueOf(((RemoteServiceException) t).serviceStatus()));
            // Nothing from OkHttp or the JDK stays in the chain: only cleaned copies of it.
            for (Throwable cause = t.getCause(); cause != null; cause = cause.getCause()) {
                assertThat(cause.getClass().getName())
                        .isEqualTo("io.github.colorize.remote.internal.ScrubbedThrowable");
            }
        }
        assertThat(printedText.get(0)).as("the retries were logged").contains("deepai: upload failed");
        assertThat(String.join("\n", printedText)).as("a cause was shown").contains("java.net.ProtocolException");
        for (String text : printedText) {
            assertThat(KeyTraces.find(text, key)).as(text).isNull();
        }
    }

    private static Throwable failure(DeepAiColorizer c) {
        try {
            c.colorize(TestImages.grayScan(8, 8, 3), ColorizeOptions.defaults());
        } catch (RemoteServiceException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    private void runScenarios(Path dir) throws Exception {
        FakeRuntime fake = FakeRuntime.withKey(ENV_KEY);
        BackendConfig config = MockDeepAi.config(server).apiKey(CONFIG_KEY).build();
        DeepAiColorizerProvider provider = fake.provider();
        seen.add(config.toString());
        seen.add(provider.toString());
        seen.add(provider.availability(config).reason());
        seen.add(provider.availability(BackendConfig.defaults()).reason());

        try (DeepAiColorizer c = provider.create(config)) {
            seen.add(c.toString());
            seen.add(c.model());

            MockDeepAi.enqueueSuccess(server);
            ColorizedImage ok = c.colorize(TestImages.grayScan(24, 16, 1), ColorizeOptions.defaults());
            seen.add(ok.provenance().toString());
            ok.save(dir.resolve("result.png"));
            ok.save(dir.resolve("result.jpg"));

            // Retries log a warning per attempt.
            server.enqueue(MockDeepAi.json(500, "{\"status\": \"boom " + CONFIG_KEY + "\"}"));
            server.enqueue(MockDeepAi.json(503, "<html>" + CONFIG_KEY + "</html>"));
            // A key across the cut of the quoted answer (200 characters): no part of it may survive.
            server.enqueue(MockDeepAi.json(502, "<html>" + "x".repeat(185) + CONFIG_KEY + "</html>"));
            server.enqueue(MockDeepAi.done(server));
            server.enqueue(new MockResponse.Builder()
                    .body(new Buffer().write(new byte[100]))
                    .setHeader("Content-Length", 5000)
                    .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
                    .build());
            server.enqueue(MockDeepAi.image(MockDeepAi.SERVICE_JPEG));
            seen.add(c.colorize(TestImages.grayScan(24, 16, 2), ColorizeOptions.defaults())
                    .provenance()
                    .toString());

            server.enqueue(MockDeepAi.json(200, "{\"status\": \"" + CONFIG_KEY + "\"}"));
            record(c);
            server.enqueue(MockDeepAi.done("https://evil.example.com/x.jpg?sig=" + CONFIG_KEY));
            record(c);
            // A result URL on the API's host that carries the key in its query is fetched, but not logged.
            server.enqueue(
                    MockDeepAi.done(server.url("/out.jpg?sig=" + CONFIG_KEY).toString()));
            server.enqueue(MockDeepAi.image(MockDeepAi.SERVICE_JPEG));
            c.colorize(TestImages.grayScan(24, 16, 4), ColorizeOptions.defaults());

            // A status line OkHttp cannot parse, echoing the key: the exception it throws becomes the cause.
            server.enqueue(new MockResponse.Builder()
                    .status("HTTP/1.1 2x0 " + CONFIG_KEY)
                    .build());
            server.enqueue(new MockResponse.Builder()
                    .status("HTTP/1.1 " + CONFIG_KEY.toLowerCase(java.util.Locale.ROOT))
                    .build());
            record(c);

            // A service that echoes the key back in its error text; then the fail-fast refusal that follows.
            server.enqueue(MockDeepAi.json(401, "{\"status\": \"invalid key " + CONFIG_KEY + "\"}"));
            record(c);
            record(c);
        }

        // A key given the wrong way (whose config's own toString shows it: that is why it is refused), a
        // bad setting next to a good key, and a key no header can carry.
        for (BackendConfig bad : List.of(
                BackendConfig.builder().set("apiKey", CONFIG_KEY).build(),
                BackendConfig.builder()
                        .apiKey(CONFIG_KEY)
                        .set("maxRetries", "x")
                        .build(),
                BackendConfig.builder().apiKey(CONFIG_KEY + "\u0000").build())) {
            seen.add(provider.availability(bad).reason());
            try {
                provider.create(bad).close();
            } catch (RuntimeException e) {
                seen.add(stackTrace(e));
            }
        }
    }

    private void record(DeepAiColorizer c) {
        try {
            c.colorize(TestImages.grayScan(24, 16, 3), ColorizeOptions.defaults());
            throw new AssertionError("expected a failure");
        } catch (RemoteServiceException e) {
            seen.add(stackTrace(e));
            seen.add(String.valueOf(e.serviceStatus()));
        }
    }

    private static String stackTrace(Throwable t) {
        return PrintedOutput.stackTrace(t);
    }
}
