package ru.spobridge.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Учебная группа; at a school, the class (code «7Б», course = the parallel, see {@link SchoolClass}). The code is the
 * key shared with the source registry.
 */
public record Group(String collegeId, String code, String name, String specialtyCode, int course, StudyForm form,
                    List<Subgroup> subgroups) {

    public Group {
        List<InvalidValueException> problems = problems(code, course);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        subgroups = subgroups == null ? List.of() : List.copyOf(subgroups);
    }

    /** Every rule a group with these values breaks (a course not read is not checked); the constructor refuses the first. */
    public static List<InvalidValueException> problems(String code, Integer course) {
        List<InvalidValueException> problems = new ArrayList<>();
        if (code == null || code.isBlank()) {
            problems.add(new InvalidValueException("code", "REQUIRED", "Не указан код группы"));
        }
        // a college course is 1–6 (the college platforms check it); a school class's parallel is 1–11
        if (course != null && (course < 1 || course > 11)) {
            problems.add(new InvalidValueException("course", "INVALID_VALUE", "Курс должен быть от 1 до 6, параллель класса — от 1 до 11"));
        }
        return problems;
    }

    public boolean hasSubgroup(String subgroupCode) {
        return subgroups.stream().anyMatch(subgroup -> subgroup.code().equals(subgroupCode));
    }
}
