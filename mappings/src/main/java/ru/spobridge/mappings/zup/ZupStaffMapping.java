package ru.spobridge.mappings.zup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import ru.spobridge.mappings.staff.StaffOrderRecord;

/**
 * Joins a ЗУП publication's catalogs and documents into HR order records: a posted, not deleted document, with the
 * person's latest name, contacts and the position code. Unposted or deleted documents are not orders yet.
 */
public final class ZupStaffMapping {

    private ZupStaffMapping() {
    }

    public static List<StaffOrderRecord> orders(List<ZupRecords.Document> documents, List<ZupRecords.Person> persons,
                                                List<ZupRecords.Name> names, List<ZupRecords.Position> positions) {
        Map<String, ZupRecords.Person> personByRef = persons.stream().collect(Collectors.toMap(ZupRecords.Person::ref, Function.identity(), (a, b) -> a));
        Map<String, ZupRecords.Name> nameByPerson = names.stream().collect(Collectors.toMap(ZupRecords.Name::personRef, Function.identity(),
                (a, b) -> Comparator.comparing(ZupRecords.Name::period, Comparator.nullsFirst(Comparator.naturalOrder())).compare(a, b) >= 0 ? a : b));
        Map<String, String> codeByRef = positions.stream().collect(Collectors.toMap(ZupRecords.Position::ref, ZupRecords.Position::code, (a, b) -> a));
        List<StaffOrderRecord> orders = new ArrayList<>();
        for (ZupRecords.Document document : documents) {
            if (!document.posted() || document.deletionMark()) {
                continue;
            }
            ZupRecords.Person person = personByRef.get(document.personRef());
            ZupRecords.Name name = nameByPerson.get(document.personRef());
            orders.add(new StaffOrderRecord(document.ref(), document.kind(), document.number(), document.date(), document.effectiveDate(),
                    document.personRef(), name == null ? null : name.lastName(), name == null ? null : name.firstName(),
                    name == null ? null : name.middleName(), person == null ? null : person.email(), person == null ? null : person.phone(),
                    document.positionRef() == null ? null : codeByRef.getOrDefault(document.positionRef(), document.positionRef())));
        }
        return orders;
    }
}
