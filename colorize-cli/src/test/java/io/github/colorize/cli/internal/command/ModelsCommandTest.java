package io.github.colorize.cli.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.ModelCards;
import org.junit.jupiter.api.Test;

class ModelsCommandTest {

    private final CliHarness cli = new CliHarness();

    @Test
    void listsTheBundledModelFirstAndEveryBuiltInCard() {
        assertThat(cli.run("models")).isZero();
        String first = cli.out().lines().findFirst().orElseThrow();
        assertThat(first).startsWith(ModelCards.bundledName()).endsWith("(default)");
        ModelCards.builtIn().forEach(c -> assertThat(cli.out()).contains(c.name()));
        assertThat(cli.out()).contains("downloads on first use").contains("get by hand");
    }

    @Test
    void verboseSaysWhereEachFileComesFrom() {
        assertThat(cli.run("models", "-v")).isZero();
        assertThat(cli.out()).contains("source: class-path resource").contains("licence: ");
    }

    @Test
    void fetchingAnUnknownModelIsAUsageError() {
        assertThat(cli.run("models", "--fetch", "no-such-model")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err())
                .isEqualTo("colorize: no model named 'no-such-model'; see 'colorize models'"
                        + " (see 'colorize --help')\n");
    }
}
