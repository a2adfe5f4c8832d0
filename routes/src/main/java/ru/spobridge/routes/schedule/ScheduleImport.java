package ru.spobridge.routes.schedule;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.files.TextDecoding;
import ru.spobridge.mappings.asc.AscExpansion;
import ru.spobridge.mappings.asc.AscMatching;
import ru.spobridge.mappings.asc.AscTimetableParser;
import ru.spobridge.model.Group;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.reference.ReferenceKind;
import ru.spobridge.model.staff.StaffMember;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.config.CodeTables;
import ru.spobridge.routes.contingent.ContingentIntake;
import ru.spobridge.routes.staff.StaffIntake;
import ru.spobridge.routes.store.CanonicalRecords;

/**
 * An aSc Timetables export → dated lessons of a period: parsed as a stream, its teachers, groups, rooms and
 * subjects matched to canonical ones (the college's code tables first, then codes, then normalised names), its cards
 * expanded over the period. Everything that could not be used is listed, by element and attribute.
 */
@Component
public class ScheduleImport {

    public static final String FROM = "spoFrom";
    public static final String TO = "spoTo";
    public static final String TERM_START = "spoTermStart";
    /** Which term (1-based) of the export's termsdefs the period lies in; 1 when not given. */
    public static final String TERM = "spoTerm";

    private final CodeTables codeTables;
    private final CanonicalRecords canonical;
    private final CanonicalJson json;
    private final ReferenceIntake reference;

    public ScheduleImport(CodeTables codeTables, CanonicalRecords canonical, CanonicalJson json, ReferenceIntake reference) {
        this.codeTables = codeTables;
        this.canonical = canonical;
        this.json = json;
        this.reference = reference;
    }

    public ScheduleSnapshot read(String college, String fileName, byte[] content, LocalDate from, LocalDate to, LocalDate termStart) {
        return read(college, fileName, content, from, to, termStart, 1);
    }

    public ScheduleSnapshot read(String college, String fileName, byte[] content, LocalDate from, LocalDate to, LocalDate termStart,
                                 int term) {
        String name = fileName == null ? "(расписание)" : fileName;
        AscTimetableParser.Result parsed = AscTimetableParser.parse(name, new StringReader(TextDecoding.decode(content).text()));
        if (parsed.refused()) {
            return ScheduleSnapshot.refused(college, name, from, to, parsed.refusal());
        }
        AscMatching.Result matches = AscMatching.match(parsed.timetable(), explicit(college), candidates(college));
        AscExpansion.Result expanded = AscExpansion.expand(college, parsed.timetable(), matches, from, to, termStart == null ? from : termStart,
                term);
        List<RecordError> errors = new ArrayList<>(parsed.errors());
        errors.addAll(matches.errors());
        errors.addAll(expanded.errors());
        return new ScheduleSnapshot(college, name, from, to, parsed.cardsRead(), expanded.lessons(), errors, matches.unmatched(),
                parsed.lessonsRead(), parsed.refusedCards() + expanded.rejectedCards(), expanded.skippedCards(), null,
                keysWithoutDefect(matches, expanded));
    }

    /** Elements matched and cards placed (or left out by their mask) without a defect: their earlier rejections are closed. */
    private static List<String> keysWithoutDefect(AscMatching.Result matches, AscExpansion.Result expanded) {
        List<String> keys = new ArrayList<>(matches.matchedKeys());
        keys.addAll(expanded.acceptedCardKeys());
        return keys;
    }

    private Map<AscMatching.Kind, Map<String, String>> explicit(String college) {
        Map<AscMatching.Kind, Map<String, String>> tables = new EnumMap<>(AscMatching.Kind.class);
        for (AscMatching.Kind kind : AscMatching.Kind.values()) {
            tables.put(kind, codeTables.ascMapping(college, table(kind)));
        }
        return tables;
    }

    /** The settings name of a kind's mapping table (spo.colleges.<id>.schedule.mapping.<name>, code table asc.<name>). */
    public static String table(AscMatching.Kind kind) {
        return AscMatching.tableName(kind);
    }

    /** The canonical codes a mapping row of this kind may point at; null for subgroups, whose codes are not listed anywhere. */
    public java.util.Set<String> canonicalCodes(String college, AscMatching.Kind kind) {
        return kind == AscMatching.Kind.SUBGROUP ? null : new java.util.HashSet<>(candidates(college).get(kind).keySet());
    }

    /** Canonical codes and names: staff from HR, groups from the registry, rooms and disciplines from справочники. */
    private Map<AscMatching.Kind, Map<String, String>> candidates(String college) {
        Map<AscMatching.Kind, Map<String, String>> candidates = new EnumMap<>(AscMatching.Kind.class);
        Map<String, String> teachers = new HashMap<>();
        canonical.payloads(college, StaffIntake.MEMBER).forEach((key, payload) -> {
            StaffMember member = json.read(payload, StaffMember.class);
            teachers.put(key, member.name().lastName() + " " + member.name().firstName()
                    + (member.name().middleName() == null ? "" : " " + member.name().middleName()));
        });
        Map<String, String> groups = new HashMap<>();
        canonical.payloads(college, ContingentIntake.GROUP).forEach((key, payload) -> groups.put(key, json.read(payload, Group.class).name()));
        candidates.put(AscMatching.Kind.TEACHER, teachers);
        candidates.put(AscMatching.Kind.GROUP, groups);
        candidates.put(AscMatching.Kind.SUBGROUP, Map.of());
        candidates.put(AscMatching.Kind.ROOM, reference.names(college, ReferenceKind.ROOM));
        candidates.put(AscMatching.Kind.SUBJECT, reference.names(college, ReferenceKind.DISCIPLINE));
        return candidates;
    }
}
