package ru.spobridge.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import ru.spobridge.model.marks.Deadlines;

/**
 * What kind of educational organisation a tenant is: a college (СПО, groups and courses) or a school (classes of
 * parallels 1–11 with letters). The kind decides the deadlines a mark is judged by when the college's own settings
 * do not state them.
 */
public enum InstitutionKind {
    COLLEGE("college"),
    SCHOOL("school");

    private final String code;

    InstitutionKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Seed 001/000 deadlines for a college, seed 004 §3.5 for a school. */
    public Deadlines defaultDeadlines() {
        return this == SCHOOL ? Deadlines.SCHOOL_DEFAULTS : Deadlines.SEED_DEFAULTS;
    }

    @JsonCreator
    public static InstitutionKind fromCode(String code) {
        String wanted = code == null ? "college" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidValueException("kind", "INVALID_VALUE", "Вид организации: college или school"));
    }
}
