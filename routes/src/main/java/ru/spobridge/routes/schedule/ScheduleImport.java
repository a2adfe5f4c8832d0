package ru.spobridge.routes.schedule;

import ru.spobridge.routes.flow.FlowHeaders;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Header;
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
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.contingent.ContingentIntake;
import ru.spobridge.routes.staff.StaffIntake;
import ru.spobridge.routes.store.CanonicalRecords;

/**
 * An aSc Timetables export → dated lessons of a period: parsed as a stream, its teachers, groups, rooms and
 * subjects matched to canonical ones (mapping tables in config/ first, then codes, then normalised names), its cards
 * expanded over the period. Everything that could not be used is listed, by element and attribute.
 */
@Component
public class ScheduleImport {

    public static final String FROM = "spoFrom";
    public static final String TO = "spoTo";
    public static final String TERM_START = "spoTermStart";

    private final Colleges colleges;
    private final CanonicalRecords canonical;
    private final CanonicalJson json;
    private final ReferenceIntake reference;

    public ScheduleImport(Colleges colleges, CanonicalRecords canonical, CanonicalJson json, ReferenceIntake reference) {
        this.colleges = colleges;
        this.canonical = canonical;
        this.json = json;
        this.reference = reference;
    }

    public ScheduleSnapshot read(@Header(FlowHeaders.COLLEGE) String college, @Header("CamelFileName") String fileName, byte[] content,
                                 @Header(FROM) LocalDate from, @Header(TO) LocalDate to, @Header(TERM_START) LocalDate termStart) {
        String name = fileName == null ? "(расписание)" : fileName;
        AscTimetableParser.Result parsed = AscTimetableParser.parse(name, new StringReader(TextDecoding.decode(content).text()));
        AscMatching.Result matches = AscMatching.match(parsed.timetable(), explicit(college), candidates(college));
        AscExpansion.Result expanded = AscExpansion.expand(college, parsed.timetable(), matches, from, to, termStart == null ? from : termStart);
        List<RecordError> errors = new ArrayList<>(parsed.errors());
        errors.addAll(matches.errors());
        errors.addAll(expanded.errors());
        return new ScheduleSnapshot(college, name, from, to, parsed.timetable().cards().size(), expanded.lessons(), errors);
    }

    private Map<AscMatching.Kind, Map<String, String>> explicit(String college) {
        var settings = colleges.settings(college).schedule();
        Map<AscMatching.Kind, Map<String, String>> tables = new EnumMap<>(AscMatching.Kind.class);
        tables.put(AscMatching.Kind.TEACHER, settings.mapping("teachers"));
        tables.put(AscMatching.Kind.GROUP, settings.mapping("groups"));
        tables.put(AscMatching.Kind.SUBGROUP, settings.mapping("subgroups"));
        tables.put(AscMatching.Kind.ROOM, settings.mapping("rooms"));
        tables.put(AscMatching.Kind.SUBJECT, settings.mapping("subjects"));
        return tables;
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
