package io.github.colorize.internal.provenance;

/**
 * The namespaces and property names of the provenance record, shared by {@link XmpWriter} and {@link
 * XmpReader} so that the two can never drift apart. Constants only.
 */
final class XmpSchema {

    static final String NS_X = "adobe:ns:meta/";
    static final String NS_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String NS_XMP = "http://ns.adobe.com/xap/1.0/";
    static final String NS_DC = "http://purl.org/dc/elements/1.1/";
    static final String NS_IPTC_EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
    static final String NS_XML = "http://www.w3.org/XML/1998/namespace";

    /** The project's own namespace for what no standard schema names. */
    static final String NS_COLORIZE = "https://github.com/colorize/ns/1.0/";

    static final String DIGITAL_SOURCE_TYPE = "DigitalSourceType";
    static final String CREATOR_TOOL = "CreatorTool";
    static final String CREATE_DATE = "CreateDate";
    static final String METADATA_DATE = "MetadataDate";
    static final String DESCRIPTION = "description";

    static final String SOFTWARE = "software";
    static final String SOFTWARE_VERSION = "softwareVersion";
    static final String BACKEND = "backend";
    static final String MODEL = "model";
    static final String MODEL_SHA256 = "modelSha256";
    static final String RENDER_FACTOR = "renderFactor";
    static final String CHROMA_STRENGTH = "chromaStrength";
    static final String DEVICE = "device";
    static final String TIME_PREPROCESS = "timePreprocess";
    static final String TIME_INFERENCE = "timeInference";
    static final String TIME_POSTPROCESS = "timePostprocess";
    static final String SOURCE_NAME = "sourceName";
    static final String SOURCE_SHA256 = "sourceSha256";
    /** How many colour hints a person gave; absent for automatic colours. */
    static final String HINT_COUNT = "hintCount";
    /** The SHA-256 of the hints sidecar file; absent without one. */
    static final String HINTS_SHA256 = "hintsSha256";

    /** The human-readable caveat every record carries in {@code dc:description}. */
    static final String CAVEAT =
            "Colourised by a machine-learning model; the colours are an estimate, not a historical record.";

    private XmpSchema() {}
}
