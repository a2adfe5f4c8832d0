package ru.spobridge.mappings.ktp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.spobridge.model.InvalidValueException;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.journal.PlanItem;
import ru.spobridge.model.journal.ThematicPlan;
import ru.spobridge.model.journal.WorkKind;

/**
 * Reads a calendar-thematic plan (КТП) file, CSV or Excel, into the plans it holds — one file may hold the plans of
 * several groups and disciplines (seed 002 §3.8). A bad row is refused alone with its line and column named; a lesson
 * number given twice for one group and discipline is refused at its second row; the other rows still go through.
 */
public final class KtpFile {

    public static final String EMPTY_FILE = "EMPTY_FILE";
    public static final String MISSING_COLUMN = "MISSING_COLUMN";
    public static final String UNREADABLE_FILE = "UNREADABLE_FILE";
    public static final String MALFORMED_ROW = "MALFORMED_ROW";
    public static final String DUPLICATE_LESSON_NO = "DUPLICATE_LESSON_NO";

    private KtpFile() {
    }

    /** What a file gave: its plans (valid rows only), the errors of the file or of its rows, and the data rows read. */
    public record Result(String format, List<ThematicPlan> plans, List<RecordError> errors, int rows) {

        public Result {
            plans = List.copyOf(plans);
            errors = List.copyOf(errors);
        }

        public int items() {
            return plans.stream().mapToInt(plan -> plan.items().size()).sum();
        }
    }

    /** A workbook when its name or its first bytes say so, CSV otherwise. */
    public static Result parse(String collegeId, String fileName, byte[] content) {
        String name = fileName == null ? "ktp" : fileName;
        if (content == null || content.length == 0) {
            return refused("csv", new RecordError(name, "-", EMPTY_FILE, "Файл пустой. Ожидается CSV или XLSX с заголовком "
                    + KtpColumn.expectedHeader()));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean workbookByName = lower.endsWith(".xlsx") || lower.endsWith(".xls");
        if (KtpXlsx.looksLikeWorkbook(content)) {
            try {
                return plans(collegeId, name, "xlsx", KtpXlsx.read(content));
            } catch (IOException | RuntimeException unreadable) {
                // POI says why in English and may quote cells: the operator gets our sentence only
                return refused("xlsx", new RecordError(name, "-", UNREADABLE_FILE, "Книга Excel не прочитана (повреждена или защищена "
                        + "паролем): сохраните её заново как .xlsx без пароля"));
            }
        }
        if (workbookByName) {
            return refused("xlsx", new RecordError(name, "-", UNREADABLE_FILE, "Файл назван «" + name + "», но это не книга Excel: "
                    + "сохраните план как .xlsx или как CSV с заголовком " + KtpColumn.expectedHeader()));
        }
        return plans(collegeId, name, "csv", KtpCsv.read(content));
    }

    static Result plans(String collegeId, String fileName, String format, KtpSheet sheet) {
        List<RecordError> errors = new ArrayList<>();
        if (sheet.header().stream().allMatch(cell -> cell == null || cell.isBlank())) {
            return refused(format, new RecordError(fileName, "-", EMPTY_FILE, "В файле нет ни заголовка, ни строк. Ожидается заголовок "
                    + KtpColumn.expectedHeader()));
        }
        Map<KtpColumn, Integer> columns = new EnumMap<>(KtpColumn.class);
        for (int i = 0; i < sheet.header().size(); i++) {
            for (KtpColumn column : KtpColumn.values()) {
                if (!columns.containsKey(column) && column.matches(sheet.header().get(i))) {
                    columns.put(column, i);
                }
            }
        }
        List<String> missing = java.util.Arrays.stream(KtpColumn.values()).filter(KtpColumn::required)
                .filter(column -> !columns.containsKey(column)).map(KtpColumn::title).toList();
        if (!missing.isEmpty()) {
            return refused(format, new RecordError(fileName, "header", MISSING_COLUMN, "В заголовке нет столбцов: "
                    + String.join(", ", missing) + ". Ожидается заголовок " + KtpColumn.expectedHeader()));
        }
        Map<String, Draft> drafts = new LinkedHashMap<>();
        int rows = 0;
        for (KtpSheet.Row row : sheet.rows()) {
            if (row.blank()) {
                continue;
            }
            rows++;
            read(collegeId, fileName, row, columns, drafts, errors);
        }
        if (sheet.unreadFrom() != null) {
            errors.add(new RecordError(fileName + ":" + sheet.unreadFrom(), "-", MALFORMED_ROW, "Со строки " + sheet.unreadFrom()
                    + " файл не прочитан: непарные кавычки. Строки до неё прочитаны; исправьте кавычки и загрузите файл снова"));
        }
        List<ThematicPlan> plans = drafts.values().stream()
                .map(draft -> new ThematicPlan(collegeId, draft.group, draft.discipline, draft.items)).toList();
        return new Result(format, plans, errors, rows);
    }

    /** The valid rows of one group and discipline so far, and the line each lesson number came from. */
    private static final class Draft {
        final String group;
        final String discipline;
        final List<PlanItem> items = new ArrayList<>();
        final Map<Integer, Long> lineOfLesson = new LinkedHashMap<>();

        Draft(String group, String discipline) {
            this.group = group;
            this.discipline = discipline;
        }
    }

    private static void read(String collegeId, String fileName, KtpSheet.Row row, Map<KtpColumn, Integer> columns, Map<String, Draft> drafts,
                             List<RecordError> errors) {
        String key = fileName + ":" + row.line();
        int before = errors.size();
        String group = required(row, columns, KtpColumn.GROUP, key, errors);
        String discipline = required(row, columns, KtpColumn.DISCIPLINE, key, errors);
        String topic = required(row, columns, KtpColumn.TOPIC, key, errors);
        Integer lessonNo = number(row, columns, KtpColumn.LESSON_NO, true, key, errors);
        Integer hours = number(row, columns, KtpColumn.HOURS, true, key, errors);
        Integer workNo = number(row, columns, KtpColumn.WORK_NO, false, key, errors);
        WorkKind kind = null;
        String kindText = required(row, columns, KtpColumn.WORK_KIND, key, errors);
        if (kindText != null) {
            try {
                kind = WorkKind.fromText(kindText);
            } catch (InvalidValueException unknown) {
                errors.add(new RecordError(key, KtpColumn.WORK_KIND.title(), unknown.code(), "Строка " + row.line() + ", «"
                        + KtpColumn.WORK_KIND.title() + "»: " + unknown.getMessage()));
            }
        }
        if (errors.size() > before) {
            return;
        }
        PlanItem item;
        try {
            item = new PlanItem(lessonNo, topic, hours, kind, workNo);
        } catch (InvalidValueException invalid) {
            KtpColumn column = switch (invalid.field()) {
                case "lessonNo" -> KtpColumn.LESSON_NO;
                case "hours" -> KtpColumn.HOURS;
                case "workKind" -> KtpColumn.WORK_KIND;
                case "workNo" -> KtpColumn.WORK_NO;
                default -> KtpColumn.TOPIC;
            };
            errors.add(new RecordError(key, column.title(), invalid.code(), "Строка " + row.line() + ", «" + column.title() + "»: "
                    + invalid.getMessage()));
            return;
        }
        Draft draft = drafts.computeIfAbsent(ThematicPlan.key(group, discipline), k -> new Draft(group, discipline));
        Long first = draft.lineOfLesson.putIfAbsent(lessonNo, row.line());
        if (first != null) {
            errors.add(new RecordError(key, KtpColumn.LESSON_NO.title(), DUPLICATE_LESSON_NO, "Строка " + row.line() + ": занятие № "
                    + lessonNo + " группы " + group + " по дисциплине «" + discipline + "» уже есть в строке " + first
                    + "; строка не принята"));
            return;
        }
        draft.items.add(item);
    }

    private static String required(KtpSheet.Row row, Map<KtpColumn, Integer> columns, KtpColumn column, String key, List<RecordError> errors) {
        String value = row.cell(columns.getOrDefault(column, -1));
        if (value == null) {
            errors.add(new RecordError(key, column.title(), "REQUIRED", "Строка " + row.line() + ": не заполнен столбец «" + column.title() + "»"));
        }
        return value;
    }

    /** A whole number as teachers type it: «3», «3.0», «3,0», «№ 3», «3.». */
    private static Integer number(KtpSheet.Row row, Map<KtpColumn, Integer> columns, KtpColumn column, boolean required, String key,
                                  List<RecordError> errors) {
        String value = row.cell(columns.getOrDefault(column, -1));
        if (value == null) {
            if (required) {
                errors.add(new RecordError(key, column.title(), "REQUIRED", "Строка " + row.line() + ": не заполнен столбец «" + column.title() + "»"));
            }
            return null;
        }
        String digits = value.replaceFirst("^№\\s*", "").replaceFirst("[.,]0*$", "").strip();
        if (!digits.matches("\\d{1,6}")) {
            errors.add(new RecordError(key, column.title(), "NOT_A_NUMBER", "Строка " + row.line() + ", «" + column.title()
                    + "»: ожидается целое число"));
            return null;
        }
        return Integer.parseInt(digits);
    }

    private static Result refused(String format, RecordError error) {
        return new Result(format, List.of(), List.of(error), 0);
    }
}
