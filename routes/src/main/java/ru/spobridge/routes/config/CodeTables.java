package ru.spobridge.routes.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import ru.spobridge.model.marks.AbsenceReason;
import ru.spobridge.model.staff.Position;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.store.CodeTableEntries;

/**
 * A college's code tables as the flows use them: the settings' defaults (the college's aSc mapping and mark scale,
 * the hub-wide positions) overlaid key by key by the rows an administrator stored. Read from the store on every call,
 * so a change takes effect at the next run without a restart.
 */
@Component
public class CodeTables {

    public static final String SETTINGS = "settings";
    public static final String STORE = "store";

    private final Colleges colleges;
    private final HubProperties properties;
    private final CodeTableEntries entries;

    public CodeTables(Colleges colleges, HubProperties properties, CodeTableEntries entries) {
        this.colleges = colleges;
        this.properties = properties;
        this.entries = entries;
    }

    /** One effective row and where it comes from: {@link #SETTINGS} or {@link #STORE}. */
    public record Entry(String sourceCode, String value, String origin, Integer version) {
    }

    public List<Entry> effective(String college, String table) {
        Map<String, Entry> rows = new TreeMap<>();
        defaults(college, table).forEach((code, value) -> rows.put(code, new Entry(code, value, SETTINGS, null)));
        for (CodeTableEntries.Entry stored : entries.entries(college, table)) {
            rows.put(stored.sourceCode(), new Entry(stored.sourceCode(), stored.value(), STORE, stored.version()));
        }
        return new ArrayList<>(rows.values());
    }

    /** source code → value of one table. */
    public Map<String, String> table(String college, String table) {
        Map<String, String> values = new LinkedHashMap<>();
        effective(college, table).forEach(entry -> values.put(entry.sourceCode(), entry.value()));
        return values;
    }

    /** An aSc mapping table by its settings name (teachers, groups, subgroups, rooms, subjects): short / name / partner_id → code. */
    public Map<String, String> ascMapping(String college, String kind) {
        return table(college, "asc." + kind);
    }

    /** Another scale's value (lower case) → five-point mark text. */
    public Map<String, String> markScale(String college) {
        return table(college, CodeTableRules.MARK_SCALE);
    }

    /** The college's own absence codes (lower case) → canonical reason. */
    public Map<String, AbsenceReason> absenceReasons(String college) {
        Map<String, AbsenceReason> reasons = new HashMap<>();
        table(college, CodeTableRules.ABSENCE_REASONS).forEach((code, value) -> reasons.put(code, AbsenceReason.fromCode(value)));
        return reasons;
    }

    /** Position code in the HR system → title and journal role. */
    public Map<String, Position> positions(String college) {
        Map<String, Position> positions = new HashMap<>();
        table(college, CodeTableRules.POSITIONS).forEach((code, value) -> {
            CodeTableRules.PositionValue position = CodeTableRules.position(CodeTableRules.POSITIONS, value);
            positions.put(code, new Position(code, position.title(), position.role()));
        });
        return positions;
    }

    private Map<String, String> defaults(String college, String table) {
        Map<String, String> values = new HashMap<>();
        switch (table) {
            case CodeTableRules.MARK_SCALE -> colleges.settings(college).marks().scale()
                    .forEach((code, value) -> values.put(CodeTableRules.key(table, code), value));
            case CodeTableRules.POSITIONS -> properties.staff().positions()
                    .forEach((code, position) -> values.put(code, CodeTableRules.positionJson(position.title(), position.role())));
            case CodeTableRules.ABSENCE_REASONS -> {
                // no defaults: a journal writes Н, УП or НУ unless the college says otherwise
            }
            default -> {
                if (table.startsWith("asc.")) {
                    values.putAll(colleges.settings(college).schedule().mapping(table.substring("asc.".length())));
                }
            }
        }
        return values;
    }
}
