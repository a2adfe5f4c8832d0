package ru.spobridge.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Обучающийся as the registry knows him. E-mail and phone may be absent here: the registry can lack them;
 * that a platform account needs them is checked where the registry's record is mapped (ContingentStudentMapping).
 */
public record Student(String collegeId, SourceKey key, PersonName name, LocalDate birthDate, Snils snils,
                      Email email, Phone phone, String groupCode, String subgroupCode, StudyForm form,
                      boolean individualPlan, List<Guardian> guardians) {

    public Student {
        if (birthDate == null) {
            throw new InvalidValueException("birthDate", "REQUIRED", "Не указана дата рождения");
        }
        if (groupCode == null || groupCode.isBlank()) {
            throw new InvalidValueException("group", "REQUIRED", "Не указана учебная группа");
        }
        guardians = guardians == null ? List.of() : List.copyOf(guardians);
    }

    /** Never prints personal data: records end up in logs through exceptions and debuggers. */
    @Override
    public String toString() {
        return "Student[" + key + ", group " + groupCode + "]";
    }
}
