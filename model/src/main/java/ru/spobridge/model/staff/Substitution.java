package ru.spobridge.model.staff;

import java.time.LocalDate;
import ru.spobridge.model.InvalidValueException;
import ru.spobridge.model.SourceKey;

/**
 * A substitute stands in for an absent teacher from one date to another (inclusive) and meanwhile has access to the
 * absent teacher's journal (seed 000 §4.5, seed 002 §4.5.1). Cancelled early by a later version with an earlier end.
 */
public record Substitution(String collegeId, SourceKey key, String absentTeacherId, String substituteId, LocalDate from,
                           LocalDate to, boolean cancelled) {

    public Substitution {
        if (absentTeacherId == null || absentTeacherId.isBlank()) {
            throw new InvalidValueException("absentTeacher", "REQUIRED", "Не указан отсутствующий преподаватель");
        }
        if (substituteId == null || substituteId.isBlank()) {
            throw new InvalidValueException("substitute", "REQUIRED", "Не указан замещающий преподаватель");
        }
        if (absentTeacherId.equals(substituteId)) {
            throw new InvalidValueException("substitute", "INVALID_VALUE", "Преподаватель не может замещать сам себя");
        }
        if (from == null || to == null) {
            throw new InvalidValueException(from == null ? "dateFrom" : "dateTo", "REQUIRED", "Не указан срок замещения");
        }
        if (to.isBefore(from)) {
            throw new InvalidValueException("dateTo", "INVALID_VALUE", "Замещение не может закончиться раньше, чем начнётся");
        }
    }

    public boolean grantsAccessOn(LocalDate date) {
        return !cancelled && !date.isBefore(from) && !date.isAfter(to);
    }
}
