package ru.spobridge.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

    private static final String TEXT = "Приказ о приёме; Ёлкина Анна";

    @Test
    void utf8_with_and_without_a_byte_order_mark_is_read_as_utf8() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(body, 0, withBom, bom.length, body.length);

        assertThat(TextDecoding.decode(body).text()).isEqualTo(TEXT);
        assertThat(TextDecoding.decode(withBom).text()).isEqualTo(TEXT);
    }

    @Test
    void windows_1251_is_recognised_when_the_bytes_are_not_utf8() {
        TextDecoding.Decoded decoded = TextDecoding.decode(TEXT.getBytes(TextDecoding.WINDOWS_1251));

        assertThat(decoded.charset()).isEqualTo(TextDecoding.WINDOWS_1251);
        assertThat(decoded.text()).isEqualTo(TEXT);
    }
}
