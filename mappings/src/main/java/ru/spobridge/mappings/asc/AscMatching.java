package ru.spobridge.mappings.asc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.spobridge.model.RecordError;

/**
 * Matches the elements of an aSc export to canonical codes, because aSc ids change with every export: first the
 * college's explicit mapping table (keyed by aSc {@code short}, then {@code name}, then {@code partner_id}), then a
 * canonical code equal to one of those, then the normalized name (a subject name that starts with its code counts;
 * a teacher's «Фамилия И.О.» meets «Фамилия Имя Отчество»). A short or name carried by two elements of the file
 * is not used; an element left without a code is reported for the operator by its id, never by its name.
 */
public final class AscMatching {

    /** What is matched; a subgroup is an aSc {@code group} with {@code divisiontag>0}, its explicit table keyed by group name. */
    public enum Kind {
        TEACHER("teacher", "UNMATCHED_TEACHER", "преподаватель", "не найден"),
        GROUP("class", "UNMATCHED_GROUP", "класс", "не найден"),
        SUBGROUP("group", "UNMATCHED_GROUP", "группа", "не найдена"),
        ROOM("classroom", "UNMATCHED_ROOM", "аудитория", "не найдена"),
        SUBJECT("subject", "UNMATCHED_SUBJECT", "предмет", "не найден");

        final String element;
        final String unmatched;
        final String noun;
        final String notFound;

        Kind(String element, String unmatched, String noun, String notFound) {
            this.element = element;
            this.unmatched = unmatched;
            this.noun = noun;
            this.notFound = notFound;
        }
    }

    /** An explicit mapping row that points at a code the college's reference data does not have. */
    public static final String MAPPING_TARGET_UNKNOWN = "MAPPING_TARGET_UNKNOWN";

    /**
     * How an operator finds an element in aSc: short name, name in brackets, the export's id in square brackets —
     * «класс 11-Б (11 Б класс) [5E3FEB87026DA81A]». A teacher's names are personal data: a masked short name and the id.
     */
    public static String label(Kind kind, String id, String shortName, String name) {
        String shortText = blankToNull(shortName);
        String nameText = blankToNull(name);
        StringBuilder label = new StringBuilder(kind.noun).append(' ');
        if (kind == Kind.TEACHER) {
            label.append(masked(shortText != null ? shortText : nameText));
        } else if (shortText == null) {
            label.append("(без краткого имени) ").append(nameText == null ? "" : "«" + nameText + "»");
        } else {
            label.append(shortText);
            if (nameText != null && !nameText.equals(shortText)) {
                label.append(" (").append(nameText).append(')');
            }
        }
        return label.toString().strip() + " [" + id + "]";
    }

    /**
     * The rejection key of an element, stable across exports (aSc ids are not): kind and short name, else name; so a
     * later import that matches the element closes the rejection. A teacher's key holds the masked short name.
     */
    public static String key(Kind kind, String id, String shortName, String name) {
        String mapping = blankToNull(shortName) != null ? shortName.strip() : blankToNull(name);
        if (mapping == null) {
            return kind.element + " id=" + id;
        }
        return kind.element + " " + (kind == Kind.TEACHER ? masked(mapping) : mapping);
    }

    private static String masked(String personal) {
        if (personal == null) {
            return "—";
        }
        String[] words = personal.strip().split("[\\s.]+");
        return ru.spobridge.model.PersonalDataMask.maskName(words[0], words.length > 1 ? words[1] : null, words.length > 2 ? words[2] : null);
    }

    /** An aSc group: its class, and the subgroup code when it is a подгруппа (null for the entire class). */
    public record GroupMatch(String classId, String subgroupCode, int divisionTag) {
    }

    /**
     * An element no table or name matched, with what an operator needs to map it: kept apart from the errors
     * because a teacher's name is personal data and only the store may hold it, never a rejection or a log.
     */
    public record Unmatched(Kind kind, String ascId, String shortName, String name) {

        /** The key a mapping row for this element uses: the short name, else the name (ids change with each export). */
        public String mappingKey() {
            return shortName != null && !shortName.isBlank() ? shortName.strip() : name == null ? "" : name.strip();
        }

        /** The key of the rejection this element caused, as listed in {@link Result#errors()}. */
        public String recordKey() {
            return key(kind, ascId, shortName, name);
        }
    }

    /**
     * aSc id → canonical code per kind, every element left unmatched or ambiguous, the unmatched ones in detail, and
     * the rejection keys of the elements matched without a defect (to close what earlier imports rejected).
     */
    public record Result(Map<String, String> teachers, Map<String, String> classes, Map<String, GroupMatch> groups,
                         Map<String, String> rooms, Map<String, String> subjects, List<RecordError> errors, List<Unmatched> unmatched,
                         Set<String> matchedKeys) {

        public Result {
            matchedKeys = Set.copyOf(matchedKeys);
            teachers = Map.copyOf(teachers);
            classes = Map.copyOf(classes);
            groups = Map.copyOf(groups);
            rooms = Map.copyOf(rooms);
            subjects = Map.copyOf(subjects);
            errors = List.copyOf(errors);
            unmatched = List.copyOf(unmatched);
        }

        public Result(Map<String, String> teachers, Map<String, String> classes, Map<String, GroupMatch> groups,
                      Map<String, String> rooms, Map<String, String> subjects, List<RecordError> errors) {
            this(teachers, classes, groups, rooms, subjects, errors, List.of(), Set.of());
        }
    }

    public static final String AMBIGUOUS = "AMBIGUOUS_SHORT_NAME";

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern CODE_PREFIX = Pattern.compile("^(\\S*\\d\\S*)\\s+(.+)$");

    private AscMatching() {
    }

    /**
     * @param explicit   per kind, the college's mapping table: aSc short / name / partner_id → canonical code
     * @param candidates per kind, canonical code → canonical name
     */
    public static Result match(AscTimetable timetable, Map<Kind, Map<String, String>> explicit, Map<Kind, Map<String, String>> candidates) {
        List<RecordError> errors = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        Set<String> matched = new LinkedHashSet<>();
        Map<String, String> teachers = new HashMap<>();
        var teacherDirectory = new Directory(Kind.TEACHER, explicit, candidates,
                timetable.teachers().stream().map(t -> List.of(nz(t.shortName()), nz(t.name()), nz(t.partnerId()))).toList());
        for (var t : timetable.teachers()) {
            List<String> probes = new ArrayList<>(List.of(nz(t.name()), nz(t.shortName())));
            if (t.lastName() != null) {
                probes.add(t.lastName() + " " + nz(t.firstName()));
            }
            teacherDirectory.match(t.id(), t.shortName(), t.name(), t.partnerId(), probes, teachers, errors, unmatched, matched);
        }
        Map<String, String> classes = new HashMap<>();
        var classDirectory = new Directory(Kind.GROUP, explicit, candidates,
                timetable.classes().stream().map(c -> List.of(nz(c.shortName()), nz(c.name()), nz(c.partnerId()))).toList());
        for (var c : timetable.classes()) {
            classDirectory.match(c.id(), c.shortName(), c.name(), c.partnerId(), List.of(nz(c.name()), nz(c.shortName())), classes, errors, unmatched, matched);
        }
        Map<String, String> rooms = new HashMap<>();
        var roomDirectory = new Directory(Kind.ROOM, explicit, candidates,
                timetable.classrooms().stream().map(r -> List.of(nz(r.shortName()), nz(r.name()), nz(r.partnerId()))).toList());
        for (var r : timetable.classrooms()) {
            roomDirectory.match(r.id(), r.shortName(), r.name(), r.partnerId(), List.of(nz(r.name()), nz(r.shortName())), rooms, errors, unmatched, matched);
        }
        Map<String, String> subjects = new HashMap<>();
        var subjectDirectory = new Directory(Kind.SUBJECT, explicit, candidates,
                timetable.subjects().stream().map(s -> List.of(nz(s.shortName()), nz(s.name()), nz(s.partnerId()))).toList());
        for (var s : timetable.subjects()) {
            List<String> probes = new ArrayList<>(List.of(nz(s.name()), nz(s.shortName())));
            Matcher prefix = CODE_PREFIX.matcher(nz(s.name()).strip());
            if (prefix.matches()) {
                probes.add(prefix.group(1));
                probes.add(prefix.group(2));
            }
            subjectDirectory.match(s.id(), s.shortName(), s.name(), s.partnerId(), probes, subjects, errors, unmatched, matched);
        }
        Set<String> rejectedKeys = new HashSet<>();
        errors.forEach(error -> rejectedKeys.add(error.recordKey()));
        matched.removeAll(rejectedKeys);
        return new Result(teachers, classes, subgroups(timetable, explicit.getOrDefault(Kind.SUBGROUP, Map.of())), rooms, subjects, errors,
                unmatched, matched);
    }

    /** Subgroup code: the explicit table by group name, else the number in the name («1 подгруппа» → 1), else the position in its division. */
    private static Map<String, GroupMatch> subgroups(AscTimetable timetable, Map<String, String> explicit) {
        Map<String, GroupMatch> groups = new HashMap<>();
        Map<String, Integer> positions = new HashMap<>();
        for (var g : timetable.groups()) {
            if (!g.isSubgroup()) {
                groups.put(g.id(), new GroupMatch(g.classId(), null, g.divisionTag()));
                continue;
            }
            int position = positions.merge(g.classId() + "#" + g.divisionTag(), 1, Integer::sum);
            String code = explicit.get(nz(g.name()).strip());
            if (code == null) {
                Matcher number = NUMBER.matcher(nz(g.name()));
                code = number.find() ? String.valueOf(Integer.parseInt(number.group())) : String.valueOf(position);
            }
            groups.put(g.id(), new GroupMatch(g.classId(), code, g.divisionTag()));
        }
        return groups;
    }

    /** One kind's mapping table, candidates and their normalized index, and the keys the file itself makes ambiguous. */
    private static final class Directory {
        private final Kind kind;
        private final Map<String, String> explicit;
        private final Map<String, String> candidates;
        private final Map<String, Set<String>> index;
        private final Set<String> sharedKeys = new LinkedHashSet<>();

        Directory(Kind kind, Map<Kind, Map<String, String>> explicit, Map<Kind, Map<String, String>> candidates, List<List<String>> fileKeys) {
            this.kind = kind;
            this.explicit = explicit.getOrDefault(kind, Map.of());
            this.candidates = candidates.getOrDefault(kind, Map.of());
            this.index = index(kind, this.candidates);
            Map<String, Integer> counts = new HashMap<>();
            for (List<String> keys : fileKeys) {
                keys.stream().map(String::strip).filter(k -> !k.isEmpty()).distinct().forEach(k -> counts.merge(k, 1, Integer::sum));
            }
            counts.forEach((key, count) -> {
                if (count > 1) {
                    sharedKeys.add(key);
                }
            });
        }

        void match(String id, String shortName, String name, String partnerId, List<String> probes, Map<String, String> into,
                   List<RecordError> errors, List<Unmatched> unmatched, Set<String> matched) {
            List<String> keys = new ArrayList<>();
            boolean shortShared = false;
            for (String key : new String[] {shortName, name, partnerId}) {
                if (key != null && !key.isBlank()) {
                    if (sharedKeys.contains(key.strip())) {
                        shortShared |= key == shortName;
                    } else {
                        keys.add(key.strip());
                    }
                }
            }
            String element = key(kind, id, shortName, name);
            String label = label(kind, id, shortName, name);
            String mappedKey = keys.stream().filter(explicit::containsKey).findFirst().orElse(null);
            if (mappedKey != null && !candidates.containsKey(explicit.get(mappedKey))) {
                // a mapping typed wrong must not send lessons to a code no platform knows
                errors.add(new RecordError(element, "mapping", MAPPING_TARGET_UNKNOWN, "Сопоставление «" + (kind == Kind.TEACHER
                        ? masked(mappedKey) : mappedKey) + "» → «" + explicit.get(mappedKey) + "» для " + label + " указывает на код, которого"
                        + " нет в справочнике колледжа — исправьте строку таблицы сопоставления asc." + tableName(kind)));
                return;
            }
            String code = mappedKey != null ? explicit.get(mappedKey)
                    : keys.stream().filter(candidates::containsKey).findFirst().orElse(null);
            Set<String> found = Set.of();
            if (code == null) {
                for (String probe : probes) {
                    if (!probe.isBlank() && !sharedKeys.contains(probe.strip())) {
                        found = index.getOrDefault(normalized(kind, probe), Set.of());
                        if (!found.isEmpty()) {
                            break;
                        }
                    }
                }
                code = found.size() == 1 ? found.iterator().next() : null;
            }
            if (code != null) {
                into.put(id, code);
                matched.add(element);
            } else if (found.size() > 1 || keys.isEmpty() && (shortShared || blankToNull(name) != null)) {
                // ambiguous only when nothing else (name, partner_id, a mapping) tells the element apart
                errors.add(new RecordError(element, found.size() > 1 ? "name" : "short", AMBIGUOUS, label
                        + ": краткое имя и название неоднозначны (подходят к нескольким) — укажите соответствие в таблице сопоставления asc."
                        + tableName(kind)));
            } else {
                // a shared short name cannot key a mapping row: the operator maps this one by its name
                unmatched.add(new Unmatched(kind, id, shortShared ? null : blankToNull(shortName), blankToNull(name)));
                errors.add(new RecordError(element, "short", kind.unmatched, label + " " + kind.notFound
                        + " в справочнике колледжа — укажите соответствие в таблице сопоставления asc." + tableName(kind)
                        + " по " + (shortShared || blankToNull(shortName) == null ? "названию" : "краткому имени")));
            }
        }
    }

    /** The name of a kind's mapping table (code table asc.<name>, spo.colleges.<id>.schedule.mapping.<name>). */
    public static String tableName(Kind kind) {
        return switch (kind) {
            case TEACHER -> "teachers";
            case GROUP -> "groups";
            case SUBGROUP -> "subgroups";
            case ROOM -> "rooms";
            case SUBJECT -> "subjects";
        };
    }

    /** Normalized code and name of each candidate → the codes they belong to. */
    private static Map<String, Set<String>> index(Kind kind, Map<String, String> candidates) {
        Map<String, Set<String>> index = new LinkedHashMap<>();
        Function<String, Set<String>> slot = key -> index.computeIfAbsent(key, k -> new LinkedHashSet<>());
        candidates.forEach((code, name) -> {
            slot.apply(normalized(kind, code)).add(code);
            if (name != null && !name.isBlank()) {
                slot.apply(normalized(kind, name)).add(code);
            }
        });
        index.remove("");
        return index;
    }

    /** Lower case, ё→е, dots stripped, spaces collapsed; a teacher's name shortened to «фамилия ио». */
    static String normalized(Kind kind, String value) {
        String plain = value.toLowerCase(Locale.ROOT).replace('ё', 'е');
        if (kind != Kind.TEACHER) {
            return plain.replace(".", "").replaceAll("\\s+", " ").strip();
        }
        String[] words = plain.replace('.', ' ').strip().split("\\s+");
        StringBuilder initials = new StringBuilder();
        for (int i = 1; i < words.length; i++) {
            initials.append(words[i].charAt(0));
        }
        return initials.isEmpty() ? words[0] : words[0] + " " + initials;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
