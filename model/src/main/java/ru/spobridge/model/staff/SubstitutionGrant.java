package ru.spobridge.model.staff;

import java.time.LocalDate;
import java.util.List;

/** The access a substitution gives today: the absent teacher's groups × disciplines, or none. */
public record SubstitutionGrant(Substitution substitution, boolean active, List<Scope> scope) {

    public record Scope(String groupCode, String disciplineCode) {
    }

    public SubstitutionGrant {
        scope = scope.stream().distinct().sorted(java.util.Comparator.comparing(Scope::groupCode).thenComparing(Scope::disciplineCode)).toList();
    }

    public LocalDate from() {
        return substitution.from();
    }
}
