package io.github.colorize.djl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import io.github.colorize.BackendUnavailableException;
import io.github.colorize.internal.backend.DeviceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DjlDeviceChoiceTest {

    private final List<Device> tried = new ArrayList<>();

    /** Loads on the CPU; on a GPU only if {@code gpuWorks}. */
    private DjlDeviceChoice.Attempt<String> attempt(boolean gpuWorks) {
        return device -> {
            tried.add(device);
            if (device.isGpu() && !gpuWorks) {
                throw new IllegalStateException("no CUDA driver");
            }
            return "model on " + device;
        };
    }

    private static DjlDeviceChoice choice(String whyNoCuda) {
        return new DjlDeviceChoice(EngineKind.PYTORCH, Optional.ofNullable(whyNoCuda));
    }

    @Test
    void cpuLoadsOnTheCpuOnly() throws Exception {
        DjlDeviceChoice.Chosen<String> c = choice(null).select(DeviceSpec.parse("cpu"), attempt(true));
        assertThat(c.label()).isEqualTo("cpu");
        assertThat(c.fallbackReason()).isNull();
        assertThat(tried).containsExactly(Device.cpu());
    }

    @Test
    void autoUsesAWorkingGpu() throws Exception {
        DjlDeviceChoice.Chosen<String> c = choice(null).select(DeviceSpec.parse("auto"), attempt(true));
        assertThat(c.label()).isEqualTo("cuda:0");
        assertThat(tried).containsExactly(Device.gpu(0));
    }

    @Test
    void autoFallsBackWithOneReason() throws Exception {
        DjlDeviceChoice.Chosen<String> failed = choice(null).select(DeviceSpec.parse("auto"), attempt(false));
        assertThat(failed.label()).isEqualTo("cpu");
        assertThat(failed.fallbackReason()).contains("cuda:0").contains("no CUDA driver");
        assertThat(tried).containsExactly(Device.gpu(0), Device.cpu());

        tried.clear();
        DjlDeviceChoice.Chosen<String> impossible =
                choice("CPU-only natives").select(DeviceSpec.parse("auto"), attempt(true));
        assertThat(impossible.label()).isEqualTo("cpu");
        assertThat(impossible.fallbackReason()).isEqualTo("CPU-only natives");
        assertThat(tried).containsExactly(Device.cpu());
    }

    @Test
    void anExplicitGpuNeverFallsBack() throws Exception {
        assertThatThrownBy(() -> choice("CPU-only natives").select(DeviceSpec.parse("cuda:1"), attempt(true)))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("cuda:1")
                .hasMessageContaining("PyTorch")
                .hasMessageContaining("CPU-only natives");
        assertThat(tried).isEmpty();

        assertThatThrownBy(() -> choice(null).select(DeviceSpec.parse("cuda"), attempt(false)))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("cuda:0")
                .hasMessageContaining("no CUDA driver");
        assertThat(tried).containsExactly(Device.gpu(0));

        DjlDeviceChoice.Chosen<String> ok = choice(null).select(DeviceSpec.parse("cuda:1"), attempt(true));
        assertThat(ok.label()).isEqualTo("cuda:1");
    }

    @Test
    void aCpuFailureReachesTheCaller() {
        DjlDeviceChoice.Attempt<String> broken = device -> {
            throw new java.io.IOException("not a model");
        };
        assertThatThrownBy(() -> choice(null).select(DeviceSpec.parse("auto"), broken))
                .isInstanceOf(java.io.IOException.class)
                .hasMessage("not a model");
    }
}
