package io.github.colorize.cli.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.cli.testing.Photos;
import io.github.colorize.cli.testing.SepiaTestProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code colorize eval} on several folders, and {@code --limit} with photos that fail. */
class EvalCommandFoldersTest {

    @TempDir
    Path dir;

    private final CliHarness cli = new CliHarness();

    @Test
    void severalFoldersAreNamedSoTheirResultsCanBeToldApart() throws Exception {
        Photos.write(Photos.colorful(40, 30), dir.resolve("first/x.png"));
        Photos.write(Photos.colorful(30, 40), dir.resolve("second/y.png"));
        Photos.write(Photos.colorful(32, 32), dir.resolve("second/sub/z.png"));
        Path csv = dir.resolve("eval.csv");
        String first = dir.resolve("first").toString();
        String second = dir.resolve("second").toString();
        int code = cli.run("eval", "-b", SepiaTestProvider.NAME, first, second, "--csv", csv.toString());
        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains(first + ": 1 colour photo(s)")
                .contains(second + ": 1 colour photo(s)")
                .contains(second + "/sub: 1 colour photo(s)")
                .doesNotContain(".: ");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.stream().filter(r -> r.startsWith(first + ",")).count()).isEqualTo(4);
        assertThat(rows.stream().filter(r -> r.startsWith(second + ",")).count())
                .isEqualTo(4);
    }

    @Test
    void oneFolderKeepsRelativeNames() {
        Photos.write(Photos.colorful(40, 30), dir.resolve("set/x.png"));
        Photos.write(Photos.colorful(40, 30), dir.resolve("set/a/y.png"));
        assertThat(cli.run(
                        "eval", "-b", SepiaTestProvider.NAME, dir.resolve("set").toString()))
                .isZero();
        assertThat(cli.out()).contains(".: 1 colour photo(s)").contains("a: 1 colour photo(s)");
    }

    @Test
    void theLimitCountsPhotosThatFailed() throws Exception {
        Path set = dir.resolve("set");
        Files.createDirectories(set);
        Files.write(set.resolve("a.png"), new byte[] {1, 2, 3});
        Files.write(set.resolve("b.png"), new byte[] {4, 5, 6});
        Photos.write(Photos.colorful(40, 30), set.resolve("c.png"));
        int code = cli.run("eval", "-b", SepiaTestProvider.NAME, "--limit", "1", set.toString());
        assertThat(code).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(cli.out()).contains(".: 0 colour photo(s), 1 failed");
        assertThat(cli.err()).contains("a.png").doesNotContain("b.png");
    }
}
