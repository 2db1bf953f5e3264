package io.github.colorize.cli.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.cli.internal.batch.FatalFailures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressModeTest {

    private static CliContext context(boolean terminal, Map<String, String> env) {
        return new CliContext(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                Interrupts.NONE,
                env::get,
                terminal,
                Cli.defaultColorCheck(),
                FatalFailures.NONE);
    }

    @ParameterizedTest
    @CsvSource({"bar, BAR", "LINES, LINES", "None, NONE"})
    void namedModesIgnoreCase(String option, ProgressMode expected) {
        assertThat(ProgressMode.parse(option, context(true, Map.of()))).isEqualTo(expected);
        assertThat(ProgressMode.parse(option, context(false, Map.of()))).isEqualTo(expected);
    }

    @Test
    void autoIsABarOnlyOnATerminalThatIsNotDumb() {
        assertThat(ProgressMode.parse(ProgressMode.DEFAULT, context(true, Map.of("TERM", "xterm"))))
                .isEqualTo(ProgressMode.BAR);
        assertThat(ProgressMode.parse("auto", context(true, Map.of("TERM", "dumb"))))
                .isEqualTo(ProgressMode.LINES);
        assertThat(ProgressMode.parse("auto", context(false, Map.of()))).isEqualTo(ProgressMode.LINES);
    }

    @Test
    void otherValuesAreUsageErrorsNamingTheChoices() {
        assertThatThrownBy(() -> ProgressMode.parse("loud", context(false, Map.of())))
                .isInstanceOf(UsageError.class)
                .hasMessage("--progress must be auto, bar, lines or none, got 'loud'");
    }
}
