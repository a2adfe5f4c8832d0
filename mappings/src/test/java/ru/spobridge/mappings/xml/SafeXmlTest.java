package ru.spobridge.mappings.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SafeXmlTest {

    @TempDir
    static Path dir;

    /** Reads the whole document and returns its text; an entity reference comes back as its name, not its value. */
    private static String readAll(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.CHARACTERS) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                text.append('&').append(reader.getLocalName()).append(';');
            }
        }
        return text.toString();
    }

    static Stream<Arguments> hostileDocuments() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY leak \"FROM-DTD\">");
        StringBuilder laughs = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return Stream.of(
                Arguments.of("internal entity", "<!DOCTYPE a [<!ENTITY greet \"EXPANDED\">]><a>&greet;</a>", "EXPANDED"),
                Arguments.of("external entity", "<!DOCTYPE a [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]><a>&xxe;</a>", "TOP-SECRET"),
                Arguments.of("external DTD", "<!DOCTYPE a SYSTEM \"" + dtd.toUri() + "\"><a>&leak;</a>", "FROM-DTD"),
                Arguments.of("billion laughs", "<!DOCTYPE a [" + laughs + "]><a>&lol9;</a>", "lollol"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDocuments")
    void a_document_with_a_dtd_is_refused_before_its_first_element(String title, String xml, String leak) {
        assertThatThrownBy(() -> readAll(SafeXml.streamReader(new StringReader("<?xml version=\"1.0\"?>" + xml))))
                .isInstanceOf(SafeXml.DtdRefused.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDocuments")
    void the_factory_alone_never_expands_or_resolves_an_entity(String title, String xml, String leak) throws Exception {
        String text = readAll(SafeXml.inputFactory().createXMLStreamReader(new StringReader("<?xml version=\"1.0\"?>" + xml)));

        assertThat(text).doesNotContain(leak).startsWith("&");
    }

    @Test
    void a_plain_document_with_predefined_entities_and_a_bom_is_read() throws Exception {
        assertThat(readAll(SafeXml.streamReader(new StringReader("\uFEFF<a>x &amp; y &lt;z&gt;</a>")))).isEqualTo("x & y <z>");
    }

    @Test
    void a_broken_document_fails_with_its_location() {
        assertThatThrownBy(() -> readAll(SafeXml.streamReader(new StringReader("<a>\n<b></a>"))))
                .isInstanceOf(XMLStreamException.class)
                .satisfies(e -> assertThat(((XMLStreamException) e).getLocation().getLineNumber()).isEqualTo(2));
    }
}
