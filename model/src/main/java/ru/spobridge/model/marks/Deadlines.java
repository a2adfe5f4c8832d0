package ru.spobridge.model.marks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import ru.spobridge.model.calendar.WorkingCalendar;

/**
 * When a mark must be in the journal, per college (defaults from the seeds): current marks within 8 days (seed 001
 * §3.2), written, practical and test works within 5 working days (seed 000 §4.6), attestation marks up to 1 day
 * before the attestation period ends (seed 001 §3.2); absences on the day of the lesson (seed 004 §3.5).
 *
 * <p>A school (seed 004 §3.5) judges by the hour, not the day: current marks and lesson topics on the lesson day, no
 * later than {@code hoursAfterLessons} after the class's lessons end; written works within {@code workDays} calendar
 * days (a week). Both are null for a college, which then keeps the day rules above.
 */
public record Deadlines(int currentDays, int workWorkingDays, int attestationDaysBeforeEnd, int attendanceDays,
                        Integer hoursAfterLessons, Integer workDays) {

    public static final Deadlines SEED_DEFAULTS = new Deadlines(8, 5, 1, 0, null, null);
    /** Seed 004 §3.5: same day, an hour after the lessons end; written works within a week. */
    public static final Deadlines SCHOOL_DEFAULTS = new Deadlines(0, 5, 1, 0, 1, 7);

    public Deadlines {
        if (hoursAfterLessons != null && hoursAfterLessons < 0 || workDays != null && workDays < 0) {
            throw new IllegalArgumentException("deadlines: hours-after-lessons and work-days must not be negative");
        }
    }

    /** Whether current marks are judged by the hour after the lessons' end (a school). */
    public boolean byLessonsEnd() {
        return hoursAfterLessons != null;
    }

    /** These deadlines with the school's hour and week rules filled in where they are not stated. */
    public Deadlines withSchoolRules() {
        return new Deadlines(currentDays, workWorkingDays, attestationDaysBeforeEnd, attendanceDays,
                hoursAfterLessons != null ? hoursAfterLessons : SCHOOL_DEFAULTS.hoursAfterLessons,
                workDays != null ? workDays : SCHOOL_DEFAULTS.workDays);
    }

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
            return workDays != null ? lessonDate.plusDays(workDays) : calendar.plusWorkingDays(lessonDate, workWorkingDays);
        }
        return byLessonsEnd() ? lessonDate : lessonDate.plusDays(currentDays);
    }

    /**
     * The last moment a mark is on time. A school's current mark: {@code hoursAfterLessons} after {@code lessonsEnd},
     * the end of the class's last lesson that day (unknown = the end of the day). Everything else: the end of the due
     * day of {@link #markDue(WorkType, LocalDate, LocalDate, WorkingCalendar)} in the college's zone.
     */
    public Instant markDueAt(WorkType type, LocalDate lessonDate, LocalTime lessonsEnd, LocalDate attestationPeriodEnd,
                             WorkingCalendar calendar, ZoneId zone) {
        boolean current = !type.isWork() && !(type == WorkType.ATTESTATION && attestationPeriodEnd != null);
        if (current && byLessonsEnd() && lessonsEnd != null) {
            return lessonDate.atTime(lessonsEnd).atZone(zone).plusHours(hoursAfterLessons).toInstant();
        }
        return endOfDay(markDue(type, lessonDate, attestationPeriodEnd, calendar), zone);
    }

    /** Whether a mark that reached the hub at {@code received} came after its deadline. */
    public boolean late(Instant received, WorkType type, LocalDate lessonDate, LocalTime lessonsEnd,
                        LocalDate attestationPeriodEnd, WorkingCalendar calendar, ZoneId zone) {
        return received.isAfter(markDueAt(type, lessonDate, lessonsEnd, attestationPeriodEnd, calendar, zone));
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

    private static Instant endOfDay(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
    }
}
