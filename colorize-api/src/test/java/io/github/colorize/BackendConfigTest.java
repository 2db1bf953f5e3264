package io.github.colorize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackendConfigTest {

    private static final String KEY = "sk-very-secret-123";

    @Test
    void secretsNeverShowInToStringKeysOrValues() {
        BackendConfig c = BackendConfig.builder().model("m").apiKey(KEY).build();
        assertThat(c.toString()).doesNotContain(KEY).contains("apiKey=****").contains("model=m");
        assertThat(c.keys()).containsExactly("model");
        assertThat(c.values()).doesNotContainValue(KEY);
        assertThat(c.secret(BackendConfig.API_KEY)).contains(KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apiKey", "APIKEY", "api_key", "api-key", "authToken", "clientSecret", "password"})
    void plainSettingsThatNameASecretAreKeptSecret(String name) {
        BackendConfig c = BackendConfig.builder().set(name, KEY).build();
        assertThat(c.toString()).doesNotContain(KEY);
        assertThat(c.get(name)).isEmpty();
        assertThat(c.secret(name)).contains(KEY);
    }

    @Test
    void defaultsAndCopies() {
        BackendConfig c = BackendConfig.builder()
                .device("cuda:1")
                .set("fidelity", "reference")
                .build();
        assertThat(c.device()).isEqualTo("cuda:1");
        assertThat(BackendConfig.defaults().device()).isEqualTo("auto");
        assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(c.get("missing", "x")).isEqualTo("x");
    }
}
