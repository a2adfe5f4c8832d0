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

    @Test
    void a_file_holding_only_a_byte_order_mark_is_empty_utf8_text() {
        TextDecoding.Decoded decoded = TextDecoding.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});

        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).isEmpty();
    }

    @Test
    void one_windows_1251_line_after_utf8_lines_makes_the_whole_file_windows_1251() {
        byte[] utf8 = "Группа ИС-21\n".getBytes(StandardCharsets.UTF_8);
        byte[] cp1251 = "Ёлкина".getBytes(TextDecoding.WINDOWS_1251);
        byte[] mixed = new byte[utf8.length + cp1251.length];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        System.arraycopy(cp1251, 0, mixed, utf8.length, cp1251.length);

        assertThat(TextDecoding.decode(mixed).charset()).isEqualTo(TextDecoding.WINDOWS_1251);
    }
}
