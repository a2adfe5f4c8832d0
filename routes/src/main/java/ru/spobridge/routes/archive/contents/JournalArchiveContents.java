package ru.spobridge.routes.archive.contents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.model.Group;
import ru.spobridge.model.Student;
import ru.spobridge.model.reference.ReferenceItem;
import ru.spobridge.model.reference.ReferenceKind;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.archive.ArchiveContents;
import ru.spobridge.routes.archive.ArchiveManifest;
import ru.spobridge.routes.archive.ArchiveRequest;
import ru.spobridge.routes.archive.ArchiveWriter;
import ru.spobridge.routes.contingent.ContingentIntake;
import ru.spobridge.routes.schedule.ReferenceIntake;
import ru.spobridge.routes.store.CanonicalRecords;

/**
 * What a journal archive holds (seed 000 §6.1–6.2, seed 002 §7.2–7.5, seed 004 §5.3–5.5): marks, attendance and
 * lessons with their topics and homework, each as JSON Lines and as CSV; for a year, also the summary statement of
 * final marks per group as PDF and XLSX. The rows come from the source the request names; each file carries the
 * retention of its kind of document from the college's settings.
 */
@Component
public class JournalArchiveContents implements ArchiveContents {

    public static final String MARKS_JSONL = "marks.jsonl";
    public static final String MARKS_CSV = "marks.csv";
    public static final String ATTENDANCE_JSONL = "attendance.jsonl";
    public static final String ATTENDANCE_CSV = "attendance.csv";
    public static final String LESSONS_JSONL = "lessons.jsonl";
    public static final String LESSONS_CSV = "lessons.csv";
    public static final String STATEMENT_PDF = "summary-statement.pdf";
    public static final String STATEMENT_XLSX = "summary-statement.xlsx";

    /** The kinds of document an archive lists, as an administrator reads them in its manifest. */
    public static final String JOURNAL_MARKS = "Электронный журнал: отметки";
    public static final String JOURNAL_ATTENDANCE = "Электронный журнал: посещаемость";
    public static final String JOURNAL_LESSONS = "Электронный журнал: занятия, темы и домашние задания";
    public static final String SUMMARY_STATEMENT = SummaryStatement.TITLE;

    private static final Logger log = LoggerFactory.getLogger(JournalArchiveContents.class);

    private final List<JournalRows> sources;
    private final SummaryStatements statements;
    private final Colleges colleges;
    private final CanonicalRecords canonical;
    private final CanonicalJson json;

    public JournalArchiveContents(List<JournalRows> sources, SummaryStatements statements, Colleges colleges, CanonicalRecords canonical,
                                  CanonicalJson json) {
        this.sources = List.copyOf(sources);
        this.statements = statements;
        this.colleges = colleges;
        this.canonical = canonical;
        this.json = json;
    }

    @Override
    public void fill(ArchiveRequest request, ArchiveWriter writer) {
        long started = System.nanoTime();
        JournalRows rows = rows(request);
        String college = request.collegeId();
        List<ReferenceItem> reference = canonical.payloads(college, ReferenceIntake.REFERENCE).values().stream()
                .map(payload -> json.read(payload, ReferenceItem.class)).toList();
        Map<String, String> disciplineNames = new HashMap<>();
        reference.stream().filter(item -> item.kind() == ReferenceKind.DISCIPLINE).forEach(item -> disciplineNames.put(item.code(), item.name()));
        ArchiveRetention retention = new ArchiveRetention(colleges.settings(college).retention());
        LocalDate journalUntil = retention.journal(request.to(), groups(request), reference);

        JournalExports exports = new JournalExports(rows, request, json, ids -> studentNames(college, ids), disciplineNames);
        writer.add(MARKS_JSONL, JOURNAL_MARKS, journalUntil, exports::marksJsonl)
                .add(MARKS_CSV, JOURNAL_MARKS, journalUntil, exports::marksCsv)
                .add(ATTENDANCE_JSONL, JOURNAL_ATTENDANCE, journalUntil, exports::attendanceJsonl)
                .add(ATTENDANCE_CSV, JOURNAL_ATTENDANCE, journalUntil, exports::attendanceCsv)
                .add(LESSONS_JSONL, JOURNAL_LESSONS, journalUntil, exports::lessonsJsonl)
                .add(LESSONS_CSV, JOURNAL_LESSONS, journalUntil, exports::lessonsCsv);
        int groups = 0;
        if (request.kind() == ArchiveRequest.Kind.YEAR) {
            List<SummaryStatement> year = statements.build(request, rows);
            LocalDate statementUntil = retention.statements(request.to());
            writer.add(STATEMENT_PDF, SUMMARY_STATEMENT, statementUntil, out -> SummaryStatementPdf.write(year, out))
                    .add(STATEMENT_XLSX, SUMMARY_STATEMENT, statementUntil, out -> SummaryStatementXlsx.write(year, out));
            groups = year.size();
        }
        log.info("Архив {}: {} {} … {}, группа {}, источник {}: журнал записан, сводных ведомостей {}, {} мс", college, request.kind(),
                request.from(), request.to(), request.groupCode() == null ? "все" : request.groupCode(), request.source(), groups,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The summary statements of a period on demand (the console's download), from the request's source. */
    public List<SummaryStatement> statements(ArchiveRequest request) {
        return statements.build(request, rows(request));
    }

    private JournalRows rows(ArchiveRequest request) {
        return sources.stream().filter(source -> source.source() == request.source()).findFirst()
                .orElseThrow(() -> new IllegalStateException("Архив " + request.collegeId() + ": чтение журнала из источника "
                        + (request.source() == ArchiveManifest.Source.PLATFORM ? "«платформа " + request.target() + "»" : "«хаб»")
                        + " не подключено"));
    }

    /** The groups whose period of study sets the journal's retention: the request's group, or every group of the college. */
    private Collection<Group> groups(ArchiveRequest request) {
        List<Group> groups = new ArrayList<>();
        canonical.payloads(request.collegeId(), ContingentIntake.GROUP).values().forEach(payload -> {
            Group group = json.read(payload, Group.class);
            if (request.groupCode() == null || request.groupCode().equals(group.code())) {
                groups.add(group);
            }
        });
        return groups;
    }

    private Map<String, String> studentNames(String college, Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        canonical.payloads(college, ContingentIntake.STUDENT, ids)
                .forEach((id, payload) -> names.put(id, SummaryStatements.fullName(json.read(payload, Student.class).name())));
        return names;
    }
}
