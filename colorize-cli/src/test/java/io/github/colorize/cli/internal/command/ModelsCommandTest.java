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
    void aDownloadedModelIsFoundInItsContentKeyedCacheFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path cache)
            throws Exception {
        io.github.colorize.ModelCard url = ModelCards.builtIn().stream()
                .filter(c -> c.source() instanceof io.github.colorize.ModelSource.Url)
                .findFirst()
                .orElseThrow();
        io.github.colorize.ModelSource.Url u = (io.github.colorize.ModelSource.Url) url.source();
        assertThat(ModelsCommand.where(url, cache)).isEqualTo("downloads on first use");
        java.nio.file.Path file =
                new io.github.colorize.internal.model.ModelCache(cache).fileFor(u.fileName(), u.sha256());
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, new byte[] {1});
        assertThat(ModelsCommand.where(url, cache)).isEqualTo("downloaded");
        assertThat(ModelsCommand.origin(url, cache)).endsWith(" into " + file);
    }

    @Test
    void fetchingAnUnknownModelIsAUsageError() {
        assertThat(cli.run("models", "--fetch", "no-such-model")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err())
                .isEqualTo("colorize: no model named 'no-such-model'; see 'colorize models'"
                        + " (see 'colorize --help')\n");
    }
}
