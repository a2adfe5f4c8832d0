package ru.spobridge.routes.schedule;

import java.time.LocalDate;
import java.util.List;
import ru.spobridge.mappings.asc.AscMatching;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.schedule.Lesson;

/**
 * One schedule export made into dated lessons for a period, with what could not be used and the aSc elements left
 * unmatched (with their names, for the store only); kept whole when held. {@code cards} and {@code lessonDefs} count
 * the card and lesson elements of the file, {@code rejectedCards} those refused, {@code skippedCards} those whose
 * week or term mask leaves them out of the period. {@code refusal} is set when the file is refused as a whole;
 * {@code matchedKeys} are the rejection keys of elements and cards read without a defect.
 */
public record ScheduleSnapshot(String collegeId, String fileName, LocalDate from, LocalDate to, int cards, List<Lesson> lessons,
                               List<RecordError> errors, List<AscMatching.Unmatched> unmatched, int lessonDefs, int rejectedCards,
                               int skippedCards, RecordError refusal, List<String> matchedKeys) {

    public ScheduleSnapshot {
        // a snapshot held before the field existed reads as having none
        unmatched = unmatched == null ? List.of() : List.copyOf(unmatched);
        matchedKeys = matchedKeys == null ? List.of() : List.copyOf(matchedKeys);
    }

    public ScheduleSnapshot(String collegeId, String fileName, LocalDate from, LocalDate to, int cards, List<Lesson> lessons,
                            List<RecordError> errors) {
        this(collegeId, fileName, from, to, cards, lessons, errors, List.of(), 0, 0, 0, null, List.of());
    }

    /** A file refused as a whole: nothing read from it. */
    public static ScheduleSnapshot refused(String collegeId, String fileName, LocalDate from, LocalDate to, RecordError refusal) {
        return new ScheduleSnapshot(collegeId, fileName, from, to, 0, List.of(), List.of(), List.of(), 0, 0, 0, refusal, List.of());
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
