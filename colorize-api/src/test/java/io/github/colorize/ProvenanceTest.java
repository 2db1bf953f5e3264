package io.github.colorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ProvenanceCheck.SourceMatch;
import io.github.colorize.ProvenanceCheck.Status;
import io.github.colorize.internal.provenance.PngXmp;
import io.github.colorize.internal.provenance.SampleRecords;
import io.github.colorize.internal.provenance.XmpWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvenanceTest {

    /** {@code ../shared/data} from the repository root; tests run in the module folder, one level down. */
    private static final Path SHARED_PHOTOS = Stream.of(Path.of("..", "shared"), Path.of("..", "..", "shared"))
            .map(p -> p.resolve("data").resolve("old-photos"))
            .filter(Files::isDirectory)
            .findFirst()
            .orElse(Path.of("..", "..", "shared", "data", "old-photos"));

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "jpeg"})
    void savedImageReadsBackAnEqualRecord(String extension) throws IOException {
        Provenance p = Provenance.of(
                        "onnx",
                        "deoldify-artistic",
                        null,
                        35,
                        1.0,
                        "cpu",
                        new Timings(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(3)))
                .withSource("photo.jpg", SampleRecords.typical().sourceSha256());
        Path file = dir.resolve("result." + extension);
        new ColorizedImage(image(), p).save(file);

        assertThat(Provenance.read(file)).contains(p);
        assertThat(p.software()).isEqualTo(Provenance.SOFTWARE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg"})
    void aRecordOfColorsGuidedByHintsReadsBackWithTheirCountAndSidecarHash(String extension) throws IOException {
        Path sidecar = dir.resolve("photo.jpg.hints.json");
        ColorHints.builder()
                .point(1, 1, 2, 0x2a4d9b)
                .point(3, 3, 2, 0xb22222)
                .build()
                .write(sidecar);
        ColorHints hints = ColorHints.read(sidecar);
        Provenance p = SampleRecords.typical().withHints(hints);
        Path file = dir.resolve("guided." + extension);
        new ColorizedImage(image(), p).save(file);

        Provenance back = Provenance.read(file).orElseThrow();
        assertThat(back).isEqualTo(p);
        assertThat(back.guidedByPerson()).isTrue();
        assertThat(back.hintCount()).isEqualTo(2);
        assertThat(back.hintsSha256()).isEqualTo(hints.sourceSha256().orElseThrow());
        assertThat(Provenance.read(dir.resolve("x.png").resolveSibling(file.getFileName())))
                .contains(p);
        assertThat(SampleRecords.typical().guidedByPerson()).isFalse();
    }

    @Test
    void imageWrittenWithoutRecordReadsEmpty() throws IOException {
        Path file = dir.resolve("plain.png");
        Images.write(image(), file, ImageWriteOptions.of(ImageFormat.PNG));
        assertThat(Provenance.read(file)).isEmpty();
        assertThat(ProvenanceCheck.verify(file))
                .extracting(ProvenanceCheck::status, ProvenanceCheck::problem)
                .containsExactly(Status.ABSENT, "the file has no XMP metadata");
    }

    @Test
    void verifyComparesTheRecordedSourceHashWithTheGivenSource() throws IOException {
        Path source = Files.write(dir.resolve("scan.png"), encodedPng());
        Path other = Files.write(dir.resolve("other.bin"), new byte[] {1, 2, 3});
        SourceImage read = Images.readSource(source, ImageReadOptions.defaults());
        Provenance p = SampleRecords.typical().withSource("scan.png", read.sha256());
        Path result = dir.resolve("scan-colour.jpg");
        new ColorizedImage(read.image(), p).save(result);

        ProvenanceCheck plain = ProvenanceCheck.verify(result);
        assertThat(plain.status()).isEqualTo(Status.VALID);
        assertThat(plain.source()).isEqualTo(SourceMatch.NOT_CHECKED);
        assertThat(plain.record()).contains(p);
        assertThat(plain.problem()).isNull();
        assertThat(plain.passed()).isTrue();

        ProvenanceCheck matching = ProvenanceCheck.verify(result, source);
        assertThat(matching.source()).isEqualTo(SourceMatch.MATCHES);
        assertThat(matching.passed()).isTrue();

        ProvenanceCheck differing = ProvenanceCheck.verify(result, other);
        assertThat(differing.status()).isEqualTo(Status.VALID);
        assertThat(differing.source()).isEqualTo(SourceMatch.DIFFERS);
        assertThat(differing.passed()).isFalse();
    }

    @Test
    void verifyWithASourceButNoRecordedSourceCannotPass() throws IOException {
        Path result = dir.resolve("memory.png");
        new ColorizedImage(image(), SampleRecords.typical().withSource(null, null)).save(result);
        Path source = Files.write(dir.resolve("scan.bin"), new byte[] {9});

        ProvenanceCheck check = ProvenanceCheck.verify(result, source);
        assertThat(check.status()).isEqualTo(Status.VALID);
        assertThat(check.source()).isEqualTo(SourceMatch.NOT_RECORDED);
        assertThat(check.passed()).isFalse();
    }

    @Test
    void corruptRecordIsAnErrorFromReadAndAStatusFromVerify() throws IOException {
        String broken = new String(XmpWriter.packet(SampleRecords.typical()), StandardCharsets.UTF_8)
                .replace("<colorize:renderFactor>35<", "<colorize:renderFactor>many<");
        Path file = pngWithPacket("corrupt.png", broken);

        assertThatThrownBy(() -> Provenance.read(file))
                .isInstanceOf(MalformedProvenanceException.class)
                .hasMessage(file + ": malformed provenance record: colorize:renderFactor is not an integer: 'many'")
                .satisfies(e ->
                        assertThat(((MalformedProvenanceException) e).file()).isEqualTo(file));

        ProvenanceCheck check = ProvenanceCheck.verify(file, file);
        assertThat(check.status()).isEqualTo(Status.MALFORMED);
        assertThat(check.problem()).isEqualTo("colorize:renderFactor is not an integer: 'many'");
        assertThat(check.source()).isEqualTo(SourceMatch.NOT_CHECKED);
        assertThat(check.record()).isEmpty();
        assertThat(check.passed()).isFalse();
    }

    @Test
    void foreignXmpIsAbsentNotMalformed() throws IOException {
        String foreign = "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF"
                + " xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description rdf:about=''"
                + " xmlns:dc='http://purl.org/dc/elements/1.1/' dc:format='image/png'/></rdf:RDF></x:xmpmeta>";
        Path file = pngWithPacket("foreign.png", foreign);
        assertThat(Provenance.read(file)).isEmpty();
        assertThat(ProvenanceCheck.verify(file).problem()).isEqualTo("the file's XMP holds no colorize record");
    }

    @Test
    void filesThatAreNotPngOrJpegGetATypedErrorNamingThem() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image at all");
        Path missing = dir.resolve("missing.jpg");
        assertThatThrownBy(() -> Provenance.read(text))
                .isInstanceOf(UndecodableImageException.class)
                .hasMessageContaining("notes.png")
                .hasMessageContaining("not a PNG or JPEG");
        assertThatThrownBy(() -> ProvenanceCheck.verify(missing))
                .isInstanceOf(UndecodableImageException.class)
                .hasMessageContaining("missing.jpg")
                .hasMessageContaining("no such file");
    }

    @Test
    void checkRejectsInconsistentComponents() {
        Path f = Path.of("x.png");
        assertThatThrownBy(() -> new ProvenanceCheck(f, Status.VALID, null, null, SourceMatch.NOT_CHECKED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProvenanceCheck(f, Status.ABSENT, null, null, SourceMatch.NOT_CHECKED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Real scans: none carries a record, and a result made from one verifies against it. */
    @Test
    void realOldPhotosHaveNoRecordAndTheirResultsVerifyAgainstThem() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SHARED_PHOTOS), "shared photos not present");
        List<Path> photos;
        try (Stream<Path> s = Files.list(SHARED_PHOTOS)) {
            photos = s.filter(p -> p.toString().toLowerCase().matches(".*\\.(jpe?g|png)"))
                    .sorted()
                    .toList();
        }
        Assumptions.assumeFalse(photos.isEmpty(), "no photos in " + SHARED_PHOTOS);
        for (Path photo : photos) {
            assertThat(Provenance.read(photo)).as("%s", photo).isEmpty();
        }
        Path photo = photos.get(0);
        SourceImage source = Images.readSource(photo, ImageReadOptions.defaults());
        Provenance p = SampleRecords.typical().withSource(photo.getFileName().toString(), source.sha256());
        for (String ext : new String[] {"png", "jpg"}) {
            Path result = dir.resolve("result." + ext);
            new ColorizedImage(source.image(), p).save(result);
            ProvenanceCheck check = ProvenanceCheck.verify(result, photo);
            assertThat(check.passed()).as("%s", check).isTrue();
            assertThat(check.source()).isEqualTo(SourceMatch.MATCHES);
            assertThat(ProvenanceCheck.verify(result, photos.get(photos.size() - 1))
                            .source())
                    .isEqualTo(photos.size() > 1 ? SourceMatch.DIFFERS : SourceMatch.MATCHES);
        }
    }

    private Path pngWithPacket(String name, String packet) throws IOException {
        byte[] png = encodedPng();
        byte[] chunk = PngXmp.chunk(packet.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[png.length + chunk.length];
        System.arraycopy(png, 0, out, 0, 33);
        System.arraycopy(chunk, 0, out, 33, chunk.length);
        System.arraycopy(png, 33, out, 33 + chunk.length, png.length - 33);
        return Files.write(dir.resolve(name), out);
    }

    private static byte[] encodedPng() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image(), "png", out);
        return out.toByteArray();
    }

    private static BufferedImage image() {
        BufferedImage img = new BufferedImage(24, 18, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 18; y++) {
            for (int x = 0; x < 24; x++) {
                img.setRGB(x, y, (x * 10 << 16) | (y * 14 << 8) | 0x40);
            }
        }
        return img;
    }
}
