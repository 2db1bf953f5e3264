package io.github.colorize.internal.provenance;

import static io.github.colorize.internal.provenance.XmpSchema.*;

import io.github.colorize.MalformedProvenanceException;
import io.github.colorize.Provenance;
import io.github.colorize.Timings;
import io.github.colorize.internal.text.SafeText;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Turns an XMP packet back into a {@link Provenance}. Stateless, thread-safe.
 *
 * <p>It accepts the layouts other tools produce when they rewrite XMP: properties as elements or as
 * attributes, spread over several {@code rdf:Description} blocks (exiftool writes one per namespace).
 *
 * <p>Policy: a packet without any {@code colorize:} property is not a colorize record, and gives an
 * empty result. A packet that has one but cannot be read as a whole record throws {@link
 * MalformedProvenanceException} with the reason, because a half-readable claim of provenance is
 * worse than none.
 */
public final class XmpReader {

    private XmpReader() {}

    /**
     * Reads a record.
     *
     * @param packet the XMP packet bytes
     * @param file the file it came from, for messages, or null
     * @return the record, or empty when the packet holds no colorize record
     * @throws MalformedProvenanceException if the packet claims a record but is not a valid one
     */
    public static Optional<Provenance> read(byte[] packet, Path file) {
        Document doc;
        try {
            doc = SafeXml.parse(packet);
        } catch (SAXException e) {
            throw new MalformedProvenanceException(file, "XMP is not well-formed XML: " + e.getMessage(), e);
        }
        Map<String, String> props = properties(doc);
        if (props.keySet().stream().noneMatch(k -> k.startsWith(NS_COLORIZE + "\0"))) {
            return Optional.empty();
        }
        return Optional.of(new Fields(props, file).toProvenance());
    }

    /** All top-level simple properties, keyed {@code namespace + NUL + localName}; first one wins. */
    private static Map<String, String> properties(Document doc) {
        Map<String, String> props = new HashMap<>();
        NodeList descriptions = doc.getElementsByTagNameNS(NS_RDF, "Description");
        for (int d = 0; d < descriptions.getLength(); d++) {
            Element desc = (Element) descriptions.item(d);
            NamedNodeMap attrs = desc.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                String ns = a.getNamespaceURI();
                if (ns != null && !ns.equals(NS_RDF) && !ns.equals(XMLNS) && !ns.equals(NS_XML)) {
                    props.putIfAbsent(ns + "\0" + a.getLocalName(), a.getValue());
                }
            }
            for (Node n = desc.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getNamespaceURI() != null) {
                    props.putIfAbsent(e.getNamespaceURI() + "\0" + e.getLocalName(), value(e));
                }
            }
        }
        return props;
    }

    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    /** A simple value, or the x-default (else first) item of an rdf:Alt, rdf:Seq or rdf:Bag. */
    private static String value(Element property) {
        String resource = property.getAttributeNS(NS_RDF, "resource");
        if (!resource.isEmpty()) {
            return resource;
        }
        for (Node n = property.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element container && NS_RDF.equals(container.getNamespaceURI())) {
                NodeList items = container.getElementsByTagNameNS(NS_RDF, "li");
                String first = null;
                for (int i = 0; i < items.getLength(); i++) {
                    Element li = (Element) items.item(i);
                    if ("x-default".equals(li.getAttributeNS(NS_XML, "lang"))) {
                        return li.getTextContent();
                    }
                    first = first == null ? li.getTextContent() : first;
                }
                return first == null ? "" : first;
            }
        }
        return property.getTextContent();
    }

    /** Typed access to the property map, failing with a reason that names the property. */
    private record Fields(Map<String, String> props, Path file) {

        Provenance toProvenance() {
            String dst = required(NS_IPTC_EXT, "Iptc4xmpExt:", DIGITAL_SOURCE_TYPE);
            if (!dst.equals(Provenance.DIGITAL_SOURCE_TYPE)) {
                throw bad("Iptc4xmpExt:DigitalSourceType is '" + shown(dst) + "', expected '"
                        + Provenance.DIGITAL_SOURCE_TYPE + "'");
            }
            Timings timings =
                    new Timings(duration(TIME_PREPROCESS), duration(TIME_INFERENCE), duration(TIME_POSTPROCESS));
            return Provenance.builder()
                    .software(colorize(SOFTWARE))
                    .softwareVersion(colorize(SOFTWARE_VERSION))
                    .backend(colorize(BACKEND))
                    .model(colorize(MODEL))
                    .modelSha256(optional(MODEL_SHA256))
                    .renderFactor(renderFactor())
                    .chromaStrength(chromaStrength())
                    .device(colorize(DEVICE))
                    .timings(timings)
                    .created(created())
                    .sourceName(optional(SOURCE_NAME))
                    .sourceSha256(optional(SOURCE_SHA256))
                    .hintCount(hintCount())
                    .hintsSha256(optional(HINTS_SHA256))
                    .build();
        }

        private String colorize(String name) {
            return required(NS_COLORIZE, "colorize:", name);
        }

        private String optional(String name) {
            return props.get(NS_COLORIZE + "\0" + name);
        }

        private String required(String ns, String prefix, String name) {
            String v = props.get(ns + "\0" + name);
            if (v == null) {
                throw bad(prefix + name + " is missing");
            }
            return v;
        }

        private int renderFactor() {
            String v = colorize(RENDER_FACTOR).trim();
            try {
                int f = Integer.parseInt(v);
                if (f < 0) {
                    throw bad("colorize:" + RENDER_FACTOR + " is negative: " + f);
                }
                return f;
            } catch (NumberFormatException e) {
                throw bad("colorize:" + RENDER_FACTOR + " is not an integer: '" + shown(v) + "'");
            }
        }

        /** Absent (automatic colours) reads as 0. */
        private int hintCount() {
            String v = optional(HINT_COUNT);
            if (v == null) {
                return 0;
            }
            try {
                int n = Integer.parseInt(v.trim());
                if (n < 0) {
                    throw bad("colorize:" + HINT_COUNT + " is negative: " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw bad("colorize:" + HINT_COUNT + " is not an integer: '" + shown(v) + "'");
            }
        }

        private double chromaStrength() {
            String v = colorize(CHROMA_STRENGTH).trim();
            try {
                double s = Double.parseDouble(v);
                if (!Double.isFinite(s) || s < 0) {
                    throw bad("colorize:" + CHROMA_STRENGTH + " is not a non-negative number: '" + shown(v) + "'");
                }
                return s;
            } catch (NumberFormatException e) {
                throw bad("colorize:" + CHROMA_STRENGTH + " is not a number: '" + shown(v) + "'");
            }
        }

        private Duration duration(String name) {
            String v = optional(name);
            if (v == null) {
                return Duration.ZERO; // timings are informative, not part of the claim
            }
            try {
                return Duration.parse(v.trim());
            } catch (DateTimeParseException e) {
                throw bad("colorize:" + name + " is not an ISO-8601 duration: '" + shown(v) + "'");
            }
        }

        private Instant created() {
            String v = required(NS_XMP, "xmp:", CREATE_DATE).trim();
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(v).toInstant();
                } catch (DateTimeParseException e2) {
                    throw bad("xmp:" + CREATE_DATE + " is not a date with a time zone: '" + shown(v) + "'");
                }
            }
        }

        /** Values come from untrusted files: keep messages short whatever a file holds. */
        private static String shown(String v) {
            return SafeText.excerpt(v, 77);
        }

        private MalformedProvenanceException bad(String reason) {
            return new MalformedProvenanceException(file, reason, null);
        }
    }
}
