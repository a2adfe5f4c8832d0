package ru.spobridge.model.marks;

import java.time.LocalDate;
import ru.spobridge.model.calendar.WorkingCalendar;

/**
 * When a mark must be in the journal, per college (defaults from the seeds): current marks within 8 days (seed 001
 * §3.2), written, practical and test works within 5 working days (seed 000 §4.6), attestation marks up to 1 day
 * before the attestation period ends (seed 001 §3.2); absences on the day of the lesson (seed 004 §3.5).
 */
public record Deadlines(int currentDays, int workWorkingDays, int attestationDaysBeforeEnd, int attendanceDays) {

    public static final Deadlines SEED_DEFAULTS = new Deadlines(8, 5, 1, 0);

    /** The last day on which a mark for a lesson of {@code lessonDate} is on time. */
    public LocalDate markDue(WorkType type, LocalDate lessonDate, LocalDate attestationPeriodEnd) {
        return markDue(type, lessonDate, attestationPeriodEnd, WorkingCalendar.WEEKENDS_ONLY);
    }

    /** The same, working days counted by the college's production calendar. */
    public LocalDate markDue(WorkType type, LocalDate lessonDate, LocalDate attestationPeriodEnd, WorkingCalendar calendar) {
        if (type == WorkType.ATTESTATION && attestationPeriodEnd != null) {
            return attestationPeriodEnd.minusDays(attestationDaysBeforeEnd);
        }
        if (type.isWork()) {
            return calendar.plusWorkingDays(lessonDate, workWorkingDays);
        }
        return lessonDate.plusDays(currentDays);
    }

    public LocalDate attendanceDue(LocalDate lessonDate) {
        return lessonDate.plusDays(attendanceDays);
    }

    /**
     * The last day for a lesson's topic and homework: the rule that sets absences on the lesson day (seed 004 §3.5)
     * sets them too, so one setting serves both.
     */
    public LocalDate lessonEntryDue(LocalDate lessonDate) {
        return attendanceDue(lessonDate);
    }
}
