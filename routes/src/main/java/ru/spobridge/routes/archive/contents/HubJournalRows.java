package ru.spobridge.routes.archive.contents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.model.marks.Attendance;
import ru.spobridge.model.marks.Mark;
import ru.spobridge.model.schedule.Lesson;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.archive.ArchiveManifest;
import ru.spobridge.routes.archive.ArchiveRequest;
import ru.spobridge.routes.marks.MarksIntake;
import ru.spobridge.routes.schedule.ScheduleState;
import ru.spobridge.routes.store.CanonicalPages;
import ru.spobridge.routes.store.CanonicalRecords;

/**
 * The journal as the hub holds it: marks and absences in the order they are delivered (by student, then lesson),
 * lessons by date and bell, each with the journal's entry for it. The store is read a page at a time; marks and
 * absences are kept by student, not by date, so their pages are filtered by period here.
 */
@Component
public class HubJournalRows implements JournalRows {

    static final int PAGE = 500;

    private final CanonicalPages pages;
    private final CanonicalRecords canonical;
    private final CanonicalJson json;

    public HubJournalRows(CanonicalPages pages, CanonicalRecords canonical, CanonicalJson json) {
        this.pages = pages;
        this.canonical = canonical;
        this.json = json;
    }

    @Override
    public ArchiveManifest.Source source() {
        return ArchiveManifest.Source.HUB;
    }

    @Override
    public void marks(ArchiveRequest request, Consumer<List<Mark>> page) {
        read(request, MarksIntake.MARK, Mark.class, mark -> within(request, mark.date(), mark.groupCode()), page);
    }

    @Override
    public void attendance(ArchiveRequest request, Consumer<List<Attendance>> page) {
        read(request, MarksIntake.ATTENDANCE, Attendance.class, absence -> within(request, absence.date(), absence.groupCode()), page);
    }

    @Override
    public void lessons(ArchiveRequest request, Consumer<List<JournalLesson>> page) {
        // a lesson's sort key starts with its date (ScheduleState), so the period is a range of sort keys
        pages.forEachPage(request.collegeId(), ScheduleState.LESSON, request.from().toString(), request.to().plusDays(1).toString(), PAGE,
                stored -> {
                    List<Lesson> lessons = new ArrayList<>(stored.size());
                    stored.forEach(row -> {
                        Lesson lesson = readable(request, ScheduleState.LESSON, row, Lesson.class);
                        if (within(request, lesson.date(), lesson.groupCode())) {
                            lessons.add(lesson);
                        }
                    });
                    if (lessons.isEmpty()) {
                        return;
                    }
                    Map<String, LessonEntry> entries = new HashMap<>();
                    canonical.payloads(request.collegeId(), LessonEntry.ENTITY_TYPE, lessons.stream().map(Lesson::key).toList())
                            .forEach((key, payload) -> {
                                LessonEntry entry = json.read(payload, LessonEntry.class);
                                if (!entry.deleted()) {
                                    entries.put(key, entry);
                                }
                            });
                    page.accept(lessons.stream().map(lesson -> new JournalLesson(lesson, entries.get(lesson.key()))).toList());
                });
        // what a teacher recorded for a lesson the hub's schedule does not hold (a journal keyed by date) is archived
        // too, with the lesson as the entry describes it: a recorded topic is never left out of the archive
        pages.forEachPage(request.collegeId(), LessonEntry.ENTITY_TYPE, request.from().toString(), request.to().plusDays(1).toString(), PAGE,
                stored -> {
                    List<LessonEntry> entries = new ArrayList<>(stored.size());
                    stored.forEach(row -> {
                        LessonEntry entry = readable(request, LessonEntry.ENTITY_TYPE, row, LessonEntry.class);
                        if (!entry.deleted() && within(request, entry.date(), entry.groupCode())) {
                            entries.add(entry);
                        }
                    });
                    if (entries.isEmpty()) {
                        return;
                    }
                    Set<String> scheduled = canonical.payloads(request.collegeId(), ScheduleState.LESSON,
                            entries.stream().map(LessonEntry::lessonKey).toList()).keySet();
                    List<JournalLesson> unscheduled = entries.stream().filter(entry -> !scheduled.contains(entry.lessonKey()))
                            .map(entry -> new JournalLesson(new Lesson(entry.collegeId(), entry.date(), entry.bellNo(), null, null,
                                    entry.groupCode(), null, entry.disciplineCode(), entry.teacherId() == null ? List.of() : List.of(entry.teacherId()),
                                    null, null, null), entry)).toList();
                    if (!unscheduled.isEmpty()) {
                        page.accept(unscheduled);
                    }
                });
    }

    private <T> void read(ArchiveRequest request, String entityType, Class<T> type, java.util.function.Predicate<T> wanted,
                          Consumer<List<T>> page) {
        pages.forEachPage(request.collegeId(), entityType, null, null, PAGE, stored -> {
            List<T> rows = new ArrayList<>(stored.size());
            stored.forEach(row -> {
                T value = readable(request, entityType, row, type);
                if (wanted.test(value)) {
                    rows.add(value);
                }
            });
            if (!rows.isEmpty()) {
                page.accept(rows);
            }
        });
    }

    /** A stored record that cannot be read stops the archive, naming the record (never its content). */
    private <T> T readable(ArchiveRequest request, String entityType, CanonicalPages.Stored row, Class<T> type) {
        try {
            return json.read(row.payload(), type);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Архив " + request.collegeId() + ": запись " + entityType + " " + row.entityKey()
                    + " в хранилище хаба не читается (" + e.getMessage() + ")", e);
        }
    }

    private static boolean within(ArchiveRequest request, LocalDate date, String groupCode) {
        return !date.isBefore(request.from()) && !date.isAfter(request.to())
                && (request.groupCode() == null || request.groupCode().equals(groupCode));
    }
}
