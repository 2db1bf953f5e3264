package io.github.colorize.djl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.djl.Fixtures;
import io.github.colorize.internal.backend.GraphSignature;
import io.github.colorize.internal.model.BundledCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OnnxSignatureReaderTest {

    @TempDir
    Path dir;

    private static GraphSignature.Tensor t(String type, long... shape) {
        return new GraphSignature.Tensor(type, shape);
    }

    @Test
    void readsTheBundledGraphsDynamicSignature() throws Exception {
        GraphSignature s = OnnxSignatureReader.read(Fixtures.copyBundled(BundledCard.ONNX_FILE, dir));
        assertThat(s.inputs()).containsOnlyKeys("l");
        assertThat(s.inputs().get("l")).isEqualTo(t("float32", -1, 1, -1, -1));
        assertThat(s.outputs()).containsOnlyKeys("ab");
        assertThat(s.outputs().get("ab")).isEqualTo(t("float32", -1, 2, -1, -1));
    }

    @Test
    void readsFloat16AndFixedSizesAndLeavesOutInitializersListedAsInputs() throws Exception {
        GraphSignature half = OnnxSignatureReader.read(Fixtures.copy(Fixtures.CHROMA_FP16, dir));
        assertThat(half.inputs()).containsEntry("l", t("float16", 1, 1, -1, -1));
        assertThat(half.outputs()).containsEntry("ab", t("float16", 1, 2, -1, -1));

        GraphSignature fixed = OnnxSignatureReader.read(Fixtures.copy(Fixtures.CHROMA_FIXED, dir));
        assertThat(fixed.inputs()).containsOnlyKeys("l");
        assertThat(fixed.inputs()).containsEntry("l", t("float32", 1, 1, 128, 128));
        assertThat(fixed.outputs()).containsEntry("ab", t("float32", 1, 2, 32, 32));
    }

    @Test
    void bytesAndFilesGiveTheSameAnswer() throws Exception {
        Path file = Fixtures.copy(Fixtures.CHROMA_FIXED, dir);
        assertThat(OnnxSignatureReader.read(Files.readAllBytes(file))).isEqualTo(OnnxSignatureReader.read(file));
    }

    @Test
    void aFileWithoutAGraphIsRefused() throws Exception {
        Path ts = Fixtures.copyBundled(BundledCard.TORCHSCRIPT_FILE, dir);
        assertThatThrownBy(() -> OnnxSignatureReader.read(ts)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> OnnxSignatureReader.read(new byte[0]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no graph");
    }

    /**
     * Every cut inside the graph message (bytes 21 to 323 of the 329-byte fixture; the model's trailing
     * opset list is never read) fails with an IOException, never a runtime exception or a hang.
     */
    @ParameterizedTest(name = "cut at {0}")
    @MethodSource("cuts")
    void truncatedGraphsFailCleanly(int cut) throws Exception {
        byte[] whole = Files.readAllBytes(Fixtures.copy(Fixtures.CHROMA_FIXED, dir));
        assertThat(whole).hasSize(329);
        byte[] part = Arrays.copyOf(whole, cut);
        assertThatThrownBy(() -> OnnxSignatureReader.read(part)).isInstanceOf(IOException.class);
    }

    static Stream<Integer> cuts() {
        Random r = new Random(7);
        return Stream.concat(
                Stream.of(1, 2, 21, 22, 100, 322), r.ints(20, 3, 323).boxed());
    }

    /** Random bytes are never mistaken for a signature with a crash: an IOException or a parsed answer. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void garbageNeverCrashesTheReader(long seed) {
        byte[] junk = new byte[512];
        new Random(seed).nextBytes(junk);
        try {
            OnnxSignatureReader.read(junk);
        } catch (IOException expected) {
            assertThat(expected).hasMessageNotContaining("null");
        }
    }

    static Stream<Long> seeds() {
        return new Random(11).longs(30).boxed();
    }

    @Test
    void typeNamesFollowOnnxRuntime() {
        assertThat(OnnxSignatureReader.typeName(1)).isEqualTo("float32");
        assertThat(OnnxSignatureReader.typeName(10)).isEqualTo("float16");
        assertThat(OnnxSignatureReader.typeName(7)).isEqualTo("int64");
        assertThat(OnnxSignatureReader.typeName(99)).isEqualTo("onnx-type-99");
    }
}
