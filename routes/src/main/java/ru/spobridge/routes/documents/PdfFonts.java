package ru.spobridge.routes.documents;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;

/**
 * The Cyrillic fonts every PDF the hub writes embeds (DejaVu, bundled under {@code fonts/}; the PDF standard fonts
 * have no Cyrillic). Read once per process and shared: a font's glyph subset is kept per document by the writer, not
 * in the font.
 */
public final class PdfFonts {

    private PdfFonts() {
    }

    public static BaseFont regular() {
        return Loaded.REGULAR;
    }

    public static BaseFont bold() {
        return Loaded.BOLD;
    }

    /** Loaded on first use, so a hub that never writes a PDF never reads the fonts. */
    private static final class Loaded {
        static final BaseFont REGULAR = load("fonts/DejaVuSans.ttf");
        static final BaseFont BOLD = load("fonts/DejaVuSans-Bold.ttf");
    }

    private static BaseFont load(String resource) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Шрифт " + resource + " не найден среди ресурсов узла");
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("Шрифт " + resource + " не прочитан: " + e.getMessage(), e);
        }
    }
}
