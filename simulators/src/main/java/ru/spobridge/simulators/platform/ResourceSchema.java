package ru.spobridge.simulators.platform;

import static ru.spobridge.simulators.platform.FieldSpec.optional;
import static ru.spobridge.simulators.platform.FieldSpec.required;

import java.util.ArrayList;
import java.util.List;

/** A platform resource: its kind, its path under {@code /integration/v1/} and its fields (canonical names). */
public record ResourceSchema(ResourceKind kind, String path, List<FieldSpec> fields) {

    public ResourceSchema {
        fields = List.copyOf(fields);
    }

    /** {@code groups}: externalId, name, course, specialtyCode, form, subgroups[{code,name}]. */
    public static ResourceSchema groups() {
        return new ResourceSchema(ResourceKind.GROUPS, "groups", List.of(required("externalId"), required("name"),
                optional("course", FieldSpec.Type.INTEGER), optional("specialtyCode"), optional("form"),
                optional("subgroups", FieldSpec.Type.SUBGROUPS)));
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
}
