package io.github.colorize.internal.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.MalformedProvenanceException;
import io.github.colorize.Provenance;
import io.github.colorize.Timings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class XmpRoundTripTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anyRecordSurvivesWriteThenRead(long seed) {
        Provenance p = SampleRecords.random(new Random(seed));
        assertThat(XmpReader.read(XmpWriter.packet(p), null)).contains(p);
    }

    @Test
    void typicalRecordSurvivesAndUsesTheStandardProperties() {
        Provenance p = SampleRecords.typical();
        String xmp = new String(XmpWriter.packet(p), StandardCharsets.UTF_8);
        assertThat(XmpReader.read(xmp.getBytes(StandardCharsets.UTF_8), null)).contains(p);
        assertThat(xmp)
                .contains("<Iptc4xmpExt:DigitalSourceType>" + Provenance.DIGITAL_SOURCE_TYPE
                        + "</Iptc4xmpExt:DigitalSourceType>")
                .contains("<xmp:CreatorTool>colorize 0.1.0-SNAPSHOT</xmp:CreatorTool>")
                .contains("<xmp:CreateDate>2026-11-22T10:15:30.123456Z</xmp:CreateDate>")
                .contains("<rdf:li xml:lang=\"x-default\">" + XmpSchema.CAVEAT + "</rdf:li>")
                .contains("<colorize:sourceSha256>" + p.sourceSha256() + "</colorize:sourceSha256>")
                .startsWith("<?xpacket begin=\"\uFEFF\"")
                .endsWith("<?xpacket end=\"w\"?>");
    }

    @Test
    void sameRecordGivesSameBytes() {
        assertThat(XmpWriter.packet(SampleRecords.typical())).isEqualTo(XmpWriter.packet(SampleRecords.typical()));
    }

    @Test
    void charactersXmlCannotCarryBecomeReplacementCharacters() {
        Provenance p = SampleRecords.typical().withSource("bad\u0000name\u001B\uD800.jpg", null);
        Provenance back = XmpReader.read(XmpWriter.packet(p), null).orElseThrow();
        assertThat(back.sourceName()).isEqualTo("bad\uFFFDname\uFFFD\uFFFD.jpg");
    }

    @Test
    void absentOptionalFieldsStayAbsent() {
        Provenance p = Provenance.builder()
                .software("colorize")
                .softwareVersion("1")
                .backend("deepai")
                .model("remote-model")
                .renderFactor(0)
                .chromaStrength(0.5)
                .device("remote")
                .timings(Timings.ZERO)
                .created(Instant.EPOCH)
                .build();
        String xmp = new String(XmpWriter.packet(p), StandardCharsets.UTF_8);
        assertThat(xmp)
                .doesNotContain("modelSha256")
                .doesNotContain("sourceName")
                .doesNotContain("sourceSha256");
        assertThat(XmpReader.read(XmpWriter.packet(p), null)).contains(p);
    }

    @Test
    void xmpWithoutAColorizeRecordIsEmpty() {
        String foreign = """
                <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
                <xmp:CreatorTool>Photoshop</xmp:CreatorTool></rdf:Description></rdf:RDF></x:xmpmeta>""";
        assertThat(XmpReader.read(foreign.getBytes(StandardCharsets.UTF_8), null))
                .isEmpty();
    }

    @Test
    void readsAttributeFormAndOneDescriptionPerNamespaceAsOtherToolsWriteIt() {
        Provenance p = SampleRecords.typical();
        String xmp = """
                <?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>
                <x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>
                 <rdf:Description rdf:about='' xmlns:Iptc4xmpExt='http://iptc.org/std/Iptc4xmpExt/2008-02-29/'>
                  <Iptc4xmpExt:DigitalSourceType>%s</Iptc4xmpExt:DigitalSourceType>
                 </rdf:Description>
                 <rdf:Description rdf:about='' xmlns:xmp='http://ns.adobe.com/xap/1.0/'
                   xmp:CreateDate='2026-11-22T11:15:30.123456+01:00'/>
                 <rdf:Description rdf:about='' xmlns:c='https://github.com/colorize/ns/1.0/'
                   c:software='colorize' c:softwareVersion='0.1.0-SNAPSHOT' c:backend='onnx'
                   c:renderFactor='35' c:chromaStrength='1.0' c:device='cpu'
                   c:timePreprocess='PT0.012S' c:timeInference='PT1.234567891S' c:timePostprocess='PT0.003S'>
                  <c:model>deoldify-artistic</c:model>
                  <c:modelSha256>%s</c:modelSha256>
                  <c:sourceName>grandma 1932.jpg</c:sourceName>
                  <c:sourceSha256 rdf:resource='%s'/>
                 </rdf:Description>
                </rdf:RDF></x:xmpmeta>
                <?xpacket end='w'?>""".formatted(Provenance.DIGITAL_SOURCE_TYPE, p.modelSha256(), p.sourceSha256());
        assertThat(XmpReader.read(xmp.getBytes(StandardCharsets.UTF_8), null)).contains(p);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "software",
                "softwareVersion",
                "backend",
                "model",
                "renderFactor",
                "chromaStrength",
                "device",
                "CreateDate",
                "DigitalSourceType"
            })
    void missingRequiredPropertyIsMalformedAndNamed(String property) {
        String xmp = new String(XmpWriter.packet(SampleRecords.typical()), StandardCharsets.UTF_8)
                .replaceAll("(?s)<(\\w+):" + property + ">.*?</\\1:" + property + ">", "");
        assertThatThrownBy(() -> XmpReader.read(xmp.getBytes(StandardCharsets.UTF_8), Path.of("x.png")))
                .isInstanceOf(MalformedProvenanceException.class)
                .hasMessageStartingWith("x.png: malformed provenance record: ")
                .hasMessageContaining(property + " is missing");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "renderFactor>35<|renderFactor>thirty-five<|not an integer",
                "renderFactor>35<|renderFactor>-1<|negative",
                "chromaStrength>1.0<|chromaStrength>NaN<|non-negative number",
                "chromaStrength>1.0<|chromaStrength>lots<|not a number",
                "timeInference>PT1.234567891S<|timeInference>1.2s<|ISO-8601 duration",
                "CreateDate>2026-11-22T10:15:30.123456Z<|CreateDate>2026-11-22T10:15:30<|time zone",
                "compositeWithTrainedAlgorithmicMedia<|digitalCapture<|expected"
            })
    void unparsableValueIsMalformedWithTheReason(String spec) {
        String[] s = spec.split("\\|");
        String xmp = new String(XmpWriter.packet(SampleRecords.typical()), StandardCharsets.UTF_8).replace(s[0], s[1]);
        assertThatThrownBy(() -> XmpReader.read(xmp.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(MalformedProvenanceException.class)
                .hasMessageContaining(s[2]);
    }

    @Test
    void notWellFormedXmlIsMalformed() {
        byte[] broken = new String(XmpWriter.packet(SampleRecords.typical()), StandardCharsets.UTF_8)
                .replace("</rdf:RDF>", "")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> XmpReader.read(broken, null))
                .isInstanceOf(MalformedProvenanceException.class)
                .hasMessageContaining("not well-formed");
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE x [ <!ENTITY leak SYSTEM "%s"> ]>
                <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:colorize="https://github.com/colorize/ns/1.0/">
                <colorize:model>&leak;</colorize:model></rdf:Description></rdf:RDF></x:xmpmeta>""".formatted(secret.toUri());
        assertThatThrownBy(() -> XmpReader.read(xxe.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(MalformedProvenanceException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void entityExpansionBombsAreRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE x [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 12; i++) {
            dtd.append("<!ENTITY a")
                    .append(i)
                    .append(" \"")
                    .append(("&a" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        String bomb = dtd + "<x>&a11;</x>";
        assertThatThrownBy(() -> XmpReader.read(bomb.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(MalformedProvenanceException.class)
                .hasMessageContaining("DOCTYPE");
    }
}
