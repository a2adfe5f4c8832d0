package ru.spobridge.model;

import java.util.List;

/** Учебная группа. The code is the key shared with the source registry. */
public record Group(String collegeId, String code, String name, String specialtyCode, int course, StudyForm form,
                    List<Subgroup> subgroups) {

    public Group {
        if (code == null || code.isBlank()) {
            throw new InvalidValueException("code", "REQUIRED", "Не указан код группы");
        }
        if (course < 1 || course > 6) {
            throw new InvalidValueException("course", "INVALID_VALUE", "Курс должен быть от 1 до 6");
        }
        subgroups = subgroups == null ? List.of() : List.copyOf(subgroups);
    }

    public boolean hasSubgroup(String subgroupCode) {
        return subgroups.stream().anyMatch(subgroup -> subgroup.code().equals(subgroupCode));
    }
}
