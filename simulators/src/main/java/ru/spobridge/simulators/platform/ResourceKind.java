package ru.spobridge.simulators.platform;

/** What a platform resource holds; its path and fields are the platform's own (see {@link ResourceSchema}). */
public enum ResourceKind {
    GROUPS,
    STUDENTS,
    MOVEMENTS,
    GUARDIANS
}
