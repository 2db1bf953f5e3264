package io.github.colorize.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelCacheTest {

    private static Path dir(Map<String, String> props, Map<String, String> env) {
        return ModelCache.defaultDirectory(props::get, env::get);
    }

    @Test
    void defaultsToTheUserCacheFolder() {
        assertThat(dir(Map.of("user.home", "/home/ann"), Map.of()))
                .isEqualTo(Path.of("/home/ann/.cache/colorize/models"));
    }

    @Test
    void propertyBeatsEnvironmentBeatsXdg() {
        Map<String, String> env = Map.of(ModelCache.ENV, "/env", "XDG_CACHE_HOME", "/xdg");
        assertThat(dir(Map.of("user.home", "/h", ModelCache.PROPERTY, "/prop"), env))
                .isEqualTo(Path.of("/prop"));
        assertThat(dir(Map.of("user.home", "/h"), env)).isEqualTo(Path.of("/env"));
        assertThat(dir(Map.of("user.home", "/h"), Map.of("XDG_CACHE_HOME", "/xdg")))
                .isEqualTo(Path.of("/xdg/colorize/models"));
    }

    @Test
    void fileNamesCannotEscapeTheCache() {
        ModelCache cache = new ModelCache(Path.of("/c"));
        assertThat(cache.fileFor("m.onnx")).isEqualTo(Path.of("/c/m.onnx"));
        assertThatThrownBy(() -> cache.fileFor("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.fileFor("a/b.onnx")).isInstanceOf(IllegalArgumentException.class);
        String sha = "0123456789abcdef".repeat(4);
        assertThat(cache.fileFor("m.onnx", sha)).isEqualTo(Path.of("/c/0123456789abcdef/m.onnx"));
        assertThatThrownBy(() -> cache.fileFor("../m.onnx", sha)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.fileFor("m.onnx", "../../etc")).isInstanceOf(IllegalArgumentException.class);
    }
}
