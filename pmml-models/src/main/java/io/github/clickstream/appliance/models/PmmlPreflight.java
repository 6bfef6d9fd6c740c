package io.github.clickstream.appliance.models;

import io.github.clickstream.appliance.models.ModelRejectedException.Reason;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a PMML document once as a plain XML stream, before any JAXB parsing, and refuses what a
 * model never needs: a DOCTYPE (the door to XXE, external DTDs and entity expansion bombs), more
 * bytes or deeper nesting than {@link ModelLimits} allow, and malformed XML.
 */
final class PmmlPreflight {

    private static final XMLInputFactory FACTORY = secureFactory();

    private PmmlPreflight() {}

    static void check(byte[] document, ModelLimits limits) throws ModelRejectedException {
        if (document.length > limits.maxBytes()) {
            throw new ModelRejectedException(
                    Reason.TOO_LARGE,
                    "document has "
                            + document.length
                            + " bytes, the limit is "
                            + limits.maxBytes());
        }
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(document));
            int depth = 0;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD ->
                            throw new ModelRejectedException(
                                    Reason.DOCTYPE_FORBIDDEN,
                                    "document declares a DOCTYPE; PMML needs none, and it could"
                                            + " read local files or expand entities");
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                            throw new ModelRejectedException(
                                    Reason.DOCTYPE_FORBIDDEN,
                                    "document references entity '" + reader.getLocalName() + "'");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++depth > limits.maxDepth()) {
                            throw new ModelRejectedException(
                                    Reason.TOO_DEEP,
                                    "elements nest deeper than " + limits.maxDepth() + " levels");
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    default -> {}
                }
            }
        } catch (XMLStreamException e) {
            throw new ModelRejectedException(
                    Reason.MALFORMED_XML, "not well-formed XML: " + firstLine(e.getMessage()));
        } finally {
            close(reader);
        }
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // DTD events are still reported (and refused above), but nothing is fetched or expanded.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing to release beyond the in-memory stream
            }
        }
    }
}
