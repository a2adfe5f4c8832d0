package ru.spobridge.model.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Russian production calendar (производственный календарь) as data: days that differ from a plain week —
 * public holidays and transferred days off, Saturdays made working days by a transfer, shortened pre-holiday days.
 * Days not listed are working from Monday to Friday.
 */
public record ProductionCalendar(Map<LocalDate, DayKind> days) implements WorkingCalendar {

    /** How a listed day differs from a plain week. */
    public enum DayKind {
        /** Not worked: a public holiday or a day off transferred onto a weekday. */
        HOLIDAY,
        /** Worked although a Saturday or Sunday (a transferred working day). */
        WORKDAY,
        /** Worked one hour shorter before a holiday (ТК РФ ст. 95). */
        SHORT
    }

    /** The non-working public holidays of ТК РФ ст. 112 part 1: 1–8 January, 23 February, 8 March, 1 and 9 May, 12 June, 4 November. */
    public static final List<MonthDay> STATUTORY_HOLIDAYS = List.of(
            MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3), MonthDay.of(1, 4), MonthDay.of(1, 5), MonthDay.of(1, 6),
            MonthDay.of(1, 7), MonthDay.of(1, 8), MonthDay.of(2, 23), MonthDay.of(3, 8), MonthDay.of(5, 1), MonthDay.of(5, 9),
            MonthDay.of(6, 12), MonthDay.of(11, 4));

    public ProductionCalendar {
        days = Collections.unmodifiableMap(new TreeMap<>(days));
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        DayKind kind = days.get(day);
        if (kind == null) {
            return WEEKENDS_ONLY.isWorkingDay(day);
        }
        return kind != DayKind.HOLIDAY;
    }

    public boolean isShortened(LocalDate day) {
        return days.get(day) == DayKind.SHORT;
    }

    /** This calendar with another laid over it: a region's exceptions over the federal days. */
    public ProductionCalendar with(ProductionCalendar exceptions) {
        Map<LocalDate, DayKind> merged = new TreeMap<>(days);
        merged.putAll(exceptions.days());
        return new ProductionCalendar(merged);
    }

    /**
     * What the Labour Code alone says of a year, without the government's yearly decree on transfers: the holidays of
     * ст. 112 part 1, and a holiday other than the January ones that falls on a weekend moves the day off to the next
     * working day (ст. 112 part 2). The decree may move the January weekend days elsewhere; that is not known here.
     */
    public static ProductionCalendar statutory(int year) {
        Map<LocalDate, DayKind> days = new TreeMap<>();
        for (MonthDay holiday : STATUTORY_HOLIDAYS) {
            days.put(holiday.atYear(year), DayKind.HOLIDAY);
        }
        for (MonthDay holiday : STATUTORY_HOLIDAYS) {
            LocalDate day = holiday.atYear(year);
            if (day.getMonthValue() != 1 && !WEEKENDS_ONLY.isWorkingDay(day)) {
                LocalDate moved = day.plusDays(1);
                while (!WEEKENDS_ONLY.isWorkingDay(moved) || days.containsKey(moved)) {
                    moved = moved.plusDays(1);
                }
                days.put(moved, DayKind.HOLIDAY);
            }
        }
        return new ProductionCalendar(days);
    }
}
