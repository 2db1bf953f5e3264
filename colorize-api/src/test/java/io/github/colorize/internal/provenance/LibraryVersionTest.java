package io.github.colorize.internal.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.Provenance;
import io.github.colorize.Timings;
import org.junit.jupiter.api.Test;

class LibraryVersionTest {

    @Test
    void readsTheVersionTheBuildWroteAndProvenanceRecordsIt() {
        // The build filters the resource: a found resource holds a real version, not the placeholder.
        assertThat(LibraryVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
        assertThat(Provenance.of("onnx", "m", null, 35, 1.0, "cpu", Timings.ZERO)
                        .softwareVersion())
                .isEqualTo(LibraryVersion.current());
    }
}
