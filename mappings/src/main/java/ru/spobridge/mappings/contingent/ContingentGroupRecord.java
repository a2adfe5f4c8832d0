package ru.spobridge.mappings.contingent;

import java.util.List;

/** A study group as the registry sends it; subgroups as code/name pairs. */
public record ContingentGroupRecord(String code, String name, String specialty, String course, String form,
                                    List<Subgroup> subgroups) {

    public record Subgroup(String code, String name) {
    }

    public ContingentGroupRecord {
        subgroups = subgroups == null ? List.of() : List.copyOf(subgroups);
    }
}
