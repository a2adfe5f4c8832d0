package ru.spobridge.routes.flow;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import ru.spobridge.model.calendar.WorkingCalendar;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties.BlackoutSettings;
import ru.spobridge.routes.flow.RunGate.Decision;
import ru.spobridge.routes.store.RunPauses.Pause;

/**
 * Whether a run of a college's flow may start now: a college that is not active, an open pause of the college or the
 * flow, or a blackout period covering today in the college's zone keeps it closed. Pure: everything is given.
 */
public final class GateRules {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private GateRules() {
    }

    public static Decision decide(List<Pause> open, List<BlackoutSettings> blackouts, WorkingCalendar calendar, LocalDate today,
                                  ZoneId zone, String flow, Colleges.Status status) {
        if (status != Colleges.Status.ACTIVE) {
            return new Decision(false, status.name(), switch (status) {
                case NOT_READY -> "Колледж не готов к работе: не хватает настроек или секретов";
                case DISABLED -> "Колледж отключён";
                default -> "Колледж удалён";
            });
        }
        for (Pause pause : open) {
            if (pause.covers(flow)) {
                String what = pause.flow() == null ? "Колледж " + pause.collegeId() : "Поток «" + pause.flow() + "» колледжа " + pause.collegeId();
                return new Decision(false, "PAUSED", what + " приостановлен: " + pause.pausedBy() + ", "
                        + DATE.format(pause.pausedAt().atZone(zone)) + ", «" + pause.reason() + "»");
            }
        }
        for (BlackoutSettings blackout : blackouts) {
            if (covers(blackout, today, flow, calendar)) {
                String period = Boolean.TRUE.equals(blackout.nonWorkingDays()) && !calendar.isWorkingDay(today)
                        ? "нерабочий день" : blackout.from() + " – " + blackout.to();
                return new Decision(false, "BLACKOUT", "Период без синхронизации (" + period + ")"
                        + (blackout.reason() == null ? "" : ": " + blackout.reason()));
            }
        }
        return Decision.OPEN;
    }

    /**
     * A blackout covers a day of a flow when it names the flow (or no flow at all) and the day is a non-working day
     * (when asked), or within its dates: "2026-12-28".."2027-01-03" or every year "07-01".."08-31", both ends
     * included; a yearly period whose end is before its start runs over the new year.
     */
    public static boolean covers(BlackoutSettings blackout, LocalDate day, String flow, WorkingCalendar calendar) {
        if (!blackout.flows().isEmpty() && !blackout.flows().contains(flow)) {
            return false;
        }
        if (Boolean.TRUE.equals(blackout.nonWorkingDays()) && !calendar.isWorkingDay(day)) {
            return true;
        }
        if (blackout.from() == null || blackout.to() == null) {
            return false;
        }
        try {
            if (blackout.from().length() > 5) {
                return !day.isBefore(LocalDate.parse(blackout.from())) && !day.isAfter(LocalDate.parse(blackout.to()));
            }
            MonthDay from = MonthDay.parse("--" + blackout.from());
            MonthDay to = MonthDay.parse("--" + blackout.to());
            MonthDay at = MonthDay.from(day);
            return to.isBefore(from) ? !at.isBefore(from) || !at.isAfter(to) : !at.isBefore(from) && !at.isAfter(to);
        } catch (DateTimeParseException e) {
            // settings validation refuses such a period; one that slipped through must not stop every scheduled run
            return false;
        }
    }
}
