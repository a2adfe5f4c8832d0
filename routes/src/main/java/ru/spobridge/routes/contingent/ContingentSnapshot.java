package ru.spobridge.routes.contingent;

import java.util.List;
import ru.spobridge.connectors.contingent.ContingentRead;
import ru.spobridge.mappings.contingent.ContingentGroupRecord;

/**
 * One read of ИС «Контингент» for a college: the groups and the students. A run stores groups and students page by
 * page while it reads; then {@code stored} says how that went, the read carries no students (only their count and,
 * for a full read, their ids) and what is left to apply are its movement orders. {@code stored} null: nothing of
 * the read is stored yet (a preview, a read kept whole).
 */
public record ContingentSnapshot(String collegeId, List<ContingentGroupRecord> groups, ContingentRead students, IntakeSummary stored) {

    public ContingentSnapshot(String collegeId, List<ContingentGroupRecord> groups, ContingentRead students) {
        this(collegeId, groups, students, null);
    }
}
