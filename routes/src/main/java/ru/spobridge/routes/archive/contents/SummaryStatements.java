package ru.spobridge.routes.archive.contents;

import java.text.Collator;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import ru.spobridge.model.Group;
import ru.spobridge.model.PersonName;
import ru.spobridge.model.Student;
import ru.spobridge.model.marks.Mark;
import ru.spobridge.model.marks.WorkType;
import ru.spobridge.model.reference.ReferenceItem;
import ru.spobridge.model.reference.ReferenceKind;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.archive.ArchiveRequest;
import ru.spobridge.routes.contingent.ContingentIntake;
import ru.spobridge.routes.schedule.ReferenceIntake;
import ru.spobridge.routes.store.CanonicalPages;
import ru.spobridge.routes.store.CanonicalRecords;

/**
 * Builds the summary statements of a request's period, one per group (the request's group, or every group with a
 * final mark or a student): each student's final mark per discipline is the latest mark of intermediate attestation
 * that was not removed. Marks come from the archive's source; the college, groups, students and the names of
 * specialties and disciplines from the hub's store, which is where they are kept.
 */
@Component
public class SummaryStatements {

    static final int PAGE = 1_000;

    private final Colleges colleges;
    private final CanonicalRecords canonical;
    private final CanonicalPages pages;
    private final CanonicalJson json;

    public SummaryStatements(Colleges colleges, CanonicalRecords canonical, CanonicalPages pages, CanonicalJson json) {
        this.colleges = colleges;
        this.canonical = canonical;
        this.pages = pages;
        this.json = json;
    }

    /** The statements of a request, for its archive or on demand, groups in code order. */
    public List<SummaryStatement> build(ArchiveRequest request, JournalRows rows) {
        String college = request.collegeId();
        FinalMarks finals = new FinalMarks();
        rows.marks(request, page -> page.forEach(finals::offer));
        Map<String, Group> groups = new TreeMap<>();
        canonical.payloads(college, ContingentIntake.GROUP).values().forEach(payload -> {
            Group group = json.read(payload, Group.class);
            groups.put(group.code(), group);
        });
        Set<String> wanted = new HashSet<>();
        if (request.groupCode() != null) {
            wanted.add(request.groupCode());
        } else {
            wanted.addAll(finals.groups());
        }
        // the group's students now, page by page, keeping only names of the groups asked for
        Map<String, Map<String, String>> members = new HashMap<>();
        pages.forEachPage(college, ContingentIntake.STUDENT, null, null, PAGE, page -> page.forEach(stored -> {
            Student student = json.read(stored.payload(), Student.class);
            if (request.groupCode() == null || wanted.contains(student.groupCode())) {
                members.computeIfAbsent(student.groupCode(), code -> new HashMap<>()).put(stored.entityKey(), fullName(student.name()));
            }
        }));
        if (request.groupCode() == null) {
            wanted.addAll(members.keySet());
        }
        // students with a final mark in a group they have since left are named from their own record
        Set<String> elsewhere = new HashSet<>();
        finals.byGroup.forEach((group, students) -> students.keySet().stream()
                .filter(id -> !members.getOrDefault(group, Map.of()).containsKey(id)).forEach(elsewhere::add));
        Map<String, String> otherNames = new HashMap<>();
        canonical.payloads(college, ContingentIntake.STUDENT, elsewhere)
                .forEach((id, payload) -> otherNames.put(id, fullName(json.read(payload, Student.class).name())));
        Map<String, String> specialties = new HashMap<>();
        Map<String, String> disciplineNames = new HashMap<>();
        canonical.payloads(college, ReferenceIntake.REFERENCE).values().forEach(payload -> {
            ReferenceItem item = json.read(payload, ReferenceItem.class);
            if (item.kind() == ReferenceKind.SPECIALTY) {
                specialties.put(item.code(), item.name());
            } else if (item.kind() == ReferenceKind.DISCIPLINE) {
                disciplineNames.put(item.code(), item.name());
            }
        });
        String collegeName = colleges.settings(college).name();
        String year = schoolYear(request.from());
        List<SummaryStatement> statements = new ArrayList<>();
        for (String groupCode : new java.util.TreeSet<>(wanted)) {
            Group group = groups.get(groupCode);
            Map<String, Map<String, Mark>> marks = finals.byGroup.getOrDefault(groupCode, Map.of());
            List<SummaryStatement.Discipline> disciplines = marks.values().stream().flatMap(byDiscipline -> byDiscipline.keySet().stream())
                    .distinct().sorted(DISCIPLINE_ORDER).map(code -> new SummaryStatement.Discipline(code, disciplineNames.get(code))).toList();
            Map<String, String> names = new HashMap<>(members.getOrDefault(groupCode, Map.of()));
            marks.keySet().forEach(id -> names.putIfAbsent(id, otherNames.getOrDefault(id, "обучающийся " + id)));
            List<SummaryStatement.StudentMarks> students = names.entrySet().stream()
                    .map(entry -> new SummaryStatement.StudentMarks(entry.getValue(), texts(marks.getOrDefault(entry.getKey(), Map.of()))))
                    .sorted(Comparator.comparing(SummaryStatement.StudentMarks::fullName, RUSSIAN)).toList();
            String specialtyCode = group == null ? null : group.specialtyCode();
            statements.add(new SummaryStatement(collegeName, groupCode, specialtyCode, specialtyCode == null ? null : specialties.get(specialtyCode),
                    group == null ? null : group.course(), year, disciplines, students, SummaryStatement.SIGNATURES));
        }
        return statements;
    }

    /** The school year a date falls in, as printed: 1 September starts a new one ("2025/2026"). */
    static String schoolYear(LocalDate date) {
        int start = date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1;
        return start + "/" + (start + 1);
    }

    /** Фамилия Имя Отчество, as an official document prints it. */
    static String fullName(PersonName name) {
        return name.lastName() + " " + name.firstName() + (name.middleName() == null ? "" : " " + name.middleName());
    }

    private static Map<String, String> texts(Map<String, Mark> byDiscipline) {
        Map<String, String> texts = new HashMap<>();
        byDiscipline.forEach((discipline, mark) -> texts.put(discipline, mark.value().text()));
        return texts;
    }

    private static final Collator RUSSIAN = Collator.getInstance(Locale.forLanguageTag("ru"));

    /**
     * The curriculum's order of cycles (ФГОС СПО): general education, the social-humanities and natural-science cycles,
     * general professional disciplines, then each professional module with its МДК and practices, then the final ones.
     */
    private static final List<List<String>> CYCLES = List.of(List.of("ОУД", "ОД", "ОУП", "ОДБ", "ОДП", "УД", "ПОО", "ДУД"),
            List.of("ОГСЭ", "СГ"), List.of("ЕН"), List.of("ОП", "ОПЦ"), List.of("ПМ", "МДК", "УП", "ПП"), List.of("ПДП"), List.of("ГИА"));

    /**
     * Disciplines in the curriculum's order: by cycle; within the professional cycle by module (ПМ.01, МДК.01.01,
     * УП.01, ПП.01, then ПМ.02…); numbers compared as numbers (ОУД.02 before ОУД.10); unknown codes last, by code.
     */
    static final Comparator<String> DISCIPLINE_ORDER = Comparator.<String>comparingInt(code -> cycle(prefix(code)))
            .thenComparing(code -> numbers(code).isEmpty() ? -1 : numbers(code).get(0))
            .thenComparingInt(code -> CYCLES.get(Math.min(cycle(prefix(code)), CYCLES.size() - 1)).indexOf(prefix(code)))
            .thenComparing(SummaryStatements::numbers, (a, b) -> {
                for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                    int compared = Long.compare(a.get(i), b.get(i));
                    if (compared != 0) {
                        return compared;
                    }
                }
                return Integer.compare(a.size(), b.size());
            })
            .thenComparing(Comparator.naturalOrder());

    private static String prefix(String code) {
        return code.split("[.\\s\\d]", 2)[0].toUpperCase(Locale.ROOT);
    }

    private static int cycle(String prefix) {
        for (int i = 0; i < CYCLES.size(); i++) {
            if (CYCLES.get(i).contains(prefix)) {
                return i;
            }
        }
        return CYCLES.size();
    }

    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d{1,18}");

    private static List<Long> numbers(String code) {
        List<Long> numbers = new ArrayList<>();
        java.util.regex.Matcher digits = DIGITS.matcher(code);
        while (digits.find()) {
            numbers.add(Long.parseLong(digits.group()));
        }
        return numbers;
    }

    /**
     * Final marks as they come: per group, student and discipline, the latest mark of intermediate attestation not
     * removed (latest by date, then by when it was given, then by version).
     */
    static final class FinalMarks {

        private static final Comparator<Mark> LATEST = Comparator.comparing(Mark::date)
                .thenComparing(Mark::givenAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(Mark::version);

        final Map<String, Map<String, Map<String, Mark>>> byGroup = new TreeMap<>();

        void offer(Mark mark) {
            if (mark.deleted() || mark.workType() != WorkType.ATTESTATION || mark.value() == null) {
                return;
            }
            byGroup.computeIfAbsent(mark.groupCode(), group -> new HashMap<>())
                    .computeIfAbsent(mark.studentId(), student -> new HashMap<>())
                    .merge(mark.disciplineCode(), mark, (kept, offered) -> LATEST.compare(offered, kept) > 0 ? offered : kept);
        }

        Set<String> groups() {
            return byGroup.keySet();
        }
    }
}
