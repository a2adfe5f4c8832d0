package ru.spobridge.mappings.contingent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.spobridge.mappings.FieldCollector;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.model.Email;
import ru.spobridge.model.Group;
import ru.spobridge.model.Guardian;
import ru.spobridge.model.InvalidValueException;
import ru.spobridge.model.PersonName;
import ru.spobridge.model.Phone;
import ru.spobridge.model.RecordError;
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

    /** One student id of a read: the first record sent under it, how many records carried it, and what they map to. */
    public record ReadStudent(ContingentStudentRecord record, int occurrences, Mapped<Student> mapped) {
    }

    /**
     * Maps a read's students, one result per id in source order. The same record sent twice is one student. Records
     * that share an id with different content are refused together: each occurrence reports {@code DUPLICATE_ID} and
     * keeps its own defects, so fixing the duplicate does not reveal new ones a run later.
     *
     * @param groups the college's groups by code, as the same source reports them
     */
    public static List<ReadStudent> toStudents(String collegeId, List<ContingentStudentRecord> records, Map<String, Group> groups) {
        List<ReadStudent> students = new ArrayList<>();
        for (List<ContingentStudentRecord> occurrences : byExternalId(records).values()) {
            ContingentStudentRecord first = occurrences.get(0);
            if (occurrences.stream().distinct().count() == 1) {
                students.add(new ReadStudent(first, occurrences.size(), toStudent(collegeId, first, groups)));
                continue;
            }
            int count = occurrences.size();
            List<RecordError> errors = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String occurrence = "вхождение " + (i + 1) + " из " + count;
                errors.add(new RecordError(first.externalId().strip(), "externalId", "DUPLICATE_ID",
                        "Идентификатор встречается в ответе ИС «Контингент» " + count + " раз(а) с разным содержимым (" + occurrence
                                + "): запись не принята, пока источник не исправит дубликат"));
                Mapped<Student> own = toStudent(collegeId, occurrences.get(i), groups);
                own.errors().forEach(error -> errors.add(new RecordError(error.recordKey(), error.field(), error.code(),
                        error.message() + " (" + occurrence + ")")));
            }
            students.add(new ReadStudent(first, count, Mapped.failed(errors)));
        }
        return students;
    }

    /** A read's records by id, in source order; a blank id stands alone, to be refused by the mapping. */
    private static Map<String, List<ContingentStudentRecord>> byExternalId(List<ContingentStudentRecord> records) {
        Map<String, List<ContingentStudentRecord>> byId = new LinkedHashMap<>();
        int anonymous = 0;
        for (ContingentStudentRecord record : records) {
            String id = record.externalId() == null || record.externalId().isBlank() ? "\u0000" + anonymous++ : record.externalId().strip();
            byId.computeIfAbsent(id, key -> new ArrayList<>()).add(record);
        }
        return byId;
    }

    /**
     * @param groups the college's groups by code, as the same source reports them; a student in another group is refused
     */
    public static Mapped<Student> toStudent(String collegeId, ContingentStudentRecord record, Map<String, Group> groups) {
        String key = record.externalId() == null || record.externalId().isBlank() ? "(без идентификатора)" : record.externalId().strip();
        FieldCollector fields = new FieldCollector(key);
        SourceKey sourceKey = fields.field(() -> new SourceKey(SOURCE, record.externalId() == null ? null : record.externalId().strip()));
        List<InvalidValueException> nameProblems = PersonName.problems(record.lastName(), record.firstName());
        fields.check(nameProblems);
        PersonName name = nameProblems.isEmpty() ? new PersonName(record.lastName(), record.firstName(), record.middleName()) : null;
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
