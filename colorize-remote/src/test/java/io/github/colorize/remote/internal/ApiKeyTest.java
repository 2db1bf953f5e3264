package io.github.colorize.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.BackendConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
