package ru.spobridge.routes.schedule;

import java.time.LocalDate;
import java.util.List;
import ru.spobridge.mappings.asc.AscMatching;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.schedule.Lesson;

/**
 * One schedule export made into dated lessons for a period, with what could not be used and the aSc elements left
 * unmatched (with their names, for the store only); kept whole when held.
 */
public record ScheduleSnapshot(String collegeId, String fileName, LocalDate from, LocalDate to, int cards, List<Lesson> lessons,
                               List<RecordError> errors, List<AscMatching.Unmatched> unmatched) {

    public ScheduleSnapshot {
        // a snapshot held before the field existed reads as having none
        unmatched = unmatched == null ? List.of() : List.copyOf(unmatched);
    }

    public ScheduleSnapshot(String collegeId, String fileName, LocalDate from, LocalDate to, int cards, List<Lesson> lessons,
                            List<RecordError> errors) {
        this(collegeId, fileName, from, to, cards, lessons, errors, List.of());
    }
}
