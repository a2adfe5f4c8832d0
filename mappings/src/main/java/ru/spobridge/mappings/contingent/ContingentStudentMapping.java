package ru.spobridge.mappings.contingent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.spobridge.mappings.FieldCollector;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.model.Email;
import ru.spobridge.model.Group;
import ru.spobridge.model.Guardian;
import ru.spobridge.model.PersonName;
import ru.spobridge.model.Phone;
import ru.spobridge.model.Snils;
import ru.spobridge.model.SourceKey;
import ru.spobridge.model.Student;
import ru.spobridge.model.StudyForm;

/**
 * ИС «Контингент» student → canonical {@link Student}, with every rule a platform account needs checked here,
 * so that a record is refused once, at the edge, naming its key and field.
 */
public final class ContingentStudentMapping {

    public static final String SOURCE = "contingent";

    private ContingentStudentMapping() {
    }

    /**
     * @param groups the college's groups by code, as the same source reports them; a student in another group is refused
     */
    public static Mapped<Student> toStudent(String collegeId, ContingentStudentRecord record, Map<String, Group> groups) {
        String key = record.externalId() == null || record.externalId().isBlank() ? "(без идентификатора)" : record.externalId().strip();
        FieldCollector fields = new FieldCollector(key);
        SourceKey sourceKey = fields.field(() -> new SourceKey(SOURCE, record.externalId() == null ? null : record.externalId().strip()));
        String lastName = blankToNull(record.lastName());
        String firstName = blankToNull(record.firstName());
        if (lastName == null) {
            fields.reject("lastName", "REQUIRED", "Не указана фамилия");
        }
        if (firstName == null) {
            fields.reject("firstName", "REQUIRED", "Не указано имя");
        }
        PersonName name = lastName == null || firstName == null ? null
                : fields.field(() -> new PersonName(lastName, firstName, record.middleName()));
        LocalDate birthDate = fields.field(() -> FieldCollector.isoDate(record.birthDate(), "birthDate", "дата рождения"));
        Snils snils = fields.optional(record.snils(), () -> Snils.parse(record.snils()));
        // a platform account needs e-mail and a mobile phone (seed 001 §3.1): both are required here
        Email email = fields.field(() -> Email.parse(record.email()));
        Phone phone = fields.field(() -> Phone.parse(record.phone()));
        StudyForm form = fields.field(() -> StudyForm.fromLabel(record.form()));
        String groupCode = blankToNull(record.group());
        String subgroupCode = blankToNull(record.subgroup());
        Group group = groupCode == null ? null : groups.get(groupCode);
        if (groupCode == null) {
            fields.reject("group", "REQUIRED", "Не указана учебная группа");
        } else if (group == null) {
            fields.reject("group", "UNKNOWN_GROUP", "Группа не найдена среди групп колледжа в ИС «Контингент»");
        } else if (subgroupCode != null && !group.hasSubgroup(subgroupCode)) {
            fields.reject("subgroup", "UNKNOWN_SUBGROUP", "Подгруппа не найдена в группе");
        }
        boolean individualPlan = "true".equalsIgnoreCase(blankToNull(record.individualPlan()));
        List<Guardian> guardians = guardians(record.guardians());
        if (fields.hasErrors()) {
            return Mapped.failed(fields.errors());
        }
        Student student = fields.field(() -> new Student(collegeId, sourceKey, name, birthDate, snils, email, phone,
                groupCode, subgroupCode, form, individualPlan, guardians));
        return fields.hasErrors() ? Mapped.failed(fields.errors()) : Mapped.ok(student);
    }

    /** Guardians are kept where they parse; their own account rules are checked when guardians are delivered. */
    private static List<Guardian> guardians(List<ContingentGuardianRecord> records) {
        List<Guardian> guardians = new ArrayList<>();
        for (ContingentGuardianRecord record : records) {
            FieldCollector fields = new FieldCollector(record.externalId());
            SourceKey key = fields.field(() -> new SourceKey(SOURCE, record.externalId()));
            PersonName name = fields.field(() -> new PersonName(record.lastName(), record.firstName(), record.middleName()));
            Phone phone = fields.optional(record.phone(), () -> Phone.parse(record.phone()));
            Email email = fields.optional(record.email(), () -> Email.parse(record.email()));
            if (key != null && name != null) {
                guardians.add(new Guardian(key, name, blankToNull(record.relation()), phone, email));
            }
        }
        return guardians;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
