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
                "http://localhost:1234/a.jpg"
            })
    void accepted(String url) {
        // http on loopback is allowed by the scheme rule, but the host must still be allowed:
        DeepAiSettings s = url.contains("localhost")
                ? DeepAiSettings.parse(BackendConfig.builder()
                        .set("baseUrl", "http://localhost:1")
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
                "https://127.0.0.1/a.jpg|neither the API's host"
            })
    void refused(String url, String why) {
        assertThat(UrlPolicy.refusal(HttpUrl.get(url), SETTINGS)).contains(why);
    }
}
