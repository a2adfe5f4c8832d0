package ru.spobridge.routes.staff;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import ru.spobridge.model.staff.StaffOrder;
import ru.spobridge.model.staff.StaffOrderKind;
import ru.spobridge.model.calendar.WorkingCalendar;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.WorkingCalendars;
import ru.spobridge.routes.delivery.DeliveryBatch;
import ru.spobridge.routes.delivery.DeliveryObserver;

/**
 * The same-day rule of staff orders (seed 002 §4.2.10, §4.2.13): for every order and target, when the order
 * reached the hub (due on the order's day) and when the platform confirmed the account change (due on the day the
 * change takes effect: a dismissal's at 00:00 after the last working day), judged in the college's own time zone.
 */
@Component
public class StaffSla implements DeliveryObserver {

    private final NamedParameterJdbcTemplate jdbc;
    private final Colleges colleges;
    private final Clock clock;
    private final WorkingCalendars calendars;

    public StaffSla(NamedParameterJdbcTemplate jdbc, Colleges colleges, Clock clock, WorkingCalendars calendars) {
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.colleges = colleges;
        this.clock = clock;
    }

    /** Per target: confirmed when, whether on the order's day, and why not. */
    public record TargetOutcome(String target, Instant confirmedAt, boolean sameDay, String reason) {
    }

    public record OrderSla(String orderKey, String orderNo, String kind, String staffId, String staffLabel, LocalDate effectiveDate,
                           Instant receivedAt, boolean violation, String reason, List<TargetOutcome> targets) {
    }

    /** A new order: one row per enabled target, pending until the target confirms the account change. */
    public void received(StaffOrder order) {
        Timestamp now = Timestamp.from(clock.instant());
        for (String target : colleges.enabledTargets(order.collegeId())) {
            jdbc.update("INSERT INTO staff_sla (order_key, target, college_id, staff_id, kind, order_no, effective_date, received_at) "
                            + "VALUES (:key, :target, :college, :staff, :kind, :no, :effective, :now)",
                    new MapSqlParameterSource().addValue("key", order.key().sourceId()).addValue("target", target)
                            .addValue("college", order.collegeId()).addValue("staff", order.staffId()).addValue("kind", order.kind().code())
                            .addValue("no", order.orderNo()).addValue("effective", Date.valueOf(order.effectiveDate())).addValue("now", now));
        }
    }

    @Override
    public void delivered(DeliveryBatch batch, List<String> entityKeys) {
        if (!StaffProvisioner.ACCOUNT.equals(batch.entityType()) || entityKeys.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone(batch.collegeId()));
        for (String staffId : entityKeys) {
            jdbc.update("UPDATE staff_sla SET confirmed_at = :now WHERE college_id = :college AND target = :target AND staff_id = :staff "
                            + "AND confirmed_at IS NULL AND ((kind = :dismissal AND effective_date < :today) OR (kind <> :dismissal AND effective_date <= :today))",
                    new MapSqlParameterSource().addValue("now", Timestamp.from(clock.instant())).addValue("college", batch.collegeId())
                            .addValue("target", batch.target()).addValue("staff", staffId).addValue("today", Date.valueOf(today))
                            .addValue("dismissal", StaffOrderKind.DISMISSAL.code()));
        }
    }

    @Override
    public void notDelivered(DeliveryBatch batch, List<String> entityKeys, String reason) {
        if (!StaffProvisioner.ACCOUNT.equals(batch.entityType())) {
            return;
        }
        for (String staffId : entityKeys) {
            jdbc.update("UPDATE staff_sla SET last_failure = :reason WHERE college_id = :college AND target = :target AND staff_id = :staff "
                            + "AND confirmed_at IS NULL",
                    new MapSqlParameterSource().addValue("reason", reason.length() > 300 ? reason.substring(0, 300) : reason)
                            .addValue("college", batch.collegeId()).addValue("target", batch.target()).addValue("staff", staffId));
        }
    }

    /** Every order of a college, violations first, then the newest. */
    public List<OrderSla> report(String collegeId) {
        ZoneId zone = zone(collegeId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Map<String, List<Row>> byOrder = new LinkedHashMap<>();
        // read through typed getters: H2 and PostgreSQL hand back different objects for the same column types
        jdbc.query("SELECT s.*, c.masked_label FROM staff_sla s LEFT JOIN canonical_record c ON c.college_id = s.college_id "
                        + "AND c.entity_type = 'staff_member' AND c.entity_key = s.staff_id WHERE s.college_id = :college "
                        + "ORDER BY s.effective_date DESC, s.order_key, s.target",
                Map.of("college", collegeId), (rs, i) -> new Row(rs.getString("order_key"), rs.getString("order_no"), rs.getString("kind"),
                        rs.getString("staff_id"), rs.getString("masked_label"), rs.getDate("effective_date").toLocalDate(), rs.getTimestamp("received_at").toInstant(),
                        rs.getString("target"), rs.getTimestamp("confirmed_at") == null ? null : rs.getTimestamp("confirmed_at").toInstant(),
                        rs.getString("last_failure")))
                .forEach(row -> byOrder.computeIfAbsent(row.orderKey(), key -> new ArrayList<>()).add(row));
        List<OrderSla> report = new ArrayList<>();
        WorkingCalendar calendar = calendars.forCollege(collegeId);
        for (List<Row> rows : byOrder.values()) {
            Row first = rows.get(0);
            LocalDate effective = first.effectiveDate();
            // the seed's clock: the order must reach the hub on its day; the platform confirms on the day the account changes
            // an order dated on a weekend or holiday is received in time on the next working day
            boolean receivedLate = LocalDate.ofInstant(first.receivedAt(), zone).isAfter(receptionDue(effective, calendar));
            LocalDate due = accountChangesOn(first.kind(), effective);
            List<TargetOutcome> targets = new ArrayList<>();
            for (Row row : rows) {
                Instant confirmedAt = row.confirmedAt();
                boolean sameDay = confirmedAt != null && !LocalDate.ofInstant(confirmedAt, zone).isAfter(due) && !receivedLate;
                targets.add(new TargetOutcome(row.target(), confirmedAt, sameDay,
                        reason(sameDay, receivedLate, confirmedAt, due, today, row.lastFailure())));
            }
            boolean violation = targets.stream().anyMatch(target -> !target.sameDay() && !pendingInTime(target.reason()));
            String reason = targets.stream().map(TargetOutcome::reason).filter(r -> r != null && !pendingInTime(r)).findFirst().orElse(null);
            report.add(new OrderSla(first.orderKey(), first.orderNo(), first.kind(), first.staffId(), first.staffLabel(), effective, first.receivedAt(),
                    violation, reason, targets));
        }
        report.sort(Comparator.comparing((OrderSla order) -> !order.violation()).thenComparing(OrderSla::effectiveDate, Comparator.reverseOrder()));
        return report;
    }

    private record Row(String orderKey, String orderNo, String kind, String staffId, String staffLabel, LocalDate effectiveDate, Instant receivedAt,
                       String target, Instant confirmedAt, String lastFailure) {
    }

    private static boolean pendingInTime(String reason) {
        return reason != null && (reason.startsWith("SCHEDULED") || reason.startsWith("IN_PROGRESS"));
    }

    /**
     * The day the platform must confirm the account change: a hire's or transfer's effective date; for a dismissal the
     * next day, since the account works through the last working day and is removed at 00:00 after it.
     */
    static LocalDate accountChangesOn(String kind, LocalDate effective) {
        return StaffOrderKind.DISMISSAL.code().equals(kind) ? effective.plusDays(1) : effective;
    }

    /** The day an order of this date must reach the hub: its day, or the next working day when it is dated on a day off. */
    static LocalDate receptionDue(LocalDate effective, WorkingCalendar calendar) {
        LocalDate day = effective;
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static String reason(boolean sameDay, boolean receivedLate, Instant confirmedAt, LocalDate due, LocalDate today, String failure) {
        if (sameDay) {
            return null;
        }
        if (receivedLate) {
            return "ORDER_RECEIVED_LATE: приказ получен позже дня вступления в силу";
        }
        if (confirmedAt == null && due.isAfter(today)) {
            return "SCHEDULED: вступит в силу " + due;
        }
        if (confirmedAt == null && due.isEqual(today)) {
            return failure == null ? "IN_PROGRESS: выполняется сегодня" : "IN_PROGRESS: " + failure;
        }
        return failure == null ? "NOT_CONFIRMED: платформа не подтвердила изменение в день, когда оно вступило в силу" : failure;
    }

    private ZoneId zone(String collegeId) {
        return colleges.settings(collegeId).zone();
    }
}
