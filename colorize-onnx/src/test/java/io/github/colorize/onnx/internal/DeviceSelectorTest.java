package io.github.colorize.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.BackendUnavailableException;
import io.github.colorize.internal.backend.DeviceSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceSelectorTest {

    private final List<String> tried = new ArrayList<>();

    private DeviceSelector<String> selector(boolean compiledIn, boolean cudaWorks) {
        return new DeviceSelector<>(
                compiledIn,
                index -> () -> {
                    tried.add("cuda:" + index);
                    if (!cudaWorks) {
                        throw new IllegalStateException("libcudart.so.12: cannot open shared object file");
                    }
                    return "session@cuda:" + index;
                },
                () -> {
                    tried.add("cpu");
                    return "session@cpu";
                });
    }

    @Test
    void autoUsesCudaWhenItWorks() throws Exception {
        DeviceSelector.Selected<String> s = selector(true, true).select(DeviceSpec.parse("auto"));
        assertThat(s.session()).isEqualTo("session@cuda:0");
        assertThat(s.device()).isEqualTo("cuda:0");
        assertThat(s.fallbackReason()).isNull();
        assertThat(tried).containsExactly("cuda:0");
    }

    @Test
    void autoFallsBackToCpuWithTheRuntimeReason() throws Exception {
        DeviceSelector.Selected<String> s = selector(true, false).select(DeviceSpec.parse("auto"));
        assertThat(s.device()).isEqualTo("cpu");
        assertThat(s.fallbackReason()).contains("libcudart.so.12");
        assertThat(tried).containsExactly("cuda:0", "cpu");
    }

    @Test
    void autoOnACpuBuildDoesNotEvenTryCuda() throws Exception {
        DeviceSelector.Selected<String> s = selector(false, true).select(DeviceSpec.parse("auto"));
        assertThat(s.device()).isEqualTo("cpu");
        assertThat(s.fallbackReason()).contains("CPU-only");
        assertThat(tried).containsExactly("cpu");
    }

    @Test
    void cpuNeverTouchesCuda() throws Exception {
        DeviceSelector.Selected<String> s = selector(true, true).select(DeviceSpec.parse("cpu"));
        assertThat(s.device()).isEqualTo("cpu");
        assertThat(s.fallbackReason()).isNull();
        assertThat(tried).containsExactly("cpu");
    }

    @Test
    void explicitCudaUsesTheRequestedDevice() throws Exception {
        assertThat(selector(true, true).select(DeviceSpec.parse("cuda:2")).device())
                .isEqualTo("cuda:2");
        assertThat(tried).containsExactly("cuda:2");
    }

    @Test
    void explicitCudaNeverFallsBack() {
        assertThatThrownBy(() -> selector(true, false).select(DeviceSpec.parse("cuda:1")))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("cuda:1")
                .hasMessageContaining("libcudart.so.12");
        assertThatThrownBy(() -> selector(false, true).select(DeviceSpec.parse("cuda")))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("onnxruntime_gpu");
        assertThat(tried).containsExactly("cuda:1");
    }
}
