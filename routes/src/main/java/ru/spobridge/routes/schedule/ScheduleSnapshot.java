package ru.spobridge.routes.schedule;

import java.time.LocalDate;
import java.util.List;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.schedule.Lesson;

/** One schedule export made into dated lessons for a period, with what could not be used; kept whole when held. */
public record ScheduleSnapshot(String collegeId, String fileName, LocalDate from, LocalDate to, int cards, List<Lesson> lessons,
                               List<RecordError> errors) {
}
