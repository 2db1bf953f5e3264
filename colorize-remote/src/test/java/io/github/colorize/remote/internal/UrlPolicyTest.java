package io.github.colorize.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.BackendConfig;
import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {

    private static final DeepAiSettings SETTINGS = DeepAiSettings.parse(BackendConfig.builder()
            .set("allowedHosts", "cdn.example.com,*.files.example.net")
            .build());

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1"})
    void loopback(String host) {
        assertThat(UrlPolicy.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.deepai.org", "127.0.0.1.example.com", "localhost.example.com", "10.0.0.1", "::2", ""})
    void notLoopback(String host) {
        assertThat(UrlPolicy.isLoopback(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://api.deepai.org/job-view-file/x/outputs/output.jpg",
                "https://API.DEEPAI.ORG/a.jpg",
                "https://cdn.example.com/a.jpg",
                "https://eu.files.example.net/a.jpg",
                "https://api.deepai.org:443/a.jpg",
                "https://cdn.example.com:443/a.jpg",
                "http://localhost:1234/a.jpg"
            })
    void accepted(String url) {
        // http on loopback is allowed by the scheme rule, but the host and port must still be allowed:
        DeepAiSettings s = url.contains("localhost")
                ? DeepAiSettings.parse(BackendConfig.builder()
                        .set("baseUrl", "http://localhost:1234")
                        .build())
                : SETTINGS;
        assertThat(UrlPolicy.refusal(HttpUrl.get(url), s)).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "http://api.deepai.org/a.jpg|only https is allowed",
                "https://evil.example.org/a.jpg|neither the API's host",
                "https://files.example.net/a.jpg|neither the API's host",
                "https://cdn.example.com.evil.org/a.jpg|neither the API's host",
                "https://127.0.0.1/a.jpg|neither the API's host",
                "https://api.deepai.org:8443/a.jpg|but port 8443, which is neither the API's port 443",
                "https://API.deepai.org:444/a.jpg|but port 444",
                "https://cdn.example.com:8443/a.jpg|but port 8443",
                "https://eu.files.example.net:1/a.jpg|but port 1"
            })
    void refused(String url, String why) {
        assertThat(UrlPolicy.refusal(HttpUrl.get(url), SETTINGS)).contains(why);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // base URL | allowedHosts | result URL | accepted
                "https://api.deepai.org/|''|https://api.deepai.org:443/x.jpg|true",
                "https://api.deepai.org:443/|''|https://api.deepai.org/x.jpg|true",
                "https://api.deepai.org:8443/|''|https://api.deepai.org:8443/x.jpg|true",
                "https://api.deepai.org:8443/|''|https://api.deepai.org/x.jpg|false",
                "http://localhost:1234/|''|http://localhost:1235/x.jpg|false",
                "http://localhost:1234/|''|https://localhost:1234/x.jpg|true",
                "https://api.deepai.org/|cdn.example.com:8443|https://cdn.example.com:8443/x.jpg|true",
                "https://api.deepai.org/|cdn.example.com:8443|https://cdn.example.com/x.jpg|false",
                "https://api.deepai.org/|cdn.example.com:8443,cdn.example.com|https://cdn.example.com/x.jpg|true",
                "https://api.deepai.org/|*.example.com:9000|https://a.b.example.com:9000/x.jpg|true",
                "https://api.deepai.org/|*.example.com:9000|https://a.b.example.com:9001/x.jpg|false",
                "https://api.deepai.org/|api.deepai.org:8443|https://api.deepai.org:8443/x.jpg|true",
                "http://127.0.0.1:5000/|[::1]:5001|http://[::1]:5001/x.jpg|true",
                "http://127.0.0.1:5000/|[::1]:5001|http://[::1]:5000/x.jpg|false",
                "http://127.0.0.1:5000/|::1|http://[::1]:80/x.jpg|true",
                "http://127.0.0.1:5000/|::1|http://[::1]:5000/x.jpg|false"
            })
    void thePortCountsAndADefaultPortWrittenOutIsTheSame(String base, String allowed, String url, boolean accepted) {
        BackendConfig.Builder config = BackendConfig.builder().set("baseUrl", base);
        if (!allowed.isEmpty()) {
            config.set("allowedHosts", allowed);
        }
        String refusal = UrlPolicy.refusal(HttpUrl.get(url), DeepAiSettings.parse(config.build()));
        if (accepted) {
            assertThat(refusal).isNull();
        } else {
            assertThat(refusal).contains("port");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdn.example.com:", "cdn.example.com:0", "cdn.example.com:65536", "cdn.example.com:x"})
    void allowedHostsWithABadPortAreRefused(String entry) {
        BackendConfig config =
                BackendConfig.builder().set("allowedHosts", entry).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeepAiSettings.parse(config))
                .hasMessageContaining("optionally with ':port'");
    }
}
