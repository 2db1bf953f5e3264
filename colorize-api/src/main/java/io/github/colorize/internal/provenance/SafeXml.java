package io.github.colorize.internal.provenance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML (XMP packets from files of unknown origin) with the JDK's own parser, hardened
 * against XXE and entity expansion: DOCTYPE declarations are rejected outright, so no external entity,
 * external DTD or "billion laughs" can ever be processed. Stateless, thread-safe (a fresh builder per
 * call, since builders are not thread-safe).
 */
final class SafeXml {

    private static final ErrorHandler FAIL_QUIETLY = new ErrorHandler() {
        // The default handler prints to stderr; a hostile file must not be able to write to our console.
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SafeXml() {}

    /**
     * Parses namespace-aware.
     *
     * @param bytes the document; encoding from its declaration, else UTF-8
     * @return the DOM
     * @throws SAXException if it is not well-formed or declares a DTD
     */
    static Document parse(byte[] bytes) throws SAXException {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(FAIL_QUIETLY);
            builder.setEntityResolver((publicId, systemId) -> {
                // Unreachable while DOCTYPEs are refused; a second lock in case a feature is ignored.
                throw new SAXException("external entities are not allowed: " + systemId);
            });
            return builder.parse(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser refused a hardening feature", e);
        } catch (IOException e) {
            // Reading a byte array cannot fail, and no external resource is ever opened.
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        // newDefaultInstance: always the JDK's parser, never whatever happens to be on the class path.
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }
}
