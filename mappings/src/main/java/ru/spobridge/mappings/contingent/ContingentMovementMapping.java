package ru.spobridge.mappings.contingent;

import java.time.LocalDate;
import ru.spobridge.mappings.FieldCollector;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.model.Movement;
import ru.spobridge.model.MovementKind;
import ru.spobridge.model.SourceKey;

/** ИС «Контингент» movement order → canonical {@link Movement}. */
public final class ContingentMovementMapping {

    private ContingentMovementMapping() {
    }

    public static Mapped<Movement> toMovement(String collegeId, ContingentMovementRecord record) {
        String key = record.externalId() == null || record.externalId().isBlank() ? "(без идентификатора)" : record.externalId().strip();
        FieldCollector fields = new FieldCollector(key);
        SourceKey sourceKey = fields.field(() -> new SourceKey(ContingentStudentMapping.SOURCE, strip(record.externalId())));
        MovementKind kind = fields.field(() -> MovementKind.fromCode(record.kind()));
        LocalDate orderDate = fields.field(() -> FieldCollector.isoDate(record.orderDate(), "orderDate", "дата приказа"));
        LocalDate effectiveDate = fields.field(() -> FieldCollector.isoDate(record.effectiveDate(), "effectiveDate", "дата вступления приказа в силу"));
        if (orderDate != null && effectiveDate != null && effectiveDate.isBefore(orderDate)) {
            fields.reject("effectiveDate", "INVALID_VALUE", "Приказ не может вступить в силу раньше даты его издания");
        }
        fields.check(Movement.problems(strip(record.studentExternalId()), kind, strip(record.orderNo()), orderDate, effectiveDate,
                strip(record.toGroup())));
        if (fields.hasErrors()) {
            return Mapped.failed(fields.errors());
        }
        Movement movement = fields.field(() -> new Movement(collegeId, sourceKey, strip(record.studentExternalId()), kind,
                strip(record.orderNo()), orderDate, effectiveDate, strip(record.fromGroup()), strip(record.toGroup()), strip(record.reason())));
        return movement == null ? Mapped.failed(fields.errors()) : Mapped.ok(movement);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
