package io.github.colorize.djl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.github.colorize.internal.backend.ConvCase;
import io.github.colorize.internal.backend.KernelSelfCheck;
import io.github.colorize.internal.backend.KernelSelfCheck.Outcome;
import io.github.colorize.internal.backend.KernelSelfCheck.Precision;
import io.github.colorize.internal.backend.KernelSelfCheck.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PyTorch engine's self-check on the CPU this runs on: it passes on AVX2 CPUs (and with
 * ONEDNN_MAX_CPU_ISA=AVX2), and on AVX-512 AMD EPYC CPUs, where libtorch 2.7.1's oneDNN convolves wrong,
 * it applies the fix; either way, convolutions are right afterwards.
 */
class DjlKernelCheckIT {

    private static void assertConvolvesRight(Engine engine) {
        List<ConvCase> cases = KernelSelfCheck.CASES;
        List<float[]> results = DjlKernelCheck.torchConvolutions(engine, Device.cpu(), cases);
        for (int i = 0; i < cases.size(); i++) {
            assertThat(KernelSelfCheck.compare(cases.get(i), results.get(i), Precision.FLOAT32))
                    .as(cases.get(i).label())
                    .isEmpty();
        }
    }

    @Test
    void afterTheSelfCheckThePyTorchEngineConvolvesRight() {
        Engine engine = DjlEngines.start(EngineKind.PYTORCH);
        Outcome outcome = DjlKernelCheck.require(EngineKind.PYTORCH, engine, "cpu", 1);
        System.out.println("PyTorch engine convolution self-check: " + outcome.status() + " in " + outcome.millis()
                + " ms: " + outcome.report() + " (ONEDNN_MAX_CPU_ISA=" + System.getenv("ONEDNN_MAX_CPU_ISA") + ")");
        assertThat(outcome.status()).isIn(Status.PASSED, Status.FIXED);
        assertThat(DjlKernelCheck.require(EngineKind.PYTORCH, engine, "cpu", 1)).isSameAs(outcome);
        assertConvolvesRight(engine);
        if (outcome.status() == Status.FIXED) {
            assertThat(outcome.report())
                    .contains("computes convolutions wrong here")
                    .contains("oneDNN convolutions off")
                    .contains("ONEDNN_MAX_CPU_ISA=AVX2");
        }
    }

    @Test
    void theFixTurnsOneDnnConvolutionsOffAndConfirmsIt() {
        DjlEngines.start(EngineKind.PYTORCH);
        assertThat(LibTorchOneDnn.disableConvolutions()).contains("oneDNN convolutions off");
        assertThat(LibTorchOneDnn.disableConvolutions()).contains("oneDNN convolutions off");
        Engine engine = Engine.getEngine(EngineKind.PYTORCH.djlName());
        assertConvolvesRight(engine);
    }
}
