package ru.spobridge.model.journal;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ru.spobridge.model.InvalidValueException;

/**
 * The calendar-thematic plan (КТП) of one discipline in one group: its lessons in plan order, each number once
 * (seed 002 §3.8–3.9, seed 004 §3.5). The journal's topics are checked against it.
 */
public record ThematicPlan(String collegeId, String groupCode, String disciplineCode, List<PlanItem> items) {

    public ThematicPlan {
        if (collegeId == null || collegeId.isBlank()) {
            throw new InvalidValueException("college", "REQUIRED", "Не указан колледж");
        }
        if (groupCode == null || groupCode.isBlank()) {
            throw new InvalidValueException("group", "REQUIRED", "Не указана группа");
        }
        if (disciplineCode == null || disciplineCode.isBlank()) {
            throw new InvalidValueException("discipline", "REQUIRED", "Не указана дисциплина");
        }
        groupCode = groupCode.strip();
        disciplineCode = disciplineCode.strip();
        if (items == null || items.isEmpty()) {
            throw new InvalidValueException("items", "REQUIRED", "В плане нет ни одного занятия");
        }
        Set<Integer> numbers = new HashSet<>();
        for (PlanItem item : items) {
            if (!numbers.add(item.lessonNo())) {
                throw new InvalidValueException("lessonNo", "DUPLICATE", "Номер занятия " + item.lessonNo() + " повторяется в плане");
            }
        }
        items = items.stream().sorted(Comparator.comparingInt(PlanItem::lessonNo)).toList();
    }

    public Optional<PlanItem> item(int lessonNo) {
        return items.stream().filter(item -> item.lessonNo() == lessonNo).findFirst();
    }

    /** Group and discipline, as a map key of the plans of a college. */
    public String key() {
        return key(groupCode, disciplineCode);
    }

    public static String key(String groupCode, String disciplineCode) {
        return groupCode.strip() + "|" + disciplineCode.strip();
    }
}
