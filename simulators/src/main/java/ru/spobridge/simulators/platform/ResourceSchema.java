package ru.spobridge.simulators.platform;

import static ru.spobridge.simulators.platform.FieldSpec.oneOf;
import static ru.spobridge.simulators.platform.FieldSpec.optional;
import static ru.spobridge.simulators.platform.FieldSpec.required;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A platform resource: its kind, its path under {@code /integration/v1/} and its fields (canonical names). */
public record ResourceSchema(ResourceKind kind, String path, List<FieldSpec> fields) {

    /** Kinds of reference items, spelled the same on every platform. */
    public static final List<String> REFERENCE_KINDS = List.of("building", "room", "specialty", "curriculum",
            "discipline", "attestationPeriod", "controlForm", "bell");

    /** Attributes a reference item of a kind must have; attribute names are camelCase on every platform. */
    private static final Map<String, List<FieldSpec>> REFERENCE_ATTRIBUTES = Map.of(
            "room", List.of(required("building")),
            "curriculum", List.of(required("specialty"), required("form"), required("startYear")),
            "discipline", List.of(required("disciplineKind")),
            "attestationPeriod", List.of(required("from"), required("to")),
            "bell", List.of(required("start"), required("end")));

    /** Marks of the five-point scale, as text; a cell holds one or two of them. */
    public static final List<String> MARKS = List.of("5", "4", "3", "2");
    /**
     * Attestation results of ЭПОС and СГО: зачтено, академическая задолженность, не аттестован, не прошёл
     * промежуточную аттестацию по уважительной причине.
     */
    public static final List<String> ATTESTATION_CODES = List.of("зач", "а/з", "н/а", "НПА");
    /** Absence codes every platform takes: reason unknown, valid reason, no valid reason. */
    public static final List<String> ABSENCE_CODES = List.of("Н", "УП", "НУ");
    /** What a mark was given for; {@code attestation} is the only kind that takes an attestation result. */
    public static final List<String> WORK_TYPES = List.of("current", "written", "practical", "test", "attestation");
    /** Lesson keys with this prefix name a lesson by date, bell, group and discipline, posted or not. */
    public static final String LESSON_BY_DATE_PREFIX = "dbg:";

    public ResourceSchema {
        fields = List.copyOf(fields);
    }

    /** Whether the resource has a field of this canonical name. */
    public boolean has(String canonical) {
        return fields.stream().anyMatch(f -> f.name().equals(canonical));
    }

    /** {@code groups}: externalId, name, course, specialtyCode, form, subgroups[{code,name}]. */
    public static ResourceSchema groups() {
        return new ResourceSchema(ResourceKind.GROUPS, "groups", List.of(required("externalId"), required("name"),
                optional("course", FieldSpec.Type.INTEGER), optional("specialtyCode"), optional("form"),
                optional("subgroups", FieldSpec.Type.SUBGROUPS)));
    }

    /**
     * A school's {@code class_units}: externalId, name («7Б»), parallel (1–11), letter; the name must be the parallel
     * followed by the letter ({@link SchoolRules}).
     */
    public static ResourceSchema classUnits() {
        return new ResourceSchema(ResourceKind.GROUPS, "class_units", List.of(required("externalId"), required("name"),
                required("parallel", FieldSpec.Type.INTEGER), required("letter")));
    }

    /**
     * A school's students at {@code path}: as a college's, but e-mail and phone are optional, because schoolchildren
     * and their parents sign in through Госуслуги (seed 004 §1.11), and there is no study form or individual plan.
     */
    public static ResourceSchema schoolStudents(String path) {
        return new ResourceSchema(ResourceKind.STUDENTS, path, List.of(required("externalId"), required("lastName"),
                required("firstName"), optional("middleName"), required("birthDate"), optional("email"),
                optional("phone"), required("groupExternalId")));
    }

    /** Student profiles with the fields every platform shares, then the platform's own {@code extra} ones. */
    public static ResourceSchema students(String path, FieldSpec... extra) {
        List<FieldSpec> fields = new ArrayList<>(List.of(required("externalId"), required("lastName"),
                required("firstName"), optional("middleName"), required("birthDate"), required("email"),
                required("phone"), required("groupExternalId"), optional("studyForm"),
                optional("individualPlan", FieldSpec.Type.BOOLEAN)));
        fields.addAll(List.of(extra));
        return new ResourceSchema(ResourceKind.STUDENTS, path, fields);
    }

    /** {@code movements}: externalId, studentExternalId, kind, orderNo, orderDate, effectiveDate, toGroupExternalId?. */
    public static ResourceSchema movements() {
        return new ResourceSchema(ResourceKind.MOVEMENTS, "movements", List.of(required("externalId"),
                required("studentExternalId"), required("kind"), required("orderNo"), required("orderDate"),
                required("effectiveDate"), optional("toGroupExternalId")));
    }

    /** {@code guardians}: externalId, names, email, phone, relation?, studentExternalIds[] (at least one). */
    public static ResourceSchema guardians() {
        return new ResourceSchema(ResourceKind.GUARDIANS, "guardians", List.of(required("externalId"),
                required("lastName"), required("firstName"), optional("middleName"), required("email"),
                required("phone"), optional("relation"),
                new FieldSpec("studentExternalIds", FieldSpec.Type.TEXT_LIST, true)));
    }

    /** Staff accounts at {@code path}: externalId, names, email, phone, position, then the platform's {@code extra}. */
    public static ResourceSchema staff(String path, FieldSpec... extra) {
        List<FieldSpec> fields = new ArrayList<>(List.of(required("externalId"), required("lastName"),
                required("firstName"), optional("middleName"), required("email"), required("phone"),
                required("position")));
        fields.addAll(List.of(extra));
        return new ResourceSchema(ResourceKind.STAFF, path, fields);
    }

    /**
     * {@code substitutions}: externalId, absentTeacherExternalId, substituteTeacherExternalId, dateFrom, dateTo,
     * scope[{groupExternalId, disciplineCode}] (at least one).
     */
    public static ResourceSchema substitutions() {
        return new ResourceSchema(ResourceKind.SUBSTITUTIONS, "substitutions", List.of(required("externalId"),
                required("absentTeacherExternalId"), required("substituteTeacherExternalId"), required("dateFrom"),
                required("dateTo"), required("scope", FieldSpec.Type.SCOPE)));
    }

    /**
     * {@code workload}: externalId, teacherExternalId, groupExternalId, subgroupNo?, disciplineCode,
     * disciplineKind (УД/МДК/ПМ/практика), hours.
     */
    public static ResourceSchema workload() {
        return new ResourceSchema(ResourceKind.WORKLOAD, "workload", List.of(required("externalId"),
                required("teacherExternalId"), required("groupExternalId"),
                optional("subgroupNo", FieldSpec.Type.INTEGER), required("disciplineCode"),
                required("disciplineKind"), required("hours", FieldSpec.Type.INTEGER)));
    }

    /** {@code reference}: externalId (kind:code), kind, code, name, attributes {name: text} per kind. */
    public static ResourceSchema reference() {
        return new ResourceSchema(ResourceKind.REFERENCE, "reference", List.of(required("externalId"),
                oneOf("kind", REFERENCE_KINDS.toArray(String[]::new)), required("code"), required("name"),
                optional("attributes", FieldSpec.Type.TEXT_MAP)));
    }

    /** The attributes a reference item of {@code kind} needs, as fields of the attributes object. */
    public static List<FieldSpec> referenceAttributes(String kind) {
        return kind == null ? List.of() : REFERENCE_ATTRIBUTES.getOrDefault(kind, List.of());
    }

    /**
     * Dated lessons at {@code path}: externalId (the lesson key), date, groupExternalId, teacherExternalIds[]
     * (may be empty), room?, substituteTeacherExternalId?, then the platform's own fields: lesson number, times,
     * subgroup, subject and lesson state.
     */
    public static ResourceSchema schedule(String path, FieldSpec... own) {
        List<FieldSpec> fields = new ArrayList<>(List.of(required("externalId"), required("date"),
                required("groupExternalId"), optional("teacherExternalIds", FieldSpec.Type.TEXT_LIST),
                optional("room"), optional("substituteTeacherExternalId")));
        fields.addAll(List.of(own));
        return new ResourceSchema(ResourceKind.SCHEDULE, path, fields);
    }

    /** Lesson state of ЭПОС and АИС ЭПО: {@code status} planned, replaced or cancelled. */
    public static FieldSpec lessonStatus() {
        return oneOf("status", "planned", "replaced", "cancelled");
    }

    /**
     * {@code attestation_events}: externalId, kind (intermediate/stateFinal), date, start, groupExternalId,
     * disciplineCode, controlForm, room?, examinerExternalIds[] (at least one).
     */
    public static ResourceSchema attestationEvents() {
        return new ResourceSchema(ResourceKind.ATTESTATION_EVENTS, "attestation_events", List.of(
                required("externalId"), oneOf("kind", "intermediate", "stateFinal"), required("date"),
                required("start"), required("groupExternalId"), required("disciplineCode"),
                required("controlForm"), optional("room"),
                required("examinerExternalIds", FieldSpec.Type.TEXT_LIST)));
    }

    /**
     * Marks at {@code path}: externalId, studentExternalId, lessonKey (a posted lesson or a {@code dbg:} key),
     * workType, then the platform's own value fields ({@code own}), which carry its encoding.
     */
    public static ResourceSchema marks(String path, FieldSpec... own) {
        List<FieldSpec> fields = new ArrayList<>(List.of(required("externalId"), required("studentExternalId"),
                required("lessonKey"), oneOf("workType", WORK_TYPES.toArray(String[]::new))));
        fields.addAll(List.of(own));
        return new ResourceSchema(ResourceKind.MARKS, path, fields);
    }

    /** Absences at {@code path}: externalId, studentExternalId, lessonKey and the platform's {@code code} field. */
    public static ResourceSchema attendance(String path, FieldSpec code) {
        return new ResourceSchema(ResourceKind.ATTENDANCE, path, List.of(required("externalId"),
                required("studentExternalId"), required("lessonKey"), code));
    }

    /**
     * Lesson topics at {@code path}, one per lesson: externalId (the lesson key), lessonKey (a posted lesson or a
     * {@code dbg:} key), recordedAt (ISO 8601 instant), then the platform's own optional fields for the КТП number,
     * topic, work number and homework ({@code own}). An empty topic or homework is accepted: the journal may lack them.
     */
    public static ResourceSchema lessonTopics(String path, FieldSpec... own) {
        List<FieldSpec> fields = new ArrayList<>(List.of(required("externalId"), required("lessonKey"), required("recordedAt")));
        fields.addAll(List.of(own));
        return new ResourceSchema(ResourceKind.LESSONS, path, fields);
    }

    /** An optional positive whole weight of a mark. */
    public static FieldSpec weight() {
        return optional("weight", FieldSpec.Type.INTEGER);
    }
}
