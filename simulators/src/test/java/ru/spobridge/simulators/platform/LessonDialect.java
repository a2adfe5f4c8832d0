package ru.spobridge.simulators.platform;

/**
 * How a platform names the fields of a lesson that differ between platforms.
 *
 * @param number    lesson number field: {@code bellNo} or {@code pairNo}
 * @param subject   subject field: {@code subjectCode} or {@code disciplineCode}
 * @param state     lesson state field: {@code status} or {@code kind}
 * @param planned   state of a lesson as planned
 * @param replaced  state of a lesson given by another teacher
 * @param cancelled state of a cancelled lesson
 */
public record LessonDialect(String number, String subject, String state, String planned, String replaced,
                            String cancelled) {

    /** ЭПОС.СПО: {@code bellNo}, {@code subjectCode}, {@code status}. */
    public static final LessonDialect EPOS = withStatus("bellNo", "subjectCode");
    /** СГО: {@code pairNo}, {@code subjectCode}, {@code kind} lesson, replacement, cancellation. */
    public static final LessonDialect SGO = new LessonDialect("pairNo", "subjectCode", "kind", "lesson",
            "replacement", "cancellation");
    /** АИС ЭПО: {@code pairNo}, {@code disciplineCode}, {@code status}. */
    public static final LessonDialect AISEPO = withStatus("pairNo", "disciplineCode");

    /** ЭПОС and АИС ЭПО: {@code status} planned, replaced, cancelled. */
    public static LessonDialect withStatus(String number, String subject) {
        return new LessonDialect(number, subject, "status", "planned", "replaced", "cancelled");
    }
}
