package ru.spobridge.mappings.csv;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ru.spobridge.model.RecordError;

/**
 * Which of the layouts an intake expects a file's header is — or why the whole file is refused, said so that an
 * operator can fix it: an empty file; a known layout without some of its columns (named); or a header the intake does
 * not know, with the columns found and expected and the closest known layout (and the section that takes it).
 * A refusal is filed against the file name itself.
 */
public final class CsvLayouts {

    public static final String EMPTY_FILE = "EMPTY_FILE";
    public static final String UNKNOWN_FILE = "UNKNOWN_FILE";
    public static final String MISSING_COLUMN = "MISSING_COLUMN";

    /** A column name shown as found; anything else (a surname, a phone of a file without a header) is masked. */
    private static final Pattern COLUMN_NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final int FOUND_SHOWN = 20;
    private static final int FIELD_WIDTH = 64;

    private CsvLayouts() {
    }

    /** The layout the header is, or the refusal of the file; exactly one of the two is set. */
    public record Check(CsvLayout layout, RecordError refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    /** Is this error a refusal of a whole file by {@link #check} (as opposed to one row's). */
    public static boolean refusesFile(RecordError error) {
        return List.of(EMPTY_FILE, UNKNOWN_FILE, MISSING_COLUMN).contains(error.code()) && !error.recordKey().matches(".*:\\d+");
    }

    public static Check check(String fileName, CsvTable table, List<CsvLayout> expected) {
        List<String> found = table.header().columns();
        if (found.stream().allMatch(String::isEmpty)) {
            return refused(new RecordError(fileName, "-", EMPTY_FILE, "Файл пустой: в нём нет ни заголовка, ни строк. Ожидается CSV (через «;») "
                    + "с заголовком: " + expectedText(expected)));
        }
        if (found.stream().anyMatch(CsvLayouts::binary)) {
            return refused(new RecordError(fileName, "header", UNKNOWN_FILE, "Файл не узнан: это не текстовый CSV (в первой строке "
                    + "двоичные данные). Ожидается CSV (через «;») с заголовком: " + expectedText(expected)));
        }
        for (CsvLayout layout : expected) {
            if (table.header().has(layout.key())) {
                List<String> missing = table.missing(layout.columns());
                if (missing.isEmpty()) {
                    return new Check(layout, null);
                }
                return refused(new RecordError(fileName, fieldOf(missing), MISSING_COLUMN, "Файл «" + layout.name()
                        + "» без обязательных столбцов: " + String.join(", ", missing) + ". Найдены столбцы: " + foundText(found)
                        + ". Ожидаются: " + String.join("; ", layout.columns())));
            }
        }
        return refused(new RecordError(fileName, "header", UNKNOWN_FILE, "Файл не узнан: найдены столбцы " + foundText(found)
                + ". Ожидается " + expectedText(expected) + ". " + closestText(found, expected)));
    }

    /** The known layout sharing the most columns with the found ones (an expected one on a tie), or null when none shares any. */
    public static CsvLayout closest(List<String> found, List<CsvLayout> expected) {
        return CsvLayout.ALL.stream()
                .filter(layout -> overlap(layout, found) > 0)
                .max(Comparator.<CsvLayout>comparingInt(layout -> overlap(layout, found))
                        .thenComparing(expected::contains)
                        .thenComparing(layout -> -CsvLayout.ALL.indexOf(layout)))
                .orElse(null);
    }

    private static String closestText(List<String> found, List<CsvLayout> expected) {
        CsvLayout closest = closest(found, expected);
        if (closest == null) {
            boolean sameWidth = CsvLayout.ALL.stream().anyMatch(layout -> layout.columns().size() == found.size());
            return "Ни с одним известным видом файлов столбцы не совпадают" + (sameWidth
                    ? "; если первая строка — уже данные, добавьте над ней строку заголовка" : "");
        }
        List<String> shared = closest.columns().stream().filter(found::contains).toList();
        List<String> lacking = closest.columns().stream().filter(column -> !found.contains(column)).toList();
        return "Ближе всего — " + "«" + closest.name() + "»: совпадают " + String.join(", ", shared)
                + (lacking.isEmpty() ? "" : "; не хватает " + String.join(", ", lacking))
                + (expected.contains(closest) ? "" : ". Такой файл загружают в раздел «" + closest.section() + "»");
    }

    /** The missing columns as the refusal's field, which the store keeps to 64 characters: whole names, then «…». */
    static String fieldOf(List<String> missing) {
        String all = String.join(", ", missing);
        if (all.length() <= FIELD_WIDTH) {
            return all;
        }
        StringBuilder field = new StringBuilder();
        for (String column : missing) {
            if (field.length() + column.length() + 2 + 1 > FIELD_WIDTH) {
                break;
            }
            field.append(column).append(", ");
        }
        return field.append('…').toString();
    }

    private static int overlap(CsvLayout layout, List<String> found) {
        return (int) layout.columns().stream().filter(found::contains).count();
    }

    private static String expectedText(List<CsvLayout> expected) {
        return expected.stream().map(CsvLayout::described).collect(Collectors.joining(" или "));
    }

    /** The found columns as an operator may see them: names kept, anything that may be a person's data masked. */
    private static String foundText(List<String> found) {
        String shown = found.stream().limit(FOUND_SHOWN).map(column -> column.isEmpty() ? "(пусто)"
                : COLUMN_NAME.matcher(column).matches() ? column : column.charAt(0) + "…").collect(Collectors.joining("; "));
        return found.size() > FOUND_SHOWN ? shown + " и ещё " + (found.size() - FOUND_SHOWN) : shown;
    }

    private static boolean binary(String column) {
        return column.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0xFFFD);
    }

    private static Check refused(RecordError refusal) {
        return new Check(null, refusal);
    }
}
