package io.github.colorize.cli.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {

    @TempDir
    Path dir;

    @Test
    void appendsAndReadsRecordsInOrder() throws Exception {
        Path f = dir.resolve("sub/log.jsonl");
        try (JsonLines log = JsonLines.openForAppend(f, true)) {
            log.append(Map.of("n", 1));
            log.append(Map.of("n", 2));
        }
        try (JsonLines log = JsonLines.openForAppend(f, false)) {
            log.append(Map.of("n", 3));
        }
        JsonLines.Contents c = JsonLines.read(f);
        assertThat(c.records())
                .extracting(r -> r.get("n"))
                .containsExactly(BigDecimal.ONE, BigDecimal.valueOf(2), BigDecimal.valueOf(3));
        assertThat(c.malformedLines()).isZero();
    }

    @Test
    void aTornLastRecordIsSkippedAndDoesNotSpoilTheNextOne() throws Exception {
        Path f = dir.resolve("m.jsonl");
        try (JsonLines log = JsonLines.openForAppend(f, true)) {
            log.append(Map.of("n", 1));
        }
        // A crash in the middle of a write: half a record, and half of a multi-byte character.
        byte[] torn = "{\"n\":2,\"s\":\"é".getBytes(StandardCharsets.UTF_8);
        Files.write(f, java.util.Arrays.copyOf(torn, torn.length - 1), StandardOpenOption.APPEND);
        try (JsonLines log = JsonLines.openForAppend(f, true)) {
            log.append(Map.of("n", 3));
        }
        JsonLines.Contents c = JsonLines.read(f);
        assertThat(c.records()).extracting(r -> r.get("n")).containsExactly(BigDecimal.ONE, BigDecimal.valueOf(3));
        assertThat(c.malformedLines()).isEqualTo(1);
    }

    @Test
    void aMissingFileReadsAsEmpty() throws Exception {
        JsonLines.Contents c = JsonLines.read(dir.resolve("none.jsonl"));
        assertThat(c.records()).isEmpty();
        assertThat(c.malformedLines()).isZero();
    }
}
