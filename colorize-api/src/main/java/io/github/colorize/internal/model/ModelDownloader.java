package io.github.colorize.internal.model;

import io.github.colorize.DownloadProgress;
import io.github.colorize.ModelException;
import io.github.colorize.ModelSource;
import io.github.colorize.internal.io.AtomicFiles;
import io.github.colorize.internal.io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a model file into the cache and verifies its SHA-256 before it becomes visible: the body
 * streams into a temporary file in the cache folder, is hashed on the way, and is moved atomically to
 * its final name only when the size and hash are right. A bad or partial file never stays in the
 * cache. Uses the JDK's {@link HttpURLConnection} (per-read timeouts, redirects followed by hand so
 * that https never downgrades to http). Thread-safe; concurrent requests for one file in one JVM
 * download it once.
 */
public final class ModelDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(ModelDownloader.class);
    private static final int MAX_REDIRECTS = 5;
    private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Duration connectTimeout;
    private final Duration readTimeout;

    /**
     * A downloader with the given timeouts.
     *
     * @param connectTimeout time to open a connection
     * @param readTimeout longest silence while reading
     */
    public ModelDownloader(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /**
     * A downloader with 20 s to connect and 60 s of allowed silence.
     *
     * @return the downloader
     */
    public static ModelDownloader withDefaults() {
        return new ModelDownloader(Duration.ofSeconds(20), Duration.ofSeconds(60));
    }

    /**
     * Makes sure {@code target} holds the verified file, downloading it if it is missing or wrong.
     *
     * @param model the model name, for messages
     * @param source the URL and hash
     * @param target the final cache path
     * @param progress hears the download's progress
     * @return {@code target}
     * @throws ModelException naming the model and the cause (offline, HTTP error, truncated, hash)
     */
    public Path fetch(String model, ModelSource.Url source, Path target, DownloadProgress progress) {
        synchronized (LOCKS.computeIfAbsent(target, t -> new Object())) {
            if (Files.isRegularFile(target)) {
                String actual = Sha256.of(target);
                if (actual.equals(source.sha256())) {
                    return target;
                }
                LOG.warn(
                        "model {}: cached file {} has SHA-256 {}, expected {}; downloading it again",
                        model,
                        target,
                        actual,
                        source.sha256());
                deleteQuietly(target);
            }
            download(model, source, target, progress);
            return target;
        }
    }

    private void download(String model, ModelSource.Url source, Path target, DownloadProgress progress) {
        Path dir = target.getParent();
        Path part = null;
        try {
            Files.createDirectories(dir);
            part = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            LOG.info("model {}: downloading {} into {}", model, source.redacted(), dir);
            HttpURLConnection conn = open(model, source);
            try {
                long expected = conn.getContentLengthLong();
                MessageDigest digest = Sha256.newDigest();
                long received = copy(conn, part, digest, expected, progress);
                if (expected >= 0 && received != expected) {
                    throw new ModelException("model " + model + ": download from " + source.redacted()
                            + " was truncated: got " + received + " of " + expected + " bytes");
                }
                String actual = Sha256.hex(digest);
                if (!actual.equals(source.sha256())) {
                    throw new ModelException("model " + model + ": the file downloaded from " + source.redacted()
                            + " has SHA-256 " + actual + " but the card expects " + source.sha256()
                            + " (" + received + " bytes); it was discarded");
                }
            } finally {
                conn.disconnect();
            }
            AtomicFiles.moveIntoPlace(part, target);
            part = null;
        } catch (UnknownHostException | ConnectException | NoRouteToHostException | SocketTimeoutException e) {
            IOException safe = sanitized(e, source);
            throw new ModelException(
                    "model " + model + ": cannot download " + source.redacted() + " (" + safe + "); the machine"
                            + " seems offline or the host is unreachable. Download the file by other means and"
                            + " put it at " + target + ", or point the card at a local file",
                    safe);
        } catch (IOException e) {
            IOException safe = sanitized(e, source);
            throw new ModelException(
                    "model " + model + ": download from " + source.redacted() + " failed: " + safe, safe);
        } finally {
            if (part != null) {
                deleteQuietly(part);
            }
        }
    }

    private HttpURLConnection open(String model, ModelSource.Url source) throws IOException {
        URI uri = source.uri();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpURLConnection conn = (HttpURLConnection) uri.toURL().openConnection();
            conn.setInstanceFollowRedirects(false);
            conn.setConnectTimeout((int) connectTimeout.toMillis());
            conn.setReadTimeout((int) readTimeout.toMillis());
            conn.setRequestProperty("User-Agent", "colorize-model-downloader");
            conn.setRequestProperty("Accept-Encoding", "identity");
            int code = conn.getResponseCode();
            if (code / 100 == 2) {
                return conn;
            }
            String location = conn.getHeaderField("Location");
            conn.disconnect();
            if (code / 100 == 3 && location != null) {
                URI next = resolveRedirect(uri, location);
                if (uri.getScheme().equalsIgnoreCase("https")
                        && !"https".equals(next.getScheme().toLowerCase(Locale.ROOT))) {
                    throw new ModelException("model " + model + ": " + source.redacted()
                            + " redirects from https to plain http; refusing the downgrade");
                }
                uri = next;
                continue;
            }
            throw new ModelException("model " + model + ": HTTP " + code + " from " + source.redacted()
                    + (hop > 0 ? " (after " + hop + " redirects)" : ""));
        }
        throw new ModelException(
                "model " + model + ": more than " + MAX_REDIRECTS + " redirects from " + source.redacted());
    }

    private static URI resolveRedirect(URI base, String location) throws IOException {
        try {
            URI next = base.resolve(new URI(location.trim()));
            String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IOException("redirect to a non-HTTP location");
            }
            return next;
        } catch (URISyntaxException e) {
            throw new IOException("malformed redirect location", e);
        }
    }

    private static long copy(
            HttpURLConnection conn, Path part, MessageDigest digest, long expected, DownloadProgress progress)
            throws IOException {
        long received = 0;
        try (InputStream in = conn.getInputStream();
                OutputStream out = Files.newOutputStream(part)) {
            byte[] buf = new byte[1 << 16];
            progress.update(0, expected);
            for (int n; (n = in.read(buf)) >= 0; ) {
                if (n == 0) {
                    continue;
                }
                out.write(buf, 0, n);
                digest.update(buf, 0, n);
                received += n;
                progress.update(received, expected);
            }
        }
        return received;
    }

    /**
     * JDK networking messages may quote the full URL, and signed URLs carry credentials in their query:
     * keep the type, the stack and a redacted message, drop the rest.
     */
    static IOException sanitized(IOException e, ModelSource.Url source) {
        String msg = String.valueOf(e.getMessage());
        String full = source.uri().toString();
        msg = msg.replace(full, source.redacted());
        if (source.uri().getRawQuery() != null) {
            msg = msg.replace(source.uri().getRawQuery(), "…");
        }
        if (source.uri().getRawUserInfo() != null) {
            msg = msg.replace(source.uri().getRawUserInfo(), "…");
        }
        IOException copy = new IOException(e.getClass().getSimpleName() + ": " + msg);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", p, e.toString());
        }
    }
}
