package ru.spobridge.routes.archive;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ru.spobridge.routes.archive.ArchiveRequest.Kind;
import ru.spobridge.routes.archive.ArchiveSettings.CalendarSettings;

/**
 * The seeds' archive calendar as dates, in the college's own days: which archives fall due on a day. A monthly archive
 * on the 1st for the month before (seed 000 §6.1); a semester's on the day after its last day plus the check window
 * (three weeks, seed 002 §7.2); a school year's, one per group, the same way after the year's last day (seed 000 §6.2,
 * seed 004 §5.3–5.5).
 */
public final class ArchiveCalendar {

    /** One archive due: its kind and period, the day it is built, and whether it is built per group. */
    public record Due(Kind kind, LocalDate from, LocalDate to, LocalDate buildOn, boolean perGroup) {
    }

    private ArchiveCalendar() {
    }

    /** The archives due on a day. */
    public static List<Due> dueOn(LocalDate day, CalendarSettings settings) {
        return dueBetween(day, day, settings);
    }

    /** The archives due on any day from {@code first} to {@code last}, in order of their day. */
    public static List<Due> dueBetween(LocalDate first, LocalDate last, CalendarSettings settings) {
        List<Due> due = new ArrayList<>();
        for (int year = first.getYear() - 1; year <= last.getYear(); year++) {
            if (settings.monthly()) {
                for (int month = 1; month <= 12; month++) {
                    YearMonth archived = YearMonth.of(year, month);
                    due.add(new Due(Kind.MONTHLY, archived.atDay(1), archived.atEndOfMonth(), archived.plusMonths(1).atDay(1), false));
                }
            }
            List<MonthDay> ends = settings.semesterEndDays();
            for (int i = 0; i < ends.size(); i++) {
                LocalDate end = ends.get(i).atYear(year);
                LocalDate from = (i == 0 ? ends.get(ends.size() - 1).atYear(year - 1) : ends.get(i - 1).atYear(year)).plusDays(1);
                LocalDate buildOn = end.plusDays(1).plus(settings.checkWindow());
                if (settings.semester()) {
                    due.add(new Due(Kind.SEMESTER, from, end, buildOn, false));
                }
                if (settings.year() && ends.get(i).equals(settings.yearEnd())) {
                    due.add(new Due(Kind.YEAR, settings.yearEnd().atYear(year - 1).plusDays(1), end, buildOn, true));
                }
            }
        }
        return due.stream().filter(item -> !item.buildOn().isBefore(first) && !item.buildOn().isAfter(last))
                .sorted(Comparator.comparing(Due::buildOn).thenComparing(Due::kind)).toList();
    }
}
