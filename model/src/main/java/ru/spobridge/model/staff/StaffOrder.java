package ru.spobridge.model.staff;

import java.time.LocalDate;
import ru.spobridge.model.InvalidValueException;
import ru.spobridge.model.SourceKey;

/**
 * A hiring, transfer or dismissal order; a hire or transfer takes effect at the start of its effective date in the
 * college's zone, a dismissal at the start of the day after it (its effective date is the last working day).
 */
public record StaffOrder(String collegeId, SourceKey key, String staffId, StaffOrderKind kind, String orderNo,
                         LocalDate orderDate, LocalDate effectiveDate, String positionCode) {

    public StaffOrder {
        if (staffId == null || staffId.isBlank()) {
            throw new InvalidValueException("person", "REQUIRED", "Не указан сотрудник");
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
        if (kind != StaffOrderKind.DISMISSAL && (positionCode == null || positionCode.isBlank())) {
            throw new InvalidValueException("position", "REQUIRED", "Не указана должность");
        }
    }
}
