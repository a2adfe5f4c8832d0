package ru.spobridge.app.admin;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.model.calendar.ProductionCalendar;
import ru.spobridge.model.calendar.ProductionCalendar.DayKind;
import ru.spobridge.routes.config.WorkingCalendars;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.WorkCalendarDays;

/**
 * The production calendar as data: a year as counted for a region (federal days with the region's exceptions), and
 * days set or removed by an administrator, e.g. a decree's transfers or a republic's own holiday. Effective at once.
 */
@RestController
@RequestMapping("/api")
public class CalendarAdminApi {

    private final WorkCalendarDays days;
    private final WorkingCalendars calendars;
    private final AuditLog audit;

    public CalendarAdminApi(WorkCalendarDays days, WorkingCalendars calendars, AuditLog audit) {
        this.days = days;
        this.calendars = calendars;
        this.audit = audit;
    }

    /** A day as set: region "*" is federal; kind HOLIDAY, WORKDAY or SHORT. */
    public record DayChange(String region, String day, String kind, String note) {
    }

    @GetMapping("/calendar/{year}")
    public Map<String, Object> year(@PathVariable int year, @RequestParam(required = false) String region) {
        ProductionCalendar calendar = calendars.year(region, year);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("year", year);
        answer.put("region", region == null || region.isBlank() ? WorkCalendarDays.FEDERAL : region);
        answer.put("source", days.source(WorkCalendarDays.FEDERAL, year)
                .orElse("ТК РФ ст. 112: постановление о переносе выходных дней на этот год не загружено"));
        List<Map<String, Object>> listed = new ArrayList<>();
        calendar.days().forEach((day, kind) -> listed.add(Map.of("day", day.toString(), "kind", kind.name())));
        answer.put("days", listed);
        int working = 0;
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            working += calendar.isWorkingDay(day) ? 1 : 0;
        }
        answer.put("workingDays", working);
        return answer;
    }

    @PutMapping("/admin/calendar/days")
    @Transactional
    public ResponseEntity<Map<String, Object>> put(@RequestBody List<DayChange> changes, Principal operator) {
        List<Map<String, String>> errors = new ArrayList<>();
        List<WorkCalendarDays.Day> valid = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            DayChange change = changes.get(i);
            try {
                DayKind kind = DayKind.valueOf(String.valueOf(change.kind()));
                String region = change.region() == null || change.region().isBlank() ? WorkCalendarDays.FEDERAL : change.region();
                valid.add(new WorkCalendarDays.Day(region, LocalDate.parse(change.day()), kind, change.note()));
            } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
                errors.add(Map.of("field", "[" + i + "]", "message", "Нужны день ГГГГ-ММ-ДД и вид HOLIDAY, WORKDAY или SHORT"));
            }
        }
        if (!errors.isEmpty()) {
            // a bad change is refused whole
            return ResponseEntity.unprocessableEntity().body(Map.of("code", "INVALID_SETTINGS", "message", "Календарь не изменён", "errors", errors));
        }
        for (WorkCalendarDays.Day day : valid) {
            days.put(day, operator.getName());
            audit.record(operator.getName(), "CALENDAR_DAY_SET", null, day.region() + " " + day.day(), day.kind() + " " + (day.note() == null ? "" : day.note()));
        }
        calendars.changed();
        return ResponseEntity.ok(Map.of("changed", valid.size()));
    }

    @DeleteMapping("/admin/calendar/days")
    public ResponseEntity<Map<String, Object>> delete(@RequestParam String region, @RequestParam String day, Principal operator) {
        boolean removed = days.delete(region, LocalDate.parse(day));
        if (removed) {
            audit.record(operator.getName(), "CALENDAR_DAY_REMOVED", null, region + " " + day, null);
            calendars.changed();
        }
        return ResponseEntity.ok(Map.of("removed", removed));
    }
}
