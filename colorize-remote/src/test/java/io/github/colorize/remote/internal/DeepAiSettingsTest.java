package io.github.colorize.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.BackendConfig;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeepAiSettingsTest {

    private static DeepAiSettings parse(String... kv) {
        BackendConfig.Builder b = BackendConfig.builder();
        for (int i = 0; i < kv.length; i += 2) {
            b.set(kv[i], kv[i + 1]);
        }
        return DeepAiSettings.parse(b.build());
    }

    @Test
    void defaults() {
        DeepAiSettings s = DeepAiSettings.parse(BackendConfig.defaults());
        assertThat(s.baseUrl()).isEqualTo(URI.create("https://api.deepai.org/"));
        assertThat(s.host()).isEqualTo("api.deepai.org");
        assertThat(s.allowedHosts()).isEmpty();
        assertThat(s.maxDownloadBytes()).isEqualTo(50L << 20);
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.writeTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.callTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.maxRetries()).isEqualTo(4);
        assertThat(s.maxRetryTime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.maxConcurrent()).isEqualTo(4);
        assertThat(s.ratePerMinute()).isZero();
        assertThat(s.returnServiceImage()).isFalse();
    }

    @Test
    void readsEverySetting() {
        DeepAiSettings s = parse(
                "baseUrl", "https://proxy.example.com/deepai",
                "allowedHosts", "cdn.example.com, *.storage.example.net",
                "maxDownloadBytes", "20MiB",
                "timeouts", "connect=2s,read=1.5m,write=500ms,call=PT10M",
                "maxRetries", "7",
                "maxRetryTime", "90s",
                "maxConcurrent", "2",
                "ratePerMinute", "30",
                "returnServiceImage", "TRUE",
                "model", "ignored");
        assertThat(s.baseUrl()).isEqualTo(URI.create("https://proxy.example.com/deepai/"));
        assertThat(s.allowedHosts()).containsExactlyInAnyOrder("cdn.example.com", "*.storage.example.net");
        assertThat(s.maxDownloadBytes()).isEqualTo(20L << 20);
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.writeTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.callTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.maxRetries()).isEqualTo(7);
        assertThat(s.maxRetryTime()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.maxConcurrent()).isEqualTo(2);
        assertThat(s.ratePerMinute()).isEqualTo(30.0);
        assertThat(s.returnServiceImage()).isTrue();
    }

    @Test
    void loopbackHttpIsAllowedForTests() {
        assertThat(parse("baseUrl", "http://localhost:8080").baseUrl()).isEqualTo(URI.create("http://localhost:8080/"));
        assertThat(parse("baseUrl", "http://127.0.0.1:9/x/").baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9/x/"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "baseUrl|http://api.deepai.org|only https is allowed",
                "baseUrl|ftp://localhost/|only https is allowed",
                "baseUrl|api.deepai.org|an absolute https URL",
                "baseUrl|https://user:pw@api.deepai.org|must not carry user info",
                "baseUrl|https://api.deepai.org/?k=v|must not carry user info, a query",
                "allowedHosts|cdn.*.com|comma-separated host names",
                "maxDownloadBytes|0|a positive byte count",
                "maxDownloadBytes|lots|a byte count such as",
                "maxDownloadBytes|99999999999999999999|a byte count below",
                "timeouts|30s|name=value pairs",
                "timeouts|connect=10s,connect=5s|each name at most once",
                "timeouts|read=soon|'timeouts.read' is 'soon'",
                "timeouts|read=0s|'timeouts.read' is '0s'; expected a duration from 1ms to 1h",
                "timeouts|connect=0.1ms|'timeouts.connect' is '0.1ms'; expected a duration from 1ms to 1h",
                "timeouts|call=PT0S|'timeouts.call' is 'PT0S'; expected a duration from 1ms to 1h",
                "timeouts|write=61m|'timeouts.write' is '61m'; expected a duration from 1ms to 1h",
                "timeouts|read=1000000h|'timeouts.read' is '1000000h'; expected a duration from 1ms to 1h",
                "maxRetries|21|a whole number from 0 to 20",
                "maxRetries|-1|a whole number from 0 to 20",
                "maxRetryTime|-PT1S|not negative",
                "maxConcurrent|0|a whole number from 1 to 64",
                "ratePerMinute|-5|a number that is 0 or more",
                "ratePerMinute|NaN|a number that is 0 or more",
                "returnServiceImage|yes|true or false"
            })
    void refusesBadValuesNamingTheSetting(String key, String value, String expected) {
        assertThatThrownBy(() -> parse(key, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(expected);
    }

    @Test
    void uploadHostIsCheapAndTolerant() {
        assertThat(DeepAiSettings.uploadHost(BackendConfig.defaults())).isEqualTo("api.deepai.org");
        assertThat(DeepAiSettings.uploadHost(BackendConfig.builder()
                        .set("baseUrl", "http://127.0.0.1:5/")
                        .build()))
                .isEqualTo("127.0.0.1");
        assertThat(DeepAiSettings.uploadHost(
                        BackendConfig.builder().set("baseUrl", "not a url").build()))
                .isEqualTo("an invalid baseUrl");
    }

    @Test
    void timeoutsAtTheLimitsAreAccepted() {
        DeepAiSettings s = parse("timeouts", "connect=1ms,read=1h,write=PT1H,call=60m");
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofMillis(1));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(s.writeTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(s.callTimeout()).isEqualTo(Duration.ofHours(1));
    }

    /** A URL may carry a key (in the query, user info, or a mistyped port): errors show at most scheme and host. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "api.deepai.org/api/colorizer?api-key=SECRET-KEY-42|the value given",
                "api.deepai.org:443/api/colorizer?api-key=SECRET-KEY-42|the value given",
                "https://api.deepai.org:SECRET-KEY-42/|the value given",
                "https://api.deepai.org/ x?api-key=SECRET-KEY-42|the value given",
                "https://SECRET-KEY-42@api.deepai.org/|'https://api.deepai.org'",
                "https://api.deepai.org/api?api-key=SECRET-KEY-42|'https://api.deepai.org'",
                "ftp://api.deepai.org/?api-key=SECRET-KEY-42|'ftp://api.deepai.org'"
            })
    void anInvalidBaseUrlIsNeverEchoed(String value, String shown) {
        assertThatThrownBy(() -> parse("baseUrl", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("setting 'baseUrl'")
                .hasMessageContaining(shown)
                .hasMessageNotContaining("SECRET");
        assertThat(DeepAiSettings.uploadHost(
                        BackendConfig.builder().set("baseUrl", value).build()))
                .doesNotContain("SECRET");
    }

    @Test
    void theRecordRefusesWhatParseWouldRefuse() {
        URI withQuery = URI.create("https://api.deepai.org/x?api-key=SECRET-KEY-42");
        assertThatThrownBy(() -> new DeepAiSettings(
                        withQuery,
                        java.util.Set.of(),
                        1,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        0,
                        Duration.ZERO,
                        1,
                        0,
                        false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> new DeepAiSettings(
                        URI.create("https://api.deepai.org/"),
                        java.util.Set.of(),
                        1,
                        Duration.ofSeconds(1),
                        Duration.ZERO,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        0,
                        Duration.ZERO,
                        1,
                        0,
                        false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeouts.read");
    }
}
