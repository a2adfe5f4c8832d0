package ru.spobridge.model;

import java.time.LocalDate;

/** Движение контингента: one order about one student. */
public record Movement(String collegeId, SourceKey key, String studentId, MovementKind kind, String orderNo,
                       LocalDate orderDate, LocalDate effectiveDate, String fromGroup, String toGroup, String reason) {

    public Movement {
        if (studentId == null || studentId.isBlank()) {
            throw new InvalidValueException("studentExternalId", "REQUIRED", "Не указан обучающийся");
        }
        if (orderNo == null || orderNo.isBlank()) {
            throw new InvalidValueException("orderNo", "REQUIRED", "Не указан номер приказа");
        }
        if (orderDate == null) {
            throw new InvalidValueException("orderDate", "REQUIRED", "Не указана дата приказа");
        }
        if (effectiveDate == null) {
            throw new InvalidValueException("effectiveDate", "REQUIRED", "Не указана дата вступления приказа в силу");
        }
        if (kind == MovementKind.TRANSFER && (toGroup == null || toGroup.isBlank())) {
            throw new InvalidValueException("toGroup", "REQUIRED", "Для перевода не указана группа назначения");
        }
    }
}
