package ru.spobridge.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Движение контингента: one order about one student. */
public record Movement(String collegeId, SourceKey key, String studentId, MovementKind kind, String orderNo,
                       LocalDate orderDate, LocalDate effectiveDate, String fromGroup, String toGroup, String reason) {

    public Movement {
        List<InvalidValueException> problems = problems(studentId, kind, orderNo, orderDate, effectiveDate, toGroup);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
    }

    /** Every rule an order with these values breaks, so a mapping can report them all; the constructor refuses the first. */
    public static List<InvalidValueException> problems(String studentId, MovementKind kind, String orderNo, LocalDate orderDate,
                                                       LocalDate effectiveDate, String toGroup) {
        List<InvalidValueException> problems = new ArrayList<>();
        if (studentId == null || studentId.isBlank()) {
            problems.add(new InvalidValueException("studentExternalId", "REQUIRED", "Не указан обучающийся"));
        }
        if (orderNo == null || orderNo.isBlank()) {
            problems.add(new InvalidValueException("orderNo", "REQUIRED", "Не указан номер приказа"));
        }
        if (orderDate == null) {
            problems.add(new InvalidValueException("orderDate", "REQUIRED", "Не указана дата приказа"));
        }
        if (effectiveDate == null) {
            problems.add(new InvalidValueException("effectiveDate", "REQUIRED", "Не указана дата вступления приказа в силу"));
        }
        if (kind == MovementKind.TRANSFER && (toGroup == null || toGroup.isBlank())) {
            problems.add(new InvalidValueException("toGroup", "REQUIRED", "Для перевода не указана группа назначения"));
        }
        return problems;
    }
}
