package ru.spobridge.mappings;

import java.time.LocalDate;
import java.util.List;
import ru.spobridge.model.Email;
import ru.spobridge.model.Group;
import ru.spobridge.model.Guardian;
import ru.spobridge.model.GuardianLinks;
import ru.spobridge.model.Movement;
import ru.spobridge.model.MovementKind;
import ru.spobridge.model.PersonName;
import ru.spobridge.model.Phone;
import ru.spobridge.model.Snils;
import ru.spobridge.model.SourceKey;
import ru.spobridge.model.Student;
import ru.spobridge.model.StudyForm;
import ru.spobridge.model.Subgroup;

/** Small builders of canonical contingent records for the platform tables; every call makes new values. */
public final class ContingentSamples {

    private ContingentSamples() {
    }

    public static Group group(StudyForm form) {
        return new Group("perm", "ИСП-21", "Информационные системы, 2 курс", "09.02.07", 2, form,
                List.of(new Subgroup("1", "Подгруппа 1"), new Subgroup("2", "Подгруппа 2")));
    }

    public static Student student(String subgroup, String snils, String middleName) {
        return new Student("perm", new SourceKey("contingent", "stu-1"), new PersonName("Иванов", "Пётр", middleName),
                LocalDate.of(2007, 1, 5), snils == null ? null : Snils.parse(snils), Email.parse("P.Ivanov@Example.ORG"),
                Phone.parse("8 (912) 000-00-07"), "ИСП-21", subgroup, StudyForm.FULL_TIME, true, List.of());
    }

    public static GuardianLinks guardian() {
        return new GuardianLinks(new Guardian(new SourceKey("contingent", "gdn-1"), new PersonName("Иванова", "Анна", null), "мать",
                Phone.parse("+79120000008"), Email.parse("a@example.org")), List.of("stu-3", "stu-1", "stu-3"));
    }

    public static Movement movement(MovementKind kind, String toGroup) {
        return new Movement("perm", new SourceKey("contingent", "mov-9"), "stu-1", kind, "9-к", LocalDate.of(2026, 1, 10),
                LocalDate.of(2026, 1, 12), "ИСП-21", toGroup, null);
    }
}
