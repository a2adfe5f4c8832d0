package ru.spobridge.routes.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import ru.spobridge.model.journal.PlanItem;
import ru.spobridge.model.journal.ThematicPlan;
import ru.spobridge.model.journal.WorkKind;

/**
 * The colleges' calendar-thematic plans (tables thematic_plan, thematic_plan_item): one per group and discipline,
 * replaced whole when imported again, with who imported it, when and from which file.
 */
@Repository
public class ThematicPlans {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public ThematicPlans(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A plan as stored, with where it came from. */
    public record Stored(ThematicPlan plan, String fileName, String importedBy, Instant importedAt) {
    }

    /** Replaces each plan's group and discipline whole; returns how many of them had a plan before. */
    @Transactional
    public int replace(List<ThematicPlan> plans, String fileName, String actor) {
        Timestamp now = Timestamp.from(clock.instant());
        int replaced = 0;
        for (ThematicPlan plan : plans) {
            MapSqlParameterSource key = new MapSqlParameterSource().addValue("college", plan.collegeId()).addValue("group", plan.groupCode())
                    .addValue("discipline", plan.disciplineCode());
            // items first: the cascade is declared too, but an explicit delete does not depend on it
            jdbc.update("DELETE FROM thematic_plan_item WHERE college_id = :college AND group_code = :group AND discipline_code = :discipline", key);
            replaced += jdbc.update("DELETE FROM thematic_plan WHERE college_id = :college AND group_code = :group AND discipline_code = :discipline",
                    key);
            jdbc.update("INSERT INTO thematic_plan (college_id, group_code, discipline_code, file_name, imported_by, imported_at) "
                    + "VALUES (:college, :group, :discipline, :file, :actor, :now)", new MapSqlParameterSource(key.getValues())
                    .addValue("file", fileName == null || fileName.length() <= 255 ? fileName : fileName.substring(0, 255))
                    .addValue("actor", actor).addValue("now", now));
            List<MapSqlParameterSource> items = new ArrayList<>();
            for (PlanItem item : plan.items()) {
                items.add(new MapSqlParameterSource(key.getValues()).addValue("no", item.lessonNo()).addValue("topic", item.topic())
                        .addValue("hours", item.hours()).addValue("kind", item.workKind().code()).addValue("work", item.workNo()));
            }
            jdbc.batchUpdate("INSERT INTO thematic_plan_item (college_id, group_code, discipline_code, lesson_no, topic, hours, work_kind, work_no) "
                    + "VALUES (:college, :group, :discipline, :no, :topic, :hours, :kind, :work)", items.toArray(MapSqlParameterSource[]::new));
        }
        return replaced;
    }

    /** Every plan of a college, by group then discipline. */
    public List<Stored> plans(String collegeId) {
        Map<String, List<PlanItem>> items = new LinkedHashMap<>();
        jdbc.query("SELECT group_code, discipline_code, lesson_no, topic, hours, work_kind, work_no FROM thematic_plan_item "
                        + "WHERE college_id = :college ORDER BY group_code, discipline_code, lesson_no", Map.of("college", collegeId),
                rs -> {
                    Object workNo = rs.getObject(7);
                    items.computeIfAbsent(ThematicPlan.key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(new PlanItem(rs.getInt(3), rs.getString(4), rs.getInt(5), WorkKind.fromText(rs.getString(6)),
                                    workNo == null ? null : ((Number) workNo).intValue()));
                });
        return jdbc.query("SELECT group_code, discipline_code, file_name, imported_by, imported_at FROM thematic_plan WHERE college_id = :college "
                        + "ORDER BY group_code, discipline_code", Map.of("college", collegeId),
                (rs, i) -> new Stored(new ThematicPlan(collegeId, rs.getString(1), rs.getString(2),
                        items.getOrDefault(ThematicPlan.key(rs.getString(1), rs.getString(2)), List.of())),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
    }
}
