package ru.spobridge.routes.config;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.model.calendar.ProductionCalendar;
import ru.spobridge.model.calendar.WorkingCalendar;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.store.WorkCalendarDays;

/**
 * The production calendar a college or region works by: federal days with the region's exceptions over them, read
 * from the store per year and kept until the days are changed. A year whose federal days were never loaded counts the
 * holidays of ТК РФ ст. 112 (with the stored federal days over them) and says so once.
 */
@Component
public class WorkingCalendars {

    private static final Logger LOG = LoggerFactory.getLogger(WorkingCalendars.class);

    private final WorkCalendarDays days;
    private final Colleges colleges;
    private final Map<String, ProductionCalendar> byRegionYear = new ConcurrentHashMap<>();
    private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

    public WorkingCalendars(WorkCalendarDays days, Colleges colleges) {
        this.days = days;
        this.colleges = colleges;
    }

    public WorkingCalendar forCollege(String collegeId) {
        return forRegion(colleges.settings(collegeId).regionId());
    }

    /** The calendar of a region; null or blank is the federal calendar alone. Years are read as they are asked for. */
    public WorkingCalendar forRegion(String regionId) {
        String region = regionId == null || regionId.isBlank() ? WorkCalendarDays.FEDERAL : regionId;
        return day -> year(region, day.getYear()).isWorkingDay(day);
    }

    /** One region's year, as counted: for the admin API. */
    public ProductionCalendar year(String regionId, int year) {
        String region = regionId == null || regionId.isBlank() ? WorkCalendarDays.FEDERAL : regionId;
        return byRegionYear.computeIfAbsent(region + "/" + year, key -> load(region, year));
    }

    /** Whether the federal days of the year come from a loaded act rather than the Labour Code alone. */
    public boolean loaded(int year) {
        return days.source(WorkCalendarDays.FEDERAL, year).isPresent();
    }

    /** Forgets what was read, after the days were changed. */
    public void changed() {
        byRegionYear.clear();
    }

    private ProductionCalendar load(String region, int year) {
        ProductionCalendar federal = new ProductionCalendar(kinds(WorkCalendarDays.FEDERAL, year));
        if (!loaded(year)) {
            if (warned.add(year)) {
                LOG.warn("Производственный календарь на {} год не загружен: считаются выходные и праздники ТК РФ ст. 112 без переносов "
                        + "по постановлению Правительства", year);
            }
            federal = ProductionCalendar.statutory(year).with(federal);
        }
        return WorkCalendarDays.FEDERAL.equals(region) ? federal : federal.with(new ProductionCalendar(kinds(region, year)));
    }

    private Map<LocalDate, ProductionCalendar.DayKind> kinds(String region, int year) {
        Map<LocalDate, ProductionCalendar.DayKind> kinds = new TreeMap<>();
        days.year(region, year).forEach(day -> kinds.put(day.day(), day.kind()));
        return kinds;
    }
}
