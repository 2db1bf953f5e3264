package io.github.colorize.internal.provenance;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.colorize.MalformedProvenanceException;
import io.github.colorize.Provenance;
import io.github.colorize.UndecodableImageException;
import io.github.colorize.testkit.FuzzContract;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes what {@code Provenance.read} does with a file's bytes: the JPEG segment walk and the PNG chunk
 * walk (iTXt, compressed or not, CRC) that find the XMP packet, then {@link XmpReader}. The bytes come
 * from memory through the same {@link ProvenanceFiles#packet(java.io.InputStream, Path)} the file path
 * uses, so no file is written per input. Seeds in {@code ProvenanceFuzzTestInputs/read/}.
 */
@Tag("fuzz")
class ProvenanceFuzzTest {

    private static final Path NAME = FuzzContract.inputName(".png");
    private static final int MAX_BYTES = 256 << 10;

    /**
     * Contract: a record, empty, or {@link UndecodableImageException} / {@link MalformedProvenanceException}
     * naming the file, with a printable message.
     */
    @FuzzTest(maxDuration = "15s")
    void read(byte[] input) throws Throwable {
        if (input.length > MAX_BYTES) {
            return;
        }
        try {
            Optional<byte[]> packet = ProvenanceFiles.packet(new ByteArrayInputStream(input), NAME);
            Optional<Provenance> record = packet.flatMap(p -> XmpReader.read(p, NAME));
            record.ifPresent(Provenance::toString);
        } catch (Throwable t) {
            FuzzContract.check(
                    t, Set.of(UndecodableImageException.class, MalformedProvenanceException.class), NAME.toString());
        }
    }
}
