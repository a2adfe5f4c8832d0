package ru.spobridge.connectors.files;

import java.nio.charset.Charset;
import ru.spobridge.mappings.text.FileText;

/**
 * Decodes a dropped file: UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8, otherwise
 * windows-1251 — what 1С and Excel write on Russian Windows. The detection itself is {@link FileText}'s, which the
 * CSV reader in mappings shares.
 */
public final class TextDecoding {

    public static final Charset WINDOWS_1251 = FileText.WINDOWS_1251;

    private TextDecoding() {
    }

    public record Decoded(String text, Charset charset) {
    }

    public static Decoded decode(byte[] bytes) {
        FileText decoded = FileText.decode(bytes);
        return new Decoded(decoded.text(), decoded.charset());
    }
}
