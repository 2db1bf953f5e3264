package io.github.colorize.remote;

import static io.github.colorize.remote.MockDeepAi.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.PostProcessing;
import io.github.colorize.Provenance;
import io.github.colorize.internal.color.Lab;
import io.github.colorize.internal.color.LabVariant;
import io.github.colorize.internal.color.OpenCvYuv;
import io.github.colorize.internal.image.ChromaRecombiner;
import io.github.colorize.internal.image.PillowResample;
import io.github.colorize.internal.image.PixelBuffers;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.imageio.ImageIO;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The backend against a loopback server emulating DeepAI: the paths that succeed. */
class DeepAiColorizerTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakeRuntime fake = FakeRuntime.withKey(KEY);
    private final BufferedImage photo = TestImages.grayScan(64, 48, 42);

    private DeepAiColorizer colorizer(String... settings) {
        var config = MockDeepAi.config(server);
        for (int i = 0; i < settings.length; i += 2) {
            config.set(settings[i], settings[i + 1]);
        }
        return fake.provider().create(config.build());
    }

    @Test
    void aSixteenBitGrayScanIsUploadedAsTheSameGrayAsFromAFile() throws Exception {
        BufferedImage scan = new BufferedImage(32, 24, BufferedImage.TYPE_USHORT_GRAY);
        short[] samples = ((java.awt.image.DataBufferUShort) scan.getRaster().getDataBuffer()).getData();
        java.util.Arrays.fill(samples, (short) 32896); // 128 * 257: 8-bit mid-gray, gamma-encoded
        MockDeepAi.enqueueSuccess(server);
        try (DeepAiColorizer c = colorizer()) {
            c.colorize(scan, ColorizeOptions.defaults());
        }
        byte[] sent = EmulatedDeepAi.filePart(server.takeRequest());
        assertThat(PixelBuffers.rgb(ImageIO.read(new ByteArrayInputStream(sent))))
                .as("not brightened as if the samples were linear light")
                .containsOnly(0x808080);
    }

    @Test
    void uploadsThePhotoDownloadsTheResultAndKeepsTheOriginalLuminance() throws Exception {
        MockDeepAi.enqueueSuccess(server);
        ColorizedImage result;
        try (DeepAiColorizer c = colorizer()) {
            result = c.colorize(photo, ColorizeOptions.defaults());
        }

        RecordedRequest upload = server.takeRequest();
        assertThat(upload.getMethod()).isEqualTo("POST");
        assertThat(upload.getTarget()).isEqualTo("/api/colorizer");
        assertThat(upload.getHeaders().get("api-key")).isEqualTo(KEY);
        assertThat(upload.getHeaders().get("Content-Type")).startsWith("multipart/form-data");
        String body = upload.getBody().string(StandardCharsets.ISO_8859_1);
        assertThat(body).contains("name=\"image\"; filename=\"image.png\"").contains("\u0089PNG");
        byte[] sent = EmulatedDeepAi.filePart(upload);
        assertThat(PixelBuffers.rgb(ImageIO.read(new ByteArrayInputStream(sent))))
                .isEqualTo(PixelBuffers.rgb(photo));

        RecordedRequest download = server.takeRequest();
        assertThat(download.getMethod()).isEqualTo("GET");
        assertThat(download.getTarget()).isEqualTo("/job-view-file/6d1e2f3a/outputs/output.jpg");
        assertThat(download.getHeaders().get("api-key"))
                .as("the key never goes to the download")
                .isNull();

        BufferedImage out = result.image();
        assertThat(out.getWidth()).isEqualTo(64);
        assertThat(out.getHeight()).isEqualTo(48);
        int[] original = PixelBuffers.rgb(photo);
        int[] color = PixelBuffers.rgb(out);
        // YUV recombination keeps the original's Y except where the way back to RGB clamps a channel
        // (a dark pixel under strong chroma) or rounds Y by one.
        int unclamped = 0;
        boolean chroma = false;
        for (int i = 0; i < original.length; i++) {
            int c = color[i];
            int r = (c >> 16) & 0xFF;
            int g = (c >> 8) & 0xFF;
            int b = c & 0xFF;
            chroma |= r != b || g != b;
            if (Math.min(r, Math.min(g, b)) == 0 || Math.max(r, Math.max(g, b)) == 255) {
                continue;
            }
            unclamped++;
            int dy = Math.abs((OpenCvYuv.rgbToYuv(original[i]) >> 16) - (OpenCvYuv.rgbToYuv(c) >> 16));
            assertThat(dy).as("luma difference at pixel %d", i).isLessThanOrEqualTo(1);
        }
        assertThat(unclamped).isGreaterThan(original.length / 2);
        assertThat(chroma).as("the service's colours arrive").isTrue();

        Provenance p = result.provenance();
        assertThat(p.backend()).isEqualTo("deepai");
        assertThat(p.model()).contains("the service's own model").contains(server.getHostName());
        assertThat(p.modelSha256()).isNull();
        assertThat(p.device()).isEqualTo("remote");
        assertThat(p.renderFactor()).isZero();
        assertThat(p.chromaStrength()).isEqualTo(1.0);
        assertThat(p.timings().inference()).isPositive();
    }

    @Test
    void yuvAtStrengthZeroGivesBackTheGrayOriginalExactly() {
        MockDeepAi.enqueueSuccess(server);
        try (DeepAiColorizer c = colorizer()) {
            ColorizedImage r = c.colorize(
                    photo,
                    ColorizeOptions.builder()
                            .postProcessing(PostProcessing.LUMINANCE_YUV)
                            .chromaStrength(0)
                            .build());
            assertThat(PixelBuffers.rgb(r.image())).isEqualTo(PixelBuffers.rgb(photo));
            assertThat(r.provenance().chromaStrength()).isZero();
        }
    }

    @Test
    void labModeTakesTheServiceChromaUnderTheOriginalL() {
        MockDeepAi.enqueueSuccess(server);
        try (DeepAiColorizer c = colorizer()) {
            ColorizedImage r = c.colorize(
                    photo,
                    ColorizeOptions.builder()
                            .postProcessing(PostProcessing.LUMINANCE_LAB)
                            .chromaStrength(1.5)
                            .build());
            int[] service = serviceRgb();
            float[] l = new float[service.length];
            float[] a = new float[service.length];
            float[] b = new float[service.length];
            Lab.converter(LabVariant.EXACT).rgbToLab(service, l, a, b);
            int[] expected = ChromaRecombiner.recombineLab(
                    PixelBuffers.rgb(photo), 64, 48, a, b, 32, 24, 1.5f, LabVariant.EXACT);
            assertThat(PixelBuffers.rgb(r.image())).isEqualTo(expected);
        }
    }

    @Test
    void noneModeIsTheServiceImageResizedToThePhoto() {
        MockDeepAi.enqueueSuccess(server);
        try (DeepAiColorizer c = colorizer()) {
            ColorizedImage r = c.colorize(
                    photo,
                    ColorizeOptions.builder()
                            .postProcessing(PostProcessing.NONE)
                            .build());
            int[] expected = PillowResample.resizeRgb(serviceRgb(), 32, 24, 64, 48, PillowResample.Filter.BILINEAR);
            assertThat(PixelBuffers.rgb(r.image())).isEqualTo(expected);
        }
    }

    @Test
    void returnServiceImageGivesTheServiceImageAsIs() {
        MockDeepAi.enqueueSuccess(server);
        try (DeepAiColorizer c = colorizer("returnServiceImage", "true")) {
            ColorizedImage r = c.colorize(
                    photo, ColorizeOptions.builder().chromaStrength(2).build());
            assertThat(r.image().getWidth()).isEqualTo(32);
            assertThat(r.image().getHeight()).isEqualTo(24);
            assertThat(PixelBuffers.rgb(r.image())).isEqualTo(serviceRgb());
            assertThat(r.provenance().chromaStrength()).isEqualTo(1.0);
        }
    }

    @Test
    void relativeOutputUrlResolvesAgainstTheBase() throws Exception {
        var config =
                MockDeepAi.config(server).set("baseUrl", server.url("/deepai").toString());
        server.enqueue(MockDeepAi.done("job-view-file/j2/outputs/output.jpg"));
        server.enqueue(MockDeepAi.image(MockDeepAi.SERVICE_JPEG));
        server.enqueue(MockDeepAi.done("/job-view-file/j3/outputs/output.jpg"));
        server.enqueue(MockDeepAi.image(MockDeepAi.SERVICE_JPEG));
        try (DeepAiColorizer c = fake.provider().create(config.build())) {
            c.colorize(photo, ColorizeOptions.defaults());
            c.colorize(photo, ColorizeOptions.defaults());
        }
        assertThat(server.takeRequest().getTarget()).isEqualTo("/deepai/api/colorizer");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/deepai/job-view-file/j2/outputs/output.jpg");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/deepai/api/colorizer");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/job-view-file/j3/outputs/output.jpg");
    }

    @Test
    void aRedirectOnTheSameHostIsFollowed() throws Exception {
        server.enqueue(MockDeepAi.done(server));
        server.enqueue(new mockwebserver3.MockResponse.Builder()
                .code(302)
                .setHeader("Location", "/storage/output.jpg")
                .build());
        server.enqueue(MockDeepAi.image(MockDeepAi.SERVICE_JPEG));
        try (DeepAiColorizer c = colorizer()) {
            assertThat(c.colorize(photo, ColorizeOptions.defaults()).image().getWidth())
                    .isEqualTo(64);
        }
        server.takeRequest();
        server.takeRequest();
        RecordedRequest hop = server.takeRequest();
        assertThat(hop.getTarget()).isEqualTo("/storage/output.jpg");
        assertThat(hop.getHeaders().get("api-key")).isNull();
    }

    @Test
    void anImageUrlIsSentAsATextFieldAndTheResultReturnedAsIs() throws Exception {
        MockDeepAi.enqueueSuccess(server);
        ColorizedImage r;
        try (DeepAiColorizer c = colorizer()) {
            r = c.colorizeUrl(URI.create("https://photos.example.com/family/grandma-1931.jpg?size=l"));
        }
        String body = server.takeRequest().getBody().string(StandardCharsets.UTF_8);
        assertThat(body)
                .contains("name=\"image\"\r\n")
                .contains("https://photos.example.com/family/grandma-1931.jpg?size=l")
                .doesNotContain("filename=");
        assertThat(PixelBuffers.rgb(r.image())).isEqualTo(serviceRgb());
        assertThat(r.provenance().sourceName()).isEqualTo("grandma-1931.jpg");
        assertThat(r.provenance().sourceSha256()).isNull();
    }

    @Test
    void refusesImageUrlsThatAreNotAbsoluteHttp() {
        try (DeepAiColorizer c = colorizer()) {
            assertThatThrownBy(() -> c.colorizeUrl(URI.create("file:///etc/passwd")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> c.colorizeUrl(URI.create("photos/grandma.jpg")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theRateLimitSpacesUploads() {
        MockDeepAi.enqueueSuccess(server);
        MockDeepAi.enqueueSuccess(server);
        try (DeepAiColorizer c = colorizer("ratePerMinute", "60")) {
            c.colorize(photo, ColorizeOptions.defaults());
            c.colorize(photo, ColorizeOptions.defaults());
        }
        assertThat(fake.sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void closeIsIdempotentAndLaterCallsFail() {
        DeepAiColorizer c = colorizer();
        assertThat(c.backend()).isEqualTo("deepai");
        c.close();
        c.close();
        assertThat(c.toString()).contains("closed");
        assertThatThrownBy(() -> c.colorize(photo, ColorizeOptions.defaults()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    private static int[] serviceRgb() {
        try {
            return PixelBuffers.rgb(ImageIO.read(new ByteArrayInputStream(MockDeepAi.SERVICE_JPEG)));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
