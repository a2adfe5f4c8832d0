package ru.spobridge.model.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Which days are working days: deadlines in working days, staff SLA and blackout checks count by it. */
@FunctionalInterface
public interface WorkingCalendar {

    /** Saturdays and Sundays off, nothing else: the fallback when no production calendar is known. */
    WorkingCalendar WEEKENDS_ONLY = day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;

    boolean isWorkingDay(LocalDate day);

    /** The day {@code days} working days after {@code from} (from itself not counted). */
    default LocalDate plusWorkingDays(LocalDate from, int days) {
        LocalDate day = from;
        for (int left = days; left > 0; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }
}
