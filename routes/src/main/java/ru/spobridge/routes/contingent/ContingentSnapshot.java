package ru.spobridge.routes.contingent;

import java.util.List;
import ru.spobridge.connectors.contingent.ContingentRead;
import ru.spobridge.mappings.contingent.ContingentGroupRecord;

/** One read of ИС «Контингент» for a college: the groups and the students (all pages). */
public record ContingentSnapshot(String collegeId, List<ContingentGroupRecord> groups, ContingentRead students) {
}
