package ru.spobridge.model;

import java.util.List;

/** A guardian as one person with every student he or she represents (siblings share one guardian). */
public record GuardianLinks(Guardian guardian, List<String> studentIds) {

    public GuardianLinks {
        studentIds = studentIds.stream().distinct().sorted().toList();
    }

    @Override
    public String toString() {
        return "GuardianLinks[" + guardian.key() + ", " + studentIds.size() + " обучающихся]";
    }
}
