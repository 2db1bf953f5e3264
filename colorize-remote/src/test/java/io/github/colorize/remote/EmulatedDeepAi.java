package io.github.colorize.remote;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A working stand-in for the DeepAI colouriser on a loopback {@code MockWebServer}: it checks the key,
 * decodes the uploaded photo, "colourises" it deterministically (a sepia tone at half the size,
 * recompressed as JPEG, as the real service answers smaller than it was sent) and serves the result at
 * a relative {@code output_url}. Thread-safe.
 */
public final class EmulatedDeepAi extends Dispatcher {

    private final String key;
    private final Map<String, byte[]> results = new ConcurrentHashMap<>();
    private final AtomicInteger jobs = new AtomicInteger();

    public EmulatedDeepAi(String key) {
        this.key = key;
    }

    public int jobs() {
        return jobs.get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String target = request.getTarget();
        if (request.getMethod().equals("POST") && target.endsWith("/api/colorizer")) {
            if (!key.equals(request.getHeaders().get("api-key"))) {
                return MockDeepAi.json(401, "{\"status\": \"Please pass a valid Api-Key in a HTTP header\"}");
            }
            BufferedImage photo;
            try {
                photo = ImageIO.read(new ByteArrayInputStream(filePart(request)));
            } catch (IOException | RuntimeException e) {
                photo = null;
            }
            if (photo == null) {
                return MockDeepAi.json(400, "{\"status\": \"could not read the image\"}");
            }
            String id = "job" + jobs.incrementAndGet();
            results.put(id, TestImages.encode(sepiaHalf(photo), "jpg"));
            return MockDeepAi.done("/job-view-file/" + id + "/outputs/output.jpg");
        }
        if (request.getMethod().equals("GET") && target.startsWith("/job-view-file/")) {
            byte[] jpeg = results.get(target.split("/")[2]);
            return jpeg == null ? MockDeepAi.json(404, "{\"status\": \"not found\"}") : MockDeepAi.image(jpeg);
        }
        return MockDeepAi.json(404, "{\"status\": \"no such endpoint\"}");
    }

    private static BufferedImage sepiaHalf(BufferedImage photo) {
        int w = Math.max(1, photo.getWidth() / 2);
        int h = Math.max(1, photo.getHeight() / 2);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = photo.getRGB(x * photo.getWidth() / w, y * photo.getHeight() / h);
                int v = (((p >> 16) & 0xFF) * 77 + ((p >> 8) & 0xFF) * 150 + (p & 0xFF) * 29) >> 8;
                int r = Math.min(255, v + 40);
                int g = Math.min(255, v + 15);
                int b = Math.max(0, v - 30);
                out.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return out;
    }

    /** The bytes of the multipart file part. */
    static byte[] filePart(RecordedRequest request) {
        byte[] body = request.getBody().toByteArray();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String boundary = request.getHeaders().get("Content-Type").replaceAll(".*boundary=", "");
        int start = text.indexOf("\r\n\r\n", text.indexOf("filename=")) + 4;
        int end = text.indexOf("\r\n--" + boundary, start);
        return Arrays.copyOfRange(body, start, end);
    }
}
