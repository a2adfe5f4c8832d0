package ru.spobridge.app.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.spobridge.mappings.asc.AscMatching;
import ru.spobridge.model.PersonalDataMask;
import ru.spobridge.routes.config.CodeTableRules;
import ru.spobridge.routes.config.region.SettingError;
import ru.spobridge.routes.schedule.ScheduleImport;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.CodeTableEntries;

/**
 * One checked, audited change of a code table row, shared by the admin API and the mapping made from an unmatched
 * aSc element: a refused value changes nothing; an aSc row must point at a code the college has.
 */
@Component
public class CodeTableChanges {

    private final CodeTableEntries entries;
    private final ScheduleImport schedule;
    private final AuditLog audit;

    public CodeTableChanges(CodeTableEntries entries, ScheduleImport schedule, AuditLog audit) {
        this.entries = entries;
        this.schedule = schedule;
        this.audit = audit;
    }

    /** The outcome: the refused fields, or the row's key and version. */
    public record Outcome(List<SettingError> errors, String sourceCode, int version) {
    }

    @Transactional
    public Outcome put(String college, String table, String sourceCode, String value, String reason, String actor) {
        List<SettingError> errors = CodeTableRules.check(table, sourceCode, value, knownCodes(college, table));
        if (!errors.isEmpty()) {
            return new Outcome(errors, null, 0);
        }
        String key = CodeTableRules.key(table, sourceCode);
        int version = entries.put(college, table, key, value.strip(), reason, actor);
        audit.record(actor, "CODE_TABLE_SET", college, table + " " + shown(table, key), "версия " + version);
        return new Outcome(List.of(), key, version);
    }

    @Transactional
    public boolean remove(String college, String table, String sourceCode, String reason, String actor) {
        String key = CodeTableRules.key(table, sourceCode);
        boolean removed = entries.remove(college, table, key, reason, actor);
        if (removed) {
            audit.record(actor, "CODE_TABLE_REMOVED", college, table + " " + shown(table, key), null);
        }
        return removed;
    }

    /** A source code as it may be shown or audited: a teacher's row is keyed by the teacher's name, so it is masked. */
    public static String shown(String table, String sourceCode) {
        return CodeTableRules.ASC_TEACHERS.equals(table) ? maskedPerson(sourceCode) : sourceCode;
    }

    /** «Новикова И.П.» or «Новикова Ирина Павловна» → «Н******а И. П.»; a short code such as «НовИП» → «Н***П». */
    public static String maskedPerson(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        String[] words = text.strip().split("[\\s.]+");
        return PersonalDataMask.maskName(words[0], words.length > 1 ? words[1] : null, words.length > 2 ? words[2] : null);
    }

    /** The kind of an aSc table (asc.teachers → TEACHER), empty for the other tables. */
    public static Optional<AscMatching.Kind> ascKind(String table) {
        return Arrays.stream(AscMatching.Kind.values()).filter(kind -> table.equals("asc." + ScheduleImport.table(kind))).findFirst();
    }

    private Set<String> knownCodes(String college, String table) {
        return ascKind(table).map(kind -> schedule.canonicalCodes(college, kind)).orElse(null);
    }
}
