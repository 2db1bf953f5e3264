package io.github.colorize.internal.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.colorize.MalformedProvenanceException;
import io.github.colorize.Provenance;
import io.github.colorize.testkit.FuzzContract;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes {@link XmpReader} on XMP packets directly, where mutations of the XML text (rather than of a
 * container around it) reach the property layouts, value parsers and the DTD refusal. Seeds in {@code
 * XmpReaderFuzzTestInputs/read/}.
 */
@Tag("fuzz")
class XmpReaderFuzzTest {

    private static final Path NAME = FuzzContract.inputName(".png");

    /** A JPEG APP1 segment cannot hold more; PNG packets are capped at the same size. */
    private static final int MAX_BYTES = JpegXmp.MAX_PACKET;

    /**
     * Contract: a record, empty, or {@link MalformedProvenanceException} naming the file, with a printable
     * message; a record read back writes to a packet that reads back to the same record.
     */
    @FuzzTest(maxDuration = "15s")
    void read(byte[] input) throws Throwable {
        if (input.length > MAX_BYTES) {
            return;
        }
        Optional<Provenance> record;
        try {
            record = XmpReader.read(input, NAME);
        } catch (Throwable t) {
            FuzzContract.check(t, Set.of(MalformedProvenanceException.class), NAME.toString());
            return;
        }
        if (record.isPresent()) {
            assertThat(XmpReader.read(XmpWriter.packet(record.get()), NAME)).isEqualTo(record);
        }
    }
}
