package ru.spobridge.routes.store;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import ru.spobridge.model.calendar.ProductionCalendar.DayKind;

/** The production calendar's days as stored: federal (region {@value #FEDERAL}) and per region, and which years are loaded. */
@Repository
public class WorkCalendarDays {

    public static final String FEDERAL = "*";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public WorkCalendarDays(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Day(String region, LocalDate day, DayKind kind, String note) {
    }

    public List<Day> year(String region, int year) {
        return jdbc.query("SELECT region_id, cal_day, kind, note FROM work_calendar_day WHERE region_id = :region "
                        + "AND cal_day >= :from AND cal_day < :to ORDER BY cal_day",
                new MapSqlParameterSource().addValue("region", region).addValue("from", Date.valueOf(LocalDate.of(year, 1, 1)))
                        .addValue("to", Date.valueOf(LocalDate.of(year + 1, 1, 1))),
                (rs, i) -> new Day(rs.getString(1), rs.getDate(2).toLocalDate(), DayKind.valueOf(rs.getString(3)), rs.getString(4)));
    }

    /** The act the year's days were loaded from; empty when the year was never loaded for this region. */
    public Optional<String> source(String region, int year) {
        return jdbc.queryForList("SELECT source FROM work_calendar_year WHERE region_id = :region AND cal_year = :year",
                Map.of("region", region, "year", year), String.class).stream().findFirst();
    }

    public void put(Day day, String actor) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("region", day.region()).addValue("day", Date.valueOf(day.day()))
                .addValue("kind", day.kind().name()).addValue("note", day.note()).addValue("actor", actor)
                .addValue("now", Timestamp.from(clock.instant()));
        if (jdbc.update("UPDATE work_calendar_day SET kind = :kind, note = :note, updated_by = :actor, updated_at = :now "
                + "WHERE region_id = :region AND cal_day = :day", params) == 0) {
            jdbc.update("INSERT INTO work_calendar_day (region_id, cal_day, kind, note, updated_by, updated_at) "
                    + "VALUES (:region, :day, :kind, :note, :actor, :now)", params);
        }
    }

    public boolean delete(String region, LocalDate day) {
        return jdbc.update("DELETE FROM work_calendar_day WHERE region_id = :region AND cal_day = :day",
                new MapSqlParameterSource().addValue("region", region).addValue("day", Date.valueOf(day))) == 1;
    }
}
