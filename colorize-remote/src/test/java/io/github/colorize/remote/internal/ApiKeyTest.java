package io.github.colorize.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.BackendConfig;
import io.github.colorize.remote.KeyForms;
import io.github.colorize.remote.KeyTraces;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiKeyTest {

    private final Map<String, String> env = new HashMap<>();

    @Test
    void configSecretWinsThenDeepAiEnvThenLegacyEnv() {
        env.put("DL_API_KEY", "legacy-key");
        assertThat(ApiKey.resolve(BackendConfig.defaults(), env::get)
                        .orElseThrow()
                        .value())
                .isEqualTo("legacy-key");
        env.put("DEEPAI_API_KEY", "env-key");
        ApiKey fromEnv = ApiKey.resolve(BackendConfig.defaults(), env::get).orElseThrow();
        assertThat(fromEnv.value()).isEqualTo("env-key");
        assertThat(fromEnv.source()).isEqualTo("DEEPAI_API_KEY");
        ApiKey fromConfig = ApiKey.resolve(
                        BackendConfig.builder().apiKey(" cfg-key ").build(), env::get)
                .orElseThrow();
        assertThat(fromConfig.value()).isEqualTo("cfg-key");
        assertThat(fromConfig.source()).isEqualTo("the config's apiKey");
    }

    @Test
    void blankCountsAsUnset() {
        env.put("DEEPAI_API_KEY", "  ");
        assertThat(ApiKey.resolve(BackendConfig.builder().apiKey("").build(), env::get))
                .isEmpty();
        env.put("DL_API_KEY", "k");
        assertThat(ApiKey.resolve(BackendConfig.defaults(), env::get)).isPresent();
    }

    @Test
    void aKeyGivenAsAPlainSettingIsTreatedAsTheSecretItIs() {
        BackendConfig config =
                BackendConfig.builder().set("apiKey", "plain-secret-123").build();
        assertThat(config.toString()).doesNotContain("plain-secret-123");
        ApiKey key = ApiKey.resolve(config, env::get).orElseThrow();
        assertThat(key.toString()).doesNotContain("plain-secret-123");
        assertThat(key.scrub("x plain-secret-123 y")).isEqualTo("x **** y");
    }

    @Test
    void refusesKeysAHeaderCannotCarryWithoutQuotingThem() {
        BackendConfig config = BackendConfig.builder().apiKey("abc\ndef-secret").build();
        assertThatThrownBy(() -> ApiKey.resolve(config, env::get))
                .hasMessageContaining("position 3")
                .hasMessageNotContaining("def-secret");
    }

    @Test
    void neverShowsTheKey() {
        ApiKey key = ApiKey.resolve(BackendConfig.builder().apiKey("k-123456").build(), env::get)
                .orElseThrow();
        assertThat(key.toString()).doesNotContain("k-123456").contains("****");
        assertThat(key.scrub("echo: k-123456!")).isEqualTo("echo: ****!");
        assertThat(key.scrub(null)).isNull();
    }

    @Test
    void scrubsJsonEscapedAndUrlEncodedFormsToo() {
        ApiKey key = ApiKey.resolve(
                        BackendConfig.builder().apiKey("ab/c+d\"e~f").build(), env::get)
                .orElseThrow();
        assertThat(key.scrub("raw ab/c+d\"e~f")).isEqualTo("raw ****");
        assertThat(key.scrub("json ab\\/c+d\\\"e~f, ab/c+d\\\"e~f")).isEqualTo("json ****, ****");
        assertThat(key.scrub("url ab%2Fc%2Bd%22e~f ab%2fc%2bd%22e~f ab%2Fc%2Bd%22e%7Ef"))
                .isEqualTo("url **** **** ****");
    }

    /** A key with characters that encoders treat differently: '/', '+', '=', '&', '~'. */
    static final String ODD_KEY = "cfgSECRET/key+0000=1111~2222&3333";

    static Stream<Arguments> echoForms() {
        return KeyForms.of(ODD_KEY).entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("echoForms")
    void scrubsTheKeyInEveryCaseAndEncoding(String name, String form) {
        ApiKey key = ApiKey.resolve(BackendConfig.builder().apiKey(ODD_KEY).build(), env::get)
                .orElseThrow();
        String text = "{\"status\": \"unknown key " + form + "\"} <p>" + form + "</p>";
        // The scan must be able to fail: it finds the unscrubbed form.
        assertThat(KeyTraces.find(text, ODD_KEY)).as(name).isNotNull();
        String scrubbed = key.scrub(text);
        assertThat(KeyTraces.find(scrubbed, ODD_KEY)).as(name + ": " + scrubbed).isNull();
        assertThat(scrubbed)
                .as(name)
                .startsWith("{\"status\": \"unknown key ")
                .contains("****")
                .endsWith("</p>");
    }

    @Test
    void scrubsMixturesAndLeavesOtherTextAlone() {
        ApiKey key = ApiKey.resolve(BackendConfig.builder().apiKey(ODD_KEY).build(), env::get)
                .orElseThrow();
        // One encoder that escaped only some characters, in another case.
        assertThat(key.scrub("a CFGsecret%2fKEY+0000&#61;1111%7E2222&amp;3333 b"))
                .isEqualTo("a **** b");
        assertThat(key.scrub("a cfgSECRET/key 0000=1111~2222%263333 b")).isEqualTo("a **** b");
        assertThat(key.scrub("nothing secret here: cfgSECRET/key, 0000=1111"))
                .isEqualTo("nothing secret here: cfgSECRET/key, 0000=1111");
    }

    @Test
    void scrubsAMegabyteOfEscapes() {
        ApiKey key = ApiKey.resolve(BackendConfig.builder().apiKey(ODD_KEY).build(), env::get)
                .orElseThrow();
        String body = "<p>&#x61; %2F \\u0041 ".repeat(50_000) + ODD_KEY;
        assertThat(key.scrub(body)).endsWith("****").hasSize(body.length() - ODD_KEY.length() + 4);
    }
}
