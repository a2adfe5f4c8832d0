package ru.spobridge.mappings.xml;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The one way the mappings read XML from outside: the JDK's own StAX parser with no DTD (a declaration is refused),
 * no external entities, no entity expansion and the JDK's secure-processing limits pinned, so a file from a college cannot reach the
 * network, the disk or the heap through its markup.
 */
public final class SafeXml {

    /** Entities a document may expand in all; with DTDs off only the five predefined ones exist. */
    private static final String ENTITY_EXPANSION_LIMIT = "64";

    private SafeXml() {
    }

    /** A new factory each time: a configured StAX factory is not promised to be thread-safe. */
    public static XMLInputFactory inputFactory() {
        // the JDK implementation, not whatever StAX provider the classpath brings: the limits below are its properties
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // StAX has no FEATURE_SECURE_PROCESSING switch; the JDK applies it by default and we pin its limits here
        factory.setProperty("jdk.xml.entityExpansionLimit", ENTITY_EXPANSION_LIMIT);
        factory.setProperty("jdk.xml.totalEntitySizeLimit", "100000");
        factory.setProperty("jdk.xml.maxGeneralEntitySizeLimit", "10000");
        return factory;
    }

    /** A document that declares a DTD, refused as soon as the declaration is met, whatever it holds. */
    public static final class DtdRefused extends XMLStreamException {

        DtdRefused(Location location) {
            super("DTD not allowed", location);
        }
    }

    /**
     * A stream reader over characters the caller decoded; a leading byte-order mark is skipped and a DTD is refused
     * with {@link DtdRefused}, so no parser has to remember to check for one.
     */
    public static XMLStreamReader streamReader(Reader xml) throws XMLStreamException, IOException {
        return new StreamReaderDelegate(inputFactory().createXMLStreamReader(withoutBom(xml))) {
            @Override
            public int next() throws XMLStreamException {
                int event = super.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new DtdRefused(getLocation());
                }
                return event;
            }

            @Override
            public int nextTag() throws XMLStreamException {
                int event = next();
                while (event == XMLStreamConstants.COMMENT || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                        || event == XMLStreamConstants.SPACE || (event == XMLStreamConstants.CHARACTERS && isWhiteSpace())) {
                    event = next();
                }
                if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                    throw new XMLStreamException("expected an element", getLocation());
                }
                return event;
            }
        };
    }

    private static Reader withoutBom(Reader xml) throws IOException {
        PushbackReader reader = new PushbackReader(xml, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }
}
