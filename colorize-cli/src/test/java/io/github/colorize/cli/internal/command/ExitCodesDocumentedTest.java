package io.github.colorize.cli.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** The exit codes in {@link ExitCodes}, {@code --help} and the README's one table are the same. */
class ExitCodesDocumentedTest {

    @Test
    void theReadmeTableHelpAndTheCodeListTheSameExitCodes() throws Exception {
        Set<Integer> inCode = new TreeSet<>();
        for (Field f : ExitCodes.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                inCode.add(f.getInt(null));
            }
        }
        Set<Integer> inHelp = new TreeSet<>();
        Arrays.stream(ColorizeCommand.class.getAnnotation(Command.class).exitCodeList())
                .forEach(line -> inHelp.add(Integer.parseInt(line.substring(0, line.indexOf(':')))));

        String readme = Files.readString(Path.of("README.md"));
        int heading = readme.indexOf("## Exit codes");
        assertThat(heading).as("an 'Exit codes' section").isNotNegative();
        assertThat(readme.indexOf("## Exit codes", heading + 1))
                .as("one exit-code section")
                .isNegative();
        Set<Integer> inReadme = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (\\d+) \\|").matcher(readme.substring(heading));
        while (row.find()) {
            assertThat(inReadme.add(Integer.parseInt(row.group(1))))
                    .as("code %s listed once", row.group(1))
                    .isTrue();
        }

        assertThat(inCode).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(inHelp).isEqualTo(inCode);
        assertThat(inReadme).isEqualTo(inCode);
    }
}
