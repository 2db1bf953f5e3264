package io.github.colorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModelSourceTest {

    private static final String SHA = "0123456789abcdef".repeat(4);

    @Test
    void fileNamesComeFromEachKindOfSource() {
        assertThat(ModelSource.file(Path.of("/a/b/m.onnx")).fileName()).isEqualTo("m.onnx");
        assertThat(ModelSource.resource("/io/x/m.onnx").fileName()).isEqualTo("m.onnx");
        assertThat(((ModelSource.Resource) ModelSource.resource("/io/x/m.onnx")).name())
                .isEqualTo("io/x/m.onnx");
        assertThat(ModelSource.url(URI.create("https://h.org/dl/m.onnx?sig=1"), SHA)
                        .fileName())
                .isEqualTo("m.onnx");
        assertThat(ModelSource.manual("m.onnx", "get it").fileName()).isEqualTo("m.onnx");
    }

    @Test
    void urlSourcesRequireAHashAndHttp() {
        assertThatThrownBy(() -> ModelSource.url(URI.create("https://h.org/m.onnx"), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> ModelSource.url(URI.create("https://h.org/m.onnx"), "abc"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelSource.url(URI.create("ftp://h.org/m.onnx"), SHA))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelSource.url(URI.create("https://h.org/dir/"), SHA))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void urlTextHidesCredentials() {
        ModelSource.Url url = (ModelSource.Url)
                ModelSource.url(URI.create("https://user:pw@h.org:8443/m.onnx?X-Amz-Signature=SECRET#frag"), SHA);
        assertThat(url.redacted()).isEqualTo("https://h.org:8443/m.onnx?…");
        assertThat(url.toString()).doesNotContain("SECRET").doesNotContain("pw");
    }

    @Test
    void manualNamesMustBePlain() {
        assertThatThrownBy(() -> ModelSource.manual("a/b.onnx", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelSource.resource("dir/")).isInstanceOf(IllegalArgumentException.class);
    }
}
