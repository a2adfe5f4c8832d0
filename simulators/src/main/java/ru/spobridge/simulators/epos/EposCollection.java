package ru.spobridge.simulators.epos;

/** Collections the ЭПОС.СПО simulator accepts, by their path under {@code /integration/v1}. */
public enum EposCollection {
    GROUPS("groups"),
    STUDENT_PROFILES("student_profiles");

    private final String path;

    EposCollection(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
