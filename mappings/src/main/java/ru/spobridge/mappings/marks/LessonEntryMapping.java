package ru.spobridge.mappings.marks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import ru.spobridge.mappings.FieldCollector;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.model.InvalidValueException;
import ru.spobridge.model.journal.LessonEntry;

/**
 * A college journal's lesson change → the canonical lesson entry (seed 002 §3.8–3.9). The lesson key, the date and
 * when the teacher recorded it are required; an empty topic or homework is not refused here — it is a finding of the
 * journal-quality check, and the platform should show the lesson as the journal has it.
 */
public final class LessonEntryMapping {

    private LessonEntryMapping() {
    }

    public static Mapped<LessonEntry> toLessonEntry(String collegeId, JournalChange change, Instant receivedAt) {
        boolean keyed = change.lessonKey() != null && !change.lessonKey().isBlank();
        FieldCollector fields = new FieldCollector(keyed ? change.lessonKey().strip() : change.id() == null ? "(занятие без ключа)" : change.id());
        if (!keyed) {
            fields.reject("lessonKey", "REQUIRED", "Не указан ключ занятия");
        }
        LocalDate date = fields.field(() -> date(change));
        Integer bell = fields.optional(change.bell(), () -> FieldCollector.integer(change.bell(), "bell", "номер пары"));
        Integer lessonNo = fields.optional(change.lessonNo(), () -> positive(change.lessonNo(), "lessonNo", "номер занятия по КТП"));
        Integer workNo = fields.optional(change.workNo(), () -> positive(change.workNo(), "workNo", "номер работы"));
        Instant recordedAt = fields.field(() -> recordedAt(change.recordedAt()));
        if (fields.hasErrors()) {
            return Mapped.failed(fields.errors());
        }
        return Mapped.ok(new LessonEntry(collegeId, change.lessonKey().strip(), change.version(), date, bell == null ? 0 : bell,
                change.group(), change.discipline(), change.teacherId(), lessonNo, text(change.topic()), workNo, text(change.homework()),
                recordedAt, receivedAt, "delete".equalsIgnoreCase(change.op())));
    }

    /** The lesson's date, or, as for marks, the date a schedule key {@code les-ГГГГ-ММ-ДД-…} carries. */
    private static LocalDate date(JournalChange change) {
        String key = change.lessonKey();
        if (change.date() == null && key != null && key.strip().startsWith("les-") && key.strip().length() >= 14) {
            return FieldCollector.isoDate(key.strip().substring(4, 14), "lessonKey", "дата занятия в ключе");
        }
        return FieldCollector.isoDate(change.date(), "date", "дата занятия");
    }

    /** The text as the teacher wrote it, without surrounding blanks; nothing for a blank one. */
    private static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    private static int positive(String raw, String field, String what) {
        int value = FieldCollector.integer(raw, field, what);
        if (value < 1) {
            throw new InvalidValueException(field, "INVALID_VALUE", "Поле «" + what + "» должно быть больше нуля");
        }
        return value;
    }

    private static Instant recordedAt(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("recordedAt", "REQUIRED", "Не указано время записи темы занятия");
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("recordedAt", "INVALID_FORMAT", "Время записи — ISO 8601 (2026-09-07T10:15:00Z)");
        }
    }
}
