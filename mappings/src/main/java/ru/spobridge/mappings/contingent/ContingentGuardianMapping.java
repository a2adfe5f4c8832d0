package ru.spobridge.mappings.contingent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.spobridge.mappings.FieldCollector;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.model.Email;
import ru.spobridge.model.Guardian;
import ru.spobridge.model.GuardianLinks;
import ru.spobridge.model.PersonName;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.Phone;
import ru.spobridge.model.SourceKey;

/**
 * Guardians as the registry nests them under each student → one canonical guardian per person, linked to every
 * student that names him or her (siblings share a guardian). A platform account needs ФИО, e-mail and a mobile
 * phone (seed 001 §3.1), so each is required here.
 */
public final class ContingentGuardianMapping {

    private ContingentGuardianMapping() {
    }

    /** @param students the students whose guardians to collect (only students that are themselves valid) */
    public static List<Mapped<GuardianLinks>> toGuardians(List<ContingentStudentRecord> students) {
        Map<String, ContingentGuardianRecord> firstSeen = new LinkedHashMap<>();
        Map<String, List<String>> studentsOf = new LinkedHashMap<>();
        List<Mapped<GuardianLinks>> result = new ArrayList<>();
        for (ContingentStudentRecord student : students) {
            for (ContingentGuardianRecord guardian : student.guardians()) {
                String id = guardian.externalId() == null ? "" : guardian.externalId().strip();
                if (id.isEmpty()) {
                    result.add(Mapped.failed(List.of(new RecordError("(представитель " + student.externalId() + ")",
                            "externalId", "REQUIRED", "Не указан идентификатор законного представителя"))));
                    continue;
                }
                firstSeen.putIfAbsent(id, guardian);
                studentsOf.computeIfAbsent(id, key -> new ArrayList<>()).add(student.externalId().strip());
            }
        }
        firstSeen.forEach((id, record) -> result.add(toGuardian(id, record, studentsOf.get(id))));
        return result;
    }

    private static Mapped<GuardianLinks> toGuardian(String id, ContingentGuardianRecord record, List<String> studentIds) {
        FieldCollector fields = new FieldCollector(id);
        SourceKey key = fields.field(() -> new SourceKey(ContingentStudentMapping.SOURCE, id));
        PersonName name = fields.field(() -> new PersonName(record.lastName(), record.firstName(), record.middleName()));
        Email email = fields.field(() -> Email.parse(record.email()));
        Phone phone = fields.field(() -> Phone.parse(record.phone()));
        if (fields.hasErrors()) {
            return Mapped.failed(fields.errors());
        }
        String relation = record.relation() == null || record.relation().isBlank() ? null : record.relation().strip();
        return Mapped.ok(new GuardianLinks(new Guardian(key, name, relation, phone, email), studentIds));
    }

}
