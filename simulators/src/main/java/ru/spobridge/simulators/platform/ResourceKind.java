package ru.spobridge.simulators.platform;

/** What a platform resource holds; its path and fields are the platform's own (see {@link ResourceSchema}). */
public enum ResourceKind {
    GROUPS(false),
    STUDENTS(false),
    MOVEMENTS(false),
    GUARDIANS(false),
    STAFF(true),
    SUBSTITUTIONS(true),
    WORKLOAD(false),
    /** Buildings, rooms, specialties, curricula, disciplines, attestation periods, control forms, bells. */
    REFERENCE(false),
    /** Dated lessons, replacements and cancellations by lesson key. */
    SCHEDULE(false),
    ATTESTATION_EVENTS(false),
    /** Marks of students on lessons; a withdrawn mark is deleted. */
    MARKS(true),
    /** Absences of students from lessons; a withdrawn absence is deleted. */
    ATTENDANCE(true),
    /** Lesson topics, work numbers and homework by lesson key */
    LESSONS(true);

    private final boolean deletable;

    ResourceKind(boolean deletable) {
        this.deletable = deletable;
    }

    /** Whether one record is removed by {@code DELETE {path}/{externalId}}. */
    public boolean deletable() {
        return deletable;
    }
}
