package ru.spobridge.connectors.eposschool;

import ru.spobridge.connectors.common.PlatformProtocol;

/**
 * ИАС «ЭПОС» for schools (school.permkrai.ru, seed 004; docs/ias-epos-school.md): the ЭПОС.СПО write contract —
 * token field {@code auth_token}, header {@code Auth-Token}, batch ≤ 500 — with class units instead of groups.
 */
public final class EposSchool {

    public static final PlatformProtocol PROTOCOL = new PlatformProtocol("epos-school", "ИАС «ЭПОС» (школы)", "auth_token",
            "Auth-Token", "", 500);
    /** Where a school keeps its classes; what a connection test reads a page of. */
    public static final String CLASS_UNITS = "class_units";

    private EposSchool() {
    }
}
