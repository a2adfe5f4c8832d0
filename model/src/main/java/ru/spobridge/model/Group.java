package ru.spobridge.model;

import java.util.ArrayList;
import java.util.List;

/** Учебная группа. The code is the key shared with the source registry. */
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
        if (course != null && (course < 1 || course > 6)) {
            problems.add(new InvalidValueException("course", "INVALID_VALUE", "Курс должен быть от 1 до 6"));
        }
        return problems;
    }

    public boolean hasSubgroup(String subgroupCode) {
        return subgroups.stream().anyMatch(subgroup -> subgroup.code().equals(subgroupCode));
    }
}
