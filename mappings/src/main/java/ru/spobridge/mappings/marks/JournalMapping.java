package ru.spobridge.mappings.marks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import ru.spobridge.mappings.FieldCollector;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.model.InvalidValueException;
import ru.spobridge.model.marks.AbsenceReason;
import ru.spobridge.model.marks.Attendance;
import ru.spobridge.model.marks.Mark;
import ru.spobridge.model.marks.MarkValue;
import ru.spobridge.model.marks.WorkType;

/**
 * College journal changes → canonical marks and absences. Another scale is converted to five points through the
 * college's table before the value is read (e.g. «отлично» → 5). A lesson is named either by its schedule key or,
 * where the schedule is not known yet, by date + bell + group + discipline.
 */
public final class JournalMapping {

    private JournalMapping() {
    }

    public static Mapped<Mark> toMark(String collegeId, JournalChange change, Map<String, String> scale, Instant receivedAt) {
        FieldCollector fields = new FieldCollector(change.id() == null ? "(отметка без идентификатора)" : change.id());
        common(change, fields);
        boolean deleted = "delete".equalsIgnoreCase(change.op());
        String raw = change.value() == null ? null : scale.getOrDefault(change.value().strip().toLowerCase(java.util.Locale.ROOT), change.value());
        MarkValue value = deleted && raw == null ? null : fields.field(() -> MarkValue.parse(raw));
        WorkType workType = fields.field(() -> WorkType.fromCode(change.workType()));
        if (value != null && workType != null && value.isAttestation() != (workType == WorkType.ATTESTATION)) {
            fields.reject("value", "INVALID_VALUE", value.isAttestation()
                    ? "Результат аттестации ставится только за промежуточную аттестацию" : "За промежуточную аттестацию ставится результат аттестации или оценка 2–5");
        }
        LocalDate date = fields.field(() -> date(change));
        Instant givenAt = fields.field(() -> instant(change.givenAt()));
        if (fields.hasErrors()) {
            return Mapped.failed(fields.errors());
        }
        return Mapped.ok(new Mark(collegeId, change.id(), change.version(), change.studentId(), lessonKey(change), date, change.group(),
                change.discipline(), change.teacherId(), value, workType, givenAt, receivedAt, deleted));
    }

    public static Mapped<Attendance> toAttendance(String collegeId, JournalChange change, Instant receivedAt) {
        return toAttendance(collegeId, change, Map.of(), receivedAt);
    }

    /**
     * @param reasonCodes the college's own reason codes (lower case) → canonical reason; a code not listed is read as
     *                    Н, УП or НУ
     */
    public static Mapped<Attendance> toAttendance(String collegeId, JournalChange change, Map<String, AbsenceReason> reasonCodes,
                                                  Instant receivedAt) {
        FieldCollector fields = new FieldCollector(change.id() == null ? "(пропуск без идентификатора)" : change.id());
        common(change, fields);
        boolean withdrawn = "delete".equalsIgnoreCase(change.op());
        AbsenceReason reason = withdrawn || change.late() ? optionalReason(change.reason(), reasonCodes, fields)
                : fields.field(() -> reason(change.reason(), reasonCodes));
        LocalDate date = fields.field(() -> date(change));
        Instant givenAt = fields.field(() -> instant(change.givenAt()));
        if (fields.hasErrors()) {
            return Mapped.failed(fields.errors());
        }
        return Mapped.ok(new Attendance(collegeId, change.id(), change.version(), change.studentId(), lessonKey(change), date, change.group(),
                change.discipline(), change.teacherId(), reason, change.late(), givenAt, receivedAt, withdrawn));
    }

    /** "dbg:date:bell:group:discipline" when the source gives no schedule key. */
    public static String lessonKey(JournalChange change) {
        if (change.lessonKey() != null && !change.lessonKey().isBlank()) {
            return change.lessonKey().strip();
        }
        return "dbg:" + change.date() + ":" + change.bell() + ":" + change.group() + ":" + change.discipline();
    }

    private static void common(JournalChange change, FieldCollector fields) {
        if (change.id() == null || change.id().isBlank()) {
            fields.reject("id", "REQUIRED", "Не указан идентификатор записи журнала");
        }
        if (change.studentId() == null || change.studentId().isBlank()) {
            fields.reject("studentId", "REQUIRED", "Не указан обучающийся");
        }
        boolean keyed = change.lessonKey() != null && !change.lessonKey().isBlank();
        if (!keyed && (change.date() == null || change.bell() == null || change.group() == null || change.discipline() == null)) {
            fields.reject("lessonKey", "REQUIRED", "Занятие не указано: нужен ключ занятия или дата, пара, группа и дисциплина");
        }
    }

    private static AbsenceReason optionalReason(String raw, Map<String, AbsenceReason> reasonCodes, FieldCollector fields) {
        return raw == null || raw.isBlank() ? null : fields.field(() -> reason(raw, reasonCodes));
    }

    private static AbsenceReason reason(String raw, Map<String, AbsenceReason> reasonCodes) {
        AbsenceReason mapped = raw == null ? null : reasonCodes.get(raw.strip().toLowerCase(java.util.Locale.ROOT));
        return mapped != null ? mapped : AbsenceReason.fromCode(raw);
    }

    private static LocalDate date(JournalChange change) {
        if (change.date() != null) {
            return FieldCollector.isoDate(change.date(), "date", "дата занятия");
        }
        String key = change.lessonKey();
        if (key != null && key.startsWith("les-") && key.length() >= 14) {
            return FieldCollector.isoDate(key.substring(4, 14), "lessonKey", "дата занятия в ключе");
        }
        throw new InvalidValueException("date", "REQUIRED", "Не указана дата занятия");
    }

    private static Instant instant(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("givenAt", "REQUIRED", "Не указано время выставления");
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("givenAt", "INVALID_FORMAT", "Время выставления — ISO 8601 (2026-09-07T10:15:00Z)");
        }
    }
}
