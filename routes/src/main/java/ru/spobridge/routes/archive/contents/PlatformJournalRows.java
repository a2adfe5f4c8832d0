package ru.spobridge.routes.archive.contents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import ru.spobridge.model.InvalidValueException;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.model.marks.AbsenceReason;
import ru.spobridge.model.marks.Attendance;
import ru.spobridge.model.marks.Mark;
import ru.spobridge.model.marks.MarkValue;
import ru.spobridge.routes.archive.ArchiveManifest;
import ru.spobridge.routes.archive.ArchiveRequest;
import ru.spobridge.routes.reconciliation.ReadBack;

/**
 * An archive of what a platform actually holds (issue 17 item 1): marks, absences and lesson topics as its read side
 * lists them, placed by the hub's record of the same key (platform items carry no date, group or discipline). The
 * lessons are the hub's schedule; the topic and homework at each are the platform's. Fields a platform does not
 * keep (teacher, versions, times) are left empty rather than filled from the hub, so the archive says only what the
 * platform said.
 */
@Component
public class PlatformJournalRows implements JournalRows {

    private final ReadBack readBack;
    private final HubJournalRows hub;

    public PlatformJournalRows(ReadBack readBack, HubJournalRows hub) {
        this.readBack = readBack;
        this.hub = hub;
    }

    @Override
    public ArchiveManifest.Source source() {
        return ArchiveManifest.Source.PLATFORM;
    }

    @Override
    public void marks(ArchiveRequest request, Consumer<List<Mark>> page) {
        List<Mark> marks = new ArrayList<>();
        for (ReadBack.Row row : readBack.marks(request.collegeId(), request.target(), request.from(), request.to())) {
            if (wanted(request, row)) {
                marks.add(new Mark(request.collegeId(), row.externalId(), 0, row.studentId(), row.lessonKey(), row.date(), row.groupCode(),
                        row.disciplineCode(), null, value(row), null, null, null, false));
            }
        }
        pages(marks, page);
    }

    @Override
    public void attendance(ArchiveRequest request, Consumer<List<Attendance>> page) {
        List<Attendance> absences = new ArrayList<>();
        for (ReadBack.Row row : readBack.attendance(request.collegeId(), request.target(), request.from(), request.to())) {
            if (wanted(request, row)) {
                absences.add(new Attendance(request.collegeId(), row.externalId(), 0, row.studentId(), row.lessonKey(), row.date(),
                        row.groupCode(), row.disciplineCode(), null, reason(row), false, null, null, false));
            }
        }
        pages(absences, page);
    }

    @Override
    public void lessons(ArchiveRequest request, Consumer<List<JournalLesson>> page) {
        Map<String, ReadBack.Row> held = new HashMap<>();
        readBack.lessons(request.collegeId(), request.target(), request.from(), request.to()).forEach(row -> held.put(row.lessonKey(), row));
        hub.lessons(request, lessons -> page.accept(lessons.stream().map(lesson -> {
            ReadBack.Row row = held.get(lesson.lesson().key());
            if (row == null) {
                return new JournalLesson(lesson.lesson(), null);
            }
            var at = lesson.lesson();
            return new JournalLesson(at, new LessonEntry(request.collegeId(), at.key(), 0, at.date(), at.bellNo(), at.groupCode(),
                    at.disciplineCode(), null, null, row.value(), null, row.homework(), null, null, false));
        }).toList()));
    }

    private static boolean wanted(ArchiveRequest request, ReadBack.Row row) {
        return request.groupCode() == null || request.groupCode().equals(row.groupCode());
    }

    /** A value the platform holds that the journal's codes do not know is archived as empty, not guessed. */
    private static MarkValue value(ReadBack.Row row) {
        try {
            return row.value() == null ? null : MarkValue.parse(row.value());
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private static AbsenceReason reason(ReadBack.Row row) {
        try {
            return row.value() == null ? null : AbsenceReason.fromCode(row.value());
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private static <T> void pages(List<T> rows, Consumer<List<T>> page) {
        for (int from = 0; from < rows.size(); from += HubJournalRows.PAGE) {
            page.accept(rows.subList(from, Math.min(rows.size(), from + HubJournalRows.PAGE)));
        }
    }
}
