package ru.spobridge.simulators.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A batch item built with canonical camelCase names; the test spells it the platform's way. */
public final class Item {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Item() {
    }

    public static Item group(String code) {
        return new Item().with("externalId", code).with("name", code + " Технология машиностроения")
                .with("course", 2).with("specialtyCode", "15.02.16").with("form", "очная")
                .with("subgroups", List.of(Map.of("code", "1", "name", "Подгруппа 1")));
    }

    public static Item student(String externalId, String group) {
        return new Item().with("externalId", externalId).with("lastName", "Тестова").with("firstName", "Анна")
                .with("middleName", "Сергеевна").with("birthDate", "2007-03-14")
                .with("email", externalId.replace("-", "") + "@demo.spo-college.example")
                .with("phone", "+79123456789").with("groupExternalId", group).with("studyForm", "очная")
                .with("individualPlan", false);
    }

    public static Item movement(String externalId, String student, String kind, String effectiveDate) {
        return new Item().with("externalId", externalId).with("studentExternalId", student).with("kind", kind)
                .with("orderNo", "101-к").with("orderDate", effectiveDate).with("effectiveDate", effectiveDate);
    }

    public static Item guardian(String externalId, String... students) {
        return new Item().with("externalId", externalId).with("lastName", "Тестова").with("firstName", "Ольга")
                .with("email", "mother@demo.spo-college.example").with("phone", "+79120000102")
                .with("relation", "мать").with("studentExternalIds", List.of(students));
    }

    public static Item staff(String externalId) {
        return new Item().with("externalId", externalId).with("lastName", "Примерова").with("firstName", "Анна")
                .with("middleName", "Борисовна").with("email", externalId.replace("-", "") + "@demo.spo-college.example")
                .with("phone", "+79000000201").with("position", "Преподаватель");
    }

    /** A substitution of {@code absent} by {@code substitute} in one group and discipline, 1–14 Feb 2026. */
    public static Item substitution(String externalId, String absent, String substitute, String group,
                                    String discipline) {
        return new Item().with("externalId", externalId).with("absentTeacherExternalId", absent)
                .with("substituteTeacherExternalId", substitute).with("dateFrom", "2026-02-01")
                .with("dateTo", "2026-02-14").with("scope", List.of(scope(group, discipline)));
    }

    /** One element of a substitution scope. */
    public static Map<String, Object> scope(String group, String discipline) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("groupExternalId", group);
        cell.put("disciplineCode", discipline);
        return cell;
    }

    public static Item workload(String externalId, String teacher, String group, String discipline) {
        return new Item().with("externalId", externalId).with("teacherExternalId", teacher)
                .with("groupExternalId", group).with("subgroupNo", 1).with("disciplineCode", discipline)
                .with("disciplineKind", "МДК").with("hours", 72);
    }

    /** An item with only its externalId; the test adds the rest. */
    public static Item of(String externalId) {
        return new Item().with("externalId", externalId);
    }

    /** A reference item {@code kind:code} with attributes given as name, value, name, value… (camelCase everywhere). */
    public static Item reference(String kind, String code, String... attributes) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            values.put(attributes[i], attributes[i + 1]);
        }
        return of(kind + ":" + code).with("kind", kind).with("code", code).with("name", code + " (название)")
                .with("attributes", values);
    }

    /** An exam of one group in one discipline on 20 Jan 2026 at 9:00 with one examiner. */
    public static Item attestationEvent(String externalId, String group) {
        return of(externalId).with("kind", "intermediate").with("date", "2026-01-20").with("start", "9:00")
                .with("groupExternalId", group).with("disciplineCode", "МДК.01.01").with("controlForm", "экзамен")
                .with("room", "214").with("examinerExternalIds", List.of("stf-000201"));
    }

    /** A planned first pair of {@code group} on Monday 2 Feb 2026 with one teacher in room 214, in a dialect. */
    public static Item lesson(String externalId, String group, LessonDialect d) {
        return of(externalId).with("date", "2026-02-02").with(d.number(), 1).with("start", "8:30")
                .with("end", "10:00").with("groupExternalId", group).with(d.subject(), "МДК.01.01")
                .with("teacherExternalIds", List.of("stf-000201")).with("room", "214").with(d.state(), d.planned());
    }

    public Item with(String canonical, Object value) {
        fields.put(canonical, value);
        return this;
    }

    public Item without(String canonical) {
        fields.remove(canonical);
        return this;
    }

    /** The fields as the platform names them, objects inside lists too. */
    public Map<String, Object> spelled(FieldNaming naming) {
        return spelled(fields, naming);
    }

    private static Map<String, Object> spelled(Map<?, ?> fields, FieldNaming naming) {
        Map<String, Object> wire = new LinkedHashMap<>();
        fields.forEach((name, value) -> wire.put(naming.wire((String) name), value instanceof List<?> list
                ? list.stream().map(e -> e instanceof Map<?, ?> map ? spelled(map, naming) : e).toList() : value));
        return wire;
    }
}
