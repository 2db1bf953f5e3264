package io.github.colorize.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.Images;
import io.github.colorize.ProvenanceCheck;
import io.github.colorize.cli.testing.ChildCli;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command finds the real ONNX backend and the bundled model through its lib/ folder and
 * colourises real historical scans from ../shared/data/old-photos (skipped when that folder is absent).
 */
class BundledModelIT {

    private static final Path OLD_PHOTOS = Path.of("../../shared/data/old-photos");

    @TempDir
    Path dir;

    @Test
    void colorisesRealScansWithTheBundledModelAndARerunDoesNothing() throws Exception {
        Assumptions.assumeTrue(ChildCli.available(), "needs the packaged jar (run under Failsafe)");
        Path girl = OLD_PHOTOS.resolve("1870Girl.jpg");
        Path hilbert = OLD_PHOTOS.resolve("David_Hilbert.png");
        Assumptions.assumeTrue(Files.isRegularFile(girl) && Files.isRegularFile(hilbert), "needs ../shared/data");
        Path out = dir.resolve("out");
        ChildCli cli = new ChildCli(dir);

        ChildCli.Child first = cli.start(girl.toString(), hilbert.toString(), "--out", out.toString());
        assertThat(first.waitFor(300)).as(first.err()).isZero();
        assertThat(first.out()).contains("colorize: 2 done, 0 skipped, 0 failed");
        for (Path src : new Path[] {girl, hilbert}) {
            String name = src.getFileName().toString().replaceFirst("\\.[^.]+$", ".png");
            Path output = out.resolve(name);
            BufferedImage a = Images.read(output);
            BufferedImage b = Images.read(src);
            assertThat(a.getWidth()).isEqualTo(b.getWidth());
            assertThat(a.getHeight()).isEqualTo(b.getHeight());
            ProvenanceCheck check = ProvenanceCheck.verify(output, src);
            assertThat(check.passed()).as(check.problem()).isTrue();
            assertThat(check.provenance().backend()).isEqualTo("onnx");
            assertThat(check.provenance().modelSha256()).hasSize(64);
        }

        ChildCli.Child again = cli.start(girl.toString(), hilbert.toString(), "--out", out.toString());
        assertThat(again.waitFor(120)).isZero();
        assertThat(again.out()).contains("colorize: 0 done, 2 skipped, 0 failed");

        ChildCli.Child verify = cli.start("verify", out.toString());
        assertThat(verify.waitFor(60)).isZero();
        assertThat(verify.out().lines()).hasSize(2).allMatch(l -> l.contains(": ok - colourised by colorize"));
    }
}
