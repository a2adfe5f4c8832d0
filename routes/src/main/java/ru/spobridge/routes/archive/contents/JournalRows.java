package ru.spobridge.routes.archive.contents;

import java.util.List;
import java.util.function.Consumer;
import ru.spobridge.model.marks.Attendance;
import ru.spobridge.model.marks.Mark;
import ru.spobridge.routes.archive.ArchiveManifest;
import ru.spobridge.routes.archive.ArchiveRequest;

/**
 * Where an archive's journal rows come from: the hub's own store ({@link HubJournalRows}) or a platform's read-back.
 * Rows go out page by page, in a stable order, limited to the request's period and group (all groups when it names
 * none); marks and absences withdrawn are given too, marked so, since the journal's history is what is archived.
 */
public interface JournalRows {

    /** The source this implementation reads; the archive's contents pick the one its request names. */
    ArchiveManifest.Source source();

    void marks(ArchiveRequest request, Consumer<List<Mark>> page);

    void attendance(ArchiveRequest request, Consumer<List<Attendance>> page);

    /** Lessons with what the teacher recorded at each (topic, work number, homework), where something was recorded. */
    void lessons(ArchiveRequest request, Consumer<List<JournalLesson>> page);
}
