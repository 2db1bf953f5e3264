package io.github.colorize.internal.provenance;

import static io.github.colorize.internal.provenance.XmpSchema.*;

import io.github.colorize.Provenance;
import java.nio.charset.StandardCharsets;

/**
 * Serialises a {@link Provenance} as a self-contained XMP packet (UTF-8). Stateless, thread-safe.
 *
 * <p>Standard properties carry what standard schemas can say (IPTC digital source type, creator tool,
 * dates, a caveat in {@code dc:description}); everything else lives in the {@code colorize:}
 * namespace. Every value is written in a form that {@link XmpReader} turns back into an equal record:
 * instants and durations in ISO-8601 with full precision, doubles in {@link Double#toString}. The
 * output depends only on the record, so the same record always gives the same bytes.
 */
public final class XmpWriter {

    private XmpWriter() {}

    /**
     * The XMP packet for a record.
     *
     * @param p the record
     * @return the packet, UTF-8, with {@code <?xpacket?>} wrapper
     */
    public static byte[] packet(Provenance p) {
        StringBuilder x = new StringBuilder(2048);
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        x.append("<x:xmpmeta xmlns:x=\"").append(NS_X).append("\" x:xmptk=\"");
        appendEscaped(x, p.software() + " " + p.softwareVersion());
        x.append("\">\n");
        x.append(" <rdf:RDF xmlns:rdf=\"").append(NS_RDF).append("\">\n");
        x.append("  <rdf:Description rdf:about=\"\"\n");
        x.append("    xmlns:Iptc4xmpExt=\"").append(NS_IPTC_EXT).append("\"\n");
        x.append("    xmlns:xmp=\"").append(NS_XMP).append("\"\n");
        x.append("    xmlns:dc=\"").append(NS_DC).append("\"\n");
        x.append("    xmlns:colorize=\"").append(NS_COLORIZE).append("\">\n");
        simple(x, "Iptc4xmpExt", DIGITAL_SOURCE_TYPE, Provenance.DIGITAL_SOURCE_TYPE);
        simple(x, "xmp", CREATOR_TOOL, p.software() + " " + p.softwareVersion());
        simple(x, "xmp", CREATE_DATE, p.created().toString());
        // The record is authored when the colours are made; using that instant (not "now") keeps the
        // packet a pure function of the record.
        simple(x, "xmp", METADATA_DATE, p.created().toString());
        x.append("   <dc:description>\n    <rdf:Alt>\n     <rdf:li xml:lang=\"x-default\">");
        appendEscaped(x, CAVEAT);
        x.append("</rdf:li>\n    </rdf:Alt>\n   </dc:description>\n");
        simple(x, "colorize", SOFTWARE, p.software());
        simple(x, "colorize", SOFTWARE_VERSION, p.softwareVersion());
        simple(x, "colorize", BACKEND, p.backend());
        simple(x, "colorize", MODEL, p.model());
        optional(x, MODEL_SHA256, p.modelSha256());
        simple(x, "colorize", RENDER_FACTOR, Integer.toString(p.renderFactor()));
        simple(x, "colorize", CHROMA_STRENGTH, Double.toString(p.chromaStrength()));
        simple(x, "colorize", DEVICE, p.device());
        simple(x, "colorize", TIME_PREPROCESS, p.timings().preprocess().toString());
        simple(x, "colorize", TIME_INFERENCE, p.timings().inference().toString());
        simple(x, "colorize", TIME_POSTPROCESS, p.timings().postprocess().toString());
        optional(x, SOURCE_NAME, p.sourceName());
        optional(x, SOURCE_SHA256, p.sourceSha256());
        if (p.guidedByPerson()) {
            simple(x, "colorize", HINT_COUNT, Integer.toString(p.hintCount()));
            optional(x, HINTS_SHA256, p.hintsSha256());
        }
        x.append("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n");
        x.append("<?xpacket end=\"w\"?>");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void optional(StringBuilder x, String name, String value) {
        if (value != null) {
            simple(x, "colorize", name, value);
        }
    }

    private static void simple(StringBuilder x, String prefix, String name, String value) {
        x.append("   <").append(prefix).append(':').append(name).append('>');
        appendEscaped(x, value);
        x.append("</").append(prefix).append(':').append(name).append(">\n");
    }

    /**
     * Escapes text for element content and double-quoted attributes. Characters XML 1.0 cannot carry
     * at all (most C0 controls, unpaired surrogates, U+FFFE/U+FFFF) become U+FFFD, so a hostile file
     * name can make the record lossy but never malformed.
     */
    static void appendEscaped(StringBuilder x, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> x.append("&amp;");
                case '<' -> x.append("&lt;");
                case '>' -> x.append("&gt;");
                case '"' -> x.append("&quot;");
                case '\r' -> x.append("&#13;"); // parsers would otherwise normalise it away
                case '\t', '\n' -> x.append(c);
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        x.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        x.append('\uFFFD');
                    } else {
                        x.append(c);
                    }
                }
            }
        }
    }
}
