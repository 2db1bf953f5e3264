package io.github.colorize.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.BackendConfig;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        List<String> jul = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (String.valueOf(r.getLoggerName()).startsWith("mockwebserver3")) {
                    return; // the emulated service's own log, which shows the URLs it was asked for
                }
                jul.add(r.getLoggerName() + " " + r.getMessage() + " " + Arrays.toString(r.getParameters()) + " "
                        + (r.getThrown() == null ? "" : stackTrace(r.getThrown())));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        Level rootLevel = root.getLevel();
        root.addHandler(handler);
        root.setLevel(Level.ALL);
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            runScenarios(dir);
        } finally {
            System.setErr(originalErr);
            root.removeHandler(handler);
            root.setLevel(rootLevel);
        }
        String logs = err.toString(StandardCharsets.UTF_8);
        // The scan must be able to fail: the backend did log, and the service did receive the keys.
        assertThat(logs).contains("deepai:");
        assertThat(server.takeRequest().getHeaders().get("api-key")).isEqualTo(CONFIG_KEY);

        seen.add(logs);
        seen.addAll(jul);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                seen.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(seen).hasSizeGreaterThan(10);
        for (String text : seen) {
            assertThat(text)
                    .doesNotContain(CONFIG_KEY)
                    .doesNotContain(ENV_KEY)
                    .doesNotContain(CONFIG_KEY.substring(0, 9));
        }
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
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
