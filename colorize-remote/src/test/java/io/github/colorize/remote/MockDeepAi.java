package io.github.colorize.remote;

import io.github.colorize.BackendConfig;
import java.awt.image.BufferedImage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;

/**
 * Emulates the DeepAI colourising API on a loopback {@link MockWebServer}: the answers the service gives
 * (JSON with {@code output_url} or {@code status}), and a result image to download.
 */
public final class MockDeepAi {

    public static final String KEY = "test-key-5b1f0c2e9a7d4e38";

    /** The service's answer image: smaller than the photo and colourful, as the real service's. */
    public static final BufferedImage SERVICE_IMAGE = TestImages.colorful(32, 24);

    public static final byte[] SERVICE_JPEG = TestImages.encode(SERVICE_IMAGE, "jpg");

    private MockDeepAi() {}

    /** Settings pointing at the server, with short timeouts so failures surface quickly. */
    public static BackendConfig.Builder config(MockWebServer server) {
        return BackendConfig.builder()
                .set("baseUrl", server.url("/").toString())
                .set("timeouts", "connect=2s,read=2s,write=2s,call=20s");
    }

    public static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    public static MockResponse done(String outputUrl) {
        return json(200, "{\"id\": \"6d1e2f3a\", \"output_url\": \"" + outputUrl + "\"}");
    }

    public static MockResponse done(MockWebServer server) {
        return done(server.url("/job-view-file/6d1e2f3a/outputs/output.jpg").toString());
    }

    public static MockResponse image(byte[] bytes) {
        return new MockResponse.Builder()
                .setHeader("Content-Type", "image/jpeg")
                .body(new Buffer().write(bytes))
                .build();
    }

    /** A successful job: the JSON answer, then the result download. */
    public static void enqueueSuccess(MockWebServer server) {
        server.enqueue(done(server));
        server.enqueue(image(SERVICE_JPEG));
    }
}
