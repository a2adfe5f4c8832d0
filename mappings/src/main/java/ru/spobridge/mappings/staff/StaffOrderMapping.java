package ru.spobridge.mappings.staff;

import java.time.LocalDate;
import java.util.Map;
import ru.spobridge.mappings.FieldCollector;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.model.Email;
import ru.spobridge.model.PersonName;
import ru.spobridge.model.Phone;
import ru.spobridge.model.SourceKey;
import ru.spobridge.model.staff.Position;
import ru.spobridge.model.staff.StaffMember;
import ru.spobridge.model.staff.StaffOrder;
import ru.spobridge.model.staff.StaffOrderKind;

/** An HR order record → the canonical order and the person it is about; every field checked, all errors at once. */
public final class StaffOrderMapping {

    public static final String SOURCE = "hr";

    private StaffOrderMapping() {
    }

    /** The order and, for a hire or transfer, the person with the contacts an account needs (seed 001 §3.1). */
    public record MappedOrder(StaffOrder order, StaffMember member) {
    }

    public static Mapped<MappedOrder> toOrder(String collegeId, StaffOrderRecord record, Map<String, Position> positions) {
        String key = blank(record.orderId()) ? "(приказ без идентификатора)" : record.orderId().strip();
        FieldCollector fields = new FieldCollector(key);
        SourceKey orderKey = fields.field(() -> new SourceKey(SOURCE, strip(record.orderId())));
        StaffOrderKind kind = fields.field(() -> StaffOrderKind.fromCode(record.kind()));
        LocalDate orderDate = fields.field(() -> FieldCollector.isoDate(datePart(record.orderDate()), "orderDate", "дата приказа"));
        LocalDate effective = fields.field(() -> FieldCollector.isoDate(datePart(record.effectiveDate()), "effectiveDate", "дата вступления приказа в силу"));
        if (blank(record.personId())) {
            fields.reject("person", "REQUIRED", "Не указан сотрудник");
        }
        String positionCode = strip(record.positionCode());
        if (kind != StaffOrderKind.DISMISSAL) {
            if (positionCode == null) {
                fields.reject("position", "REQUIRED", "Не указана должность");
            } else if (!positions.containsKey(positionCode)) {
                fields.reject("position", "UNKNOWN_POSITION", "Код должности не найден в таблице должностей колледжа (config/)");
            }
        }
        StaffMember member = null;
        if (kind != StaffOrderKind.DISMISSAL && !blank(record.personId())) {
            PersonName name = fields.field(() -> new PersonName(record.lastName(), record.firstName(), record.middleName()));
            Email email = fields.field(() -> Email.parse(record.email()));
            Phone phone = fields.field(() -> Phone.parse(record.phone()));
            if (!fields.hasErrors()) {
                member = new StaffMember(collegeId, new SourceKey(SOURCE, record.personId().strip()), name, email, phone);
            }
        }
        if (fields.hasErrors()) {
            return Mapped.failed(fields.errors());
        }
        StaffOrder order = fields.field(() -> new StaffOrder(collegeId, orderKey, record.personId().strip(), kind,
                strip(record.orderNo()), orderDate, effective, positionCode));
        return order == null ? Mapped.failed(fields.errors()) : Mapped.ok(new MappedOrder(order, member));
    }

    /** 1С writes date-times ("2025-08-29T00:00:00") where a date is meant. */
    private static String datePart(String value) {
        return value != null && value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String strip(String value) {
        return blank(value) ? null : value.strip();
    }
}
