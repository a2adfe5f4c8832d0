package ru.spobridge.routes.quality;

import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * The seam to the КТП check (issue 17 item 2, another part): how many recorded topics of a college's period differ
 * from the calendar-thematic plan (missing, abbreviated, other wording, wrong order; seed 002 §3.9). Without a bean
 * of this type, or when it answers empty because no КТП is loaded, the report says «КТП не загружен».
 */
public interface TopicPlanCheck {

    OptionalInt differences(String collegeId, LocalDate from, LocalDate to);
}
