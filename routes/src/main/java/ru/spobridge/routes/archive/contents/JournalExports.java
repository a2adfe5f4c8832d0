package ru.spobridge.routes.archive.contents;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.model.marks.Attendance;
import ru.spobridge.model.marks.Mark;
import ru.spobridge.model.marks.WorkType;
import ru.spobridge.model.schedule.Lesson;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.archive.ArchiveRequest;

/**
 * The journal of a request in open formats, each written as its rows come, page by page: JSON Lines (one canonical
 * record a line, what the hub or the platform holds) and CSV for people (UTF-8 with a BOM and «;», so that Excel
 * opens it as is; Russian headers, students named, disciplines with their names).
 */
public final class JournalExports {

    /** The CSV form Excel in a Russian locale opens without a question. */
    static final CSVFormat EXCEL = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get();

    static final List<String> MARK_COLUMNS = List.of("Дата", "Группа", "Код дисциплины", "Дисциплина", "Код обучающегося",
            "ФИО обучающегося", "Отметка", "Вид работы", "Преподаватель", "Занятие", "Удалена", "Версия", "Выставлена", "Получена", "Код записи");
    static final List<String> ATTENDANCE_COLUMNS = List.of("Дата", "Группа", "Код дисциплины", "Дисциплина", "Код обучающегося",
            "ФИО обучающегося", "Причина", "Опоздание", "Снята", "Преподаватель", "Занятие", "Версия", "Выставлена", "Получена", "Код записи");
    static final List<String> LESSON_COLUMNS = List.of("Дата", "Пара", "Начало", "Окончание", "Группа", "Подгруппа", "Код дисциплины",
            "Дисциплина", "Преподаватели", "Аудитория", "Статус", "Номер по КТП", "Тема", "Номер работы", "Домашнее задание", "Записано",
            "Занятие");

    private final JournalRows rows;
    private final ArchiveRequest request;
    private final CanonicalJson json;
    private final Function<Collection<String>, Map<String, String>> studentNames;
    private final Map<String, String> disciplineNames;

    /**
     * @param studentNames full names of the students of one page, by id (asked a page at a time, never the college)
     */
    public JournalExports(JournalRows rows, ArchiveRequest request, CanonicalJson json, Function<Collection<String>, Map<String, String>> studentNames,
                          Map<String, String> disciplineNames) {
        this.rows = rows;
        this.request = request;
        this.json = json;
        this.studentNames = studentNames;
        this.disciplineNames = Map.copyOf(disciplineNames);
    }

    public void marksJsonl(OutputStream out) throws IOException {
        Writer writer = writer(out);
        rows.marks(request, page -> page.forEach(mark -> line(writer, json.write(mark))));
        writer.flush();
    }

    public void attendanceJsonl(OutputStream out) throws IOException {
        Writer writer = writer(out);
        rows.attendance(request, page -> page.forEach(absence -> line(writer, json.write(absence))));
        writer.flush();
    }

    public void lessonsJsonl(OutputStream out) throws IOException {
        Writer writer = writer(out);
        rows.lessons(request, page -> page.forEach(lesson -> line(writer, json.write(lesson))));
        writer.flush();
    }

    public void marksCsv(OutputStream out) throws IOException {
        CSVPrinter csv = csv(out, MARK_COLUMNS);
        rows.marks(request, page -> {
            Map<String, String> names = studentNames.apply(page.stream().map(Mark::studentId).distinct().toList());
            page.forEach(mark -> record(csv, mark.date(), mark.groupCode(), mark.disciplineCode(), discipline(mark.disciplineCode()),
                    mark.studentId(), names.get(mark.studentId()), mark.value() == null ? null : mark.value().text(), workType(mark.workType()),
                    mark.teacherId(), mark.lessonKey(), yes(mark.deleted()), mark.version(), time(mark.givenAt()), time(mark.receivedAt()), mark.id()));
        });
        csv.flush();
    }

    public void attendanceCsv(OutputStream out) throws IOException {
        CSVPrinter csv = csv(out, ATTENDANCE_COLUMNS);
        rows.attendance(request, page -> {
            Map<String, String> names = studentNames.apply(page.stream().map(Attendance::studentId).distinct().toList());
            page.forEach(absence -> record(csv, absence.date(), absence.groupCode(), absence.disciplineCode(), discipline(absence.disciplineCode()),
                    absence.studentId(), names.get(absence.studentId()), absence.reason() == null ? null : absence.reason().code(),
                    yes(absence.late()), yes(absence.withdrawn()), absence.teacherId(), absence.lessonKey(), absence.version(),
                    time(absence.givenAt()), time(absence.receivedAt()), absence.id()));
        });
        csv.flush();
    }

    public void lessonsCsv(OutputStream out) throws IOException {
        CSVPrinter csv = csv(out, LESSON_COLUMNS);
        rows.lessons(request, page -> page.forEach(journal -> {
            Lesson lesson = journal.lesson();
            LessonEntry entry = journal.entry();
            record(csv, lesson.date(), lesson.bellNo(), lesson.start(), lesson.end(), lesson.groupCode(), lesson.subgroupCode(),
                    lesson.disciplineCode(), discipline(lesson.disciplineCode()), String.join(", ", lesson.teacherIds()), lesson.roomCode(),
                    status(lesson), entry == null ? null : entry.lessonNo(), entry == null ? null : entry.topic(),
                    entry == null ? null : entry.workNo(), entry == null ? null : entry.homework(), entry == null ? null : time(entry.recordedAt()),
                    entry == null ? lesson.key() : entry.lessonKey());
        }));
        csv.flush();
    }

    private String discipline(String code) {
        return disciplineNames.get(code);
    }

    static String workType(WorkType type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case CURRENT -> "текущая";
            case WRITTEN -> "письменная работа";
            case PRACTICAL -> "практическая работа";
            case TEST -> "контрольная работа";
            case ATTESTATION -> "промежуточная аттестация";
        };
    }

    private static String status(Lesson lesson) {
        return switch (lesson.status()) {
            case PLANNED -> "по расписанию";
            case REPLACED -> "замена";
            case CANCELLED -> "отменено";
        };
    }

    private static String yes(boolean value) {
        return value ? "да" : "";
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** A writer over the archive's stream that is flushed, never closed: the archive writer owns the stream. */
    private static Writer writer(OutputStream out) {
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    private static CSVPrinter csv(OutputStream out, List<String> columns) throws IOException {
        Writer writer = writer(out);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, EXCEL);
        printer.printRecord(columns);
        return printer;
    }

    private static void line(Writer writer, String value) {
        try {
            writer.write(value);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void record(CSVPrinter csv, Object... values) {
        try {
            csv.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
