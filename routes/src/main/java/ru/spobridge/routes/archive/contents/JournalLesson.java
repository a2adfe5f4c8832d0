package ru.spobridge.routes.archive.contents;

import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.model.schedule.Lesson;

/** A lesson of the schedule with the journal's entry for it: {@code entry} is null when nothing was recorded. */
public record JournalLesson(Lesson lesson, LessonEntry entry) {

    public JournalLesson {
        if (lesson == null) {
            throw new IllegalArgumentException("a journal lesson needs its lesson");
        }
    }
}
