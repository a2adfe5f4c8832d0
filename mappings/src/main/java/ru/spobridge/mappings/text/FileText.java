package ru.spobridge.mappings.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A dropped file's characters and the charset they were read in: UTF-8 (with or without a byte-order mark) when the
 * bytes are valid UTF-8, otherwise windows-1251 — what 1С and Excel write on Russian Windows. The mark is not kept.
 */
public record FileText(String text, Charset charset) {

    public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    public static FileText decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
            return new FileText(text, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            return new FileText(new String(bytes, WINDOWS_1251), WINDOWS_1251);
        }
    }
}
