package ru.spobridge.app.notify;

import static ru.spobridge.app.notify.RussianNames.plural;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.model.PersonalDataMask;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.delivery.TargetCircuits;
import ru.spobridge.routes.marks.MarksReports;
import ru.spobridge.routes.staff.StaffSla;
import ru.spobridge.routes.store.DeadLetters;
import ru.spobridge.routes.store.HeldRuns;
import ru.spobridge.routes.store.SyncRuns;

/**
 * What deserves an immediate message now, read from the store and the platform circuits without touching the flows:
 * held runs, staff orders past their day, dead letters over the threshold, a platform's circuit open too long, a
 * source whose last run failed, marks entered late. Each occurrence has a key, so that it is told once.
 */
@Component
public class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final Colleges colleges;
    private final Recipients recipients;
    private final HeldRuns heldRuns;
    private final SyncRuns runs;
    private final DeadLetters deadLetters;
    private final StaffSla sla;
    private final MarksReports marks;
    private final TargetCircuits circuits;
    private final ConsoleLinks links;
    private final NotificationSettings settings;
    private final Notifier notifier;
    private final Clock clock;
    /** Since when each platform's circuit has not been closed, as this instance saw it. */
    private final Map<String, Instant> notClosedSince = new ConcurrentHashMap<>();

    public Alerts(Colleges colleges, Recipients recipients, HeldRuns heldRuns, SyncRuns runs, DeadLetters deadLetters, StaffSla sla,
                  MarksReports marks, TargetCircuits circuits, ConsoleLinks links, NotificationSettings settings, Notifier notifier, Clock clock) {
        this.colleges = colleges;
        this.recipients = recipients;
        this.heldRuns = heldRuns;
        this.runs = runs;
        this.deadLetters = deadLetters;
        this.sla = sla;
        this.marks = marks;
        this.circuits = circuits;
        this.links = links;
        this.settings = settings;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Every alert that holds now; one failing check is logged and leaves the others to run. */
    public List<Notification> current() {
        List<Notification> alerts = new ArrayList<>();
        check("задержанные запуски", () -> heldRunAlerts(alerts::add));
        check("недоступные источники", () -> sourceAlerts(alerts::add));
        check("предохранители платформ", () -> circuitAlerts(alerts::add));
        for (String college : colleges.ids()) {
            check("недоставленные " + college, () -> deadLetterAlert(college, alerts::add));
            check("сроки кадровых приказов " + college, () -> slaAlerts(college, alerts::add));
            check("отметки позже срока " + college, () -> marksAlert(college, alerts::add));
        }
        return alerts;
    }

    private void heldRunAlerts(Consumer<Notification> alerts) {
        for (HeldRuns.Held held : heldRuns.open()) {
            if (!colleges.known(held.collegeId())) {
                continue;
            }
            String name = collegeName(held.collegeId());
            ZoneId zone = colleges.settings(held.collegeId()).zone();
            String text = "Колледж: " + name + " (" + held.collegeId() + ")\n"
                    + "Поток: " + RussianNames.flow(held.flow()) + "\n"
                    + "Запуск № " + held.runId() + " задержан до решения оператора с " + MOMENT.format(held.createdAt().atZone(zone))
                    + " (время колледжа).\n"
                    + "Причина: " + PersonalDataMask.mask(held.reason()) + "\n"
                    + "Пока оператор не одобрит или не отклонит запуск, его изменения на платформы не отправляются.";
            alerts.accept(about(NotificationKind.HELD_RUN, "held:" + held.runId(), held.collegeId(),
                    "Задержан запуск № " + held.runId() + " («" + RussianNames.flow(held.flow()) + "»): " + name + " — нужно решение",
                    text, links.held(held.runId())));
        }
    }

    private void sourceAlerts(Consumer<Notification> alerts) {
        for (SyncRuns.Run run : runs.latest()) {
            if (!SyncRuns.FAILED.equals(run.status()) || !colleges.ids().contains(run.collegeId())) {
                continue;
            }
            String name = collegeName(run.collegeId());
            ZoneId zone = colleges.settings(run.collegeId()).zone();
            String text = "Колледж: " + name + " (" + run.collegeId() + ")\n"
                    + "Поток: " + RussianNames.flow(run.flow()) + "\n"
                    + "Последний запуск № " + run.id() + " (" + MOMENT.format(run.startedAt().atZone(zone)) + ", время колледжа) не выполнен: "
                    + "данные источника не получены.\n"
                    + "Ошибка: " + PersonalDataMask.mask(run.error() == null ? "не указана" : run.error()) + "\n"
                    + "Данные потока не обновляются, пока источник недоступен. Проверьте связь: «Проверка связи» в консоли "
                    + "(POST /api/colleges/" + run.collegeId() + "/connection-test).";
            alerts.accept(about(NotificationKind.SOURCE_UNREACHABLE, "source:" + run.id(), run.collegeId(),
                    "Источник недоступен: «" + RussianNames.flow(run.flow()) + "», " + name + " (запуск № " + run.id() + ")",
                    text, links.runs(run.collegeId())));
        }
    }

    private void circuitAlerts(Consumer<Notification> alerts) {
        Map<String, Set<String>> byTarget = new TreeMap<>();
        for (String college : colleges.ids()) {
            colleges.enabledTargets(college).forEach(target -> byTarget.computeIfAbsent(target, t -> new LinkedHashSet<>()).add(college));
        }
        Instant now = clock.instant();
        byTarget.forEach((target, users) -> {
            if (circuits.state(target) == CircuitBreaker.State.CLOSED) {
                notClosedSince.remove(target);
                return;
            }
            Instant since = notClosedSince.computeIfAbsent(target, t -> now);
            Duration open = Duration.between(since, now);
            if (open.compareTo(settings.circuitOpenAfter()) < 0) {
                return;
            }
            String text = "Платформа: " + RussianNames.target(target) + "\n"
                    + "Предохранитель отключил отправку на платформу после серии ошибок и не закрыт уже " + minutes(open) + ".\n"
                    + "Записи не теряются: они ждут и будут отправлены, когда платформа ответит; затронуто колледжей: " + users.size() + ".\n"
                    + "Если платформа недоступна дольше обычного, сообщите её службе поддержки.";
            Set<String> regions = users.stream().map(recipients::regionOf).filter(region -> region != null).collect(Collectors.toSet());
            alerts.accept(new Notification(NotificationKind.CIRCUIT_OPEN, "circuit:" + target + ":" + since.toEpochMilli(), null, users, regions,
                    true, "Платформа " + RussianNames.target(target) + " недоступна дольше " + minutes(settings.circuitOpenAfter()),
                    text, links.hub(), now));
        });
    }

    private void deadLetterAlert(String college, Consumer<Notification> alerts) {
        int open = deadLetters.countOpen(college);
        if (open <= settings.deadLetterThreshold()) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), colleges.settings(college).zone());
        String name = collegeName(college);
        String text = "Колледж: " + name + " (" + college + ")\n"
                + "Недоставленных записей ждут оператора: " + open + " (порог " + settings.deadLetterThreshold() + ").\n"
                + "Их можно отправить повторно по одной или все сразу из консоли, когда причина устранена.";
        alerts.accept(about(NotificationKind.DEAD_LETTERS, "dead-letters:" + college + ":" + today, college,
                "Недоставленных записей больше порога: " + open + ", " + name, text, links.deadLetters(college)));
    }

    private void slaAlerts(String college, Consumer<Notification> alerts) {
        String name = collegeName(college);
        for (StaffSla.OrderSla order : sla.report(college)) {
            if (!order.violation()) {
                continue;
            }
            String platforms = order.targets().stream().filter(target -> !target.sameDay())
                    .map(target -> RussianNames.target(target.target())).collect(Collectors.joining(", "));
            String text = "Колледж: " + name + " (" + college + ")\n"
                    + "Кадровый приказ № " + order.orderNo() + " (" + RussianNames.orderKind(order.kind()) + "), вступает в силу "
                    + order.effectiveDate().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + ".\n"
                    + "Учётная запись не изменена в срок на платформах: " + platforms + ".\n"
                    + "Причина: " + PersonalDataMask.mask(order.reason() == null ? "не указана" : order.reason().replaceFirst("^[A-Z_]+: ", ""));
            alerts.accept(about(NotificationKind.SLA_VIOLATION, "sla:" + college + ":" + order.orderKey(), college,
                    "Нарушен срок по кадровому приказу № " + order.orderNo() + ": " + name, text, links.reports(college)));
        }
    }

    private void marksAlert(String college, Consumer<Notification> alerts) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), colleges.settings(college).zone());
        String key = "marks-late:" + college + ":" + today;
        Set<String> regions = recipients.regionOf(college) == null ? Set.of() : Set.of(recipients.regionOf(college));
        // the late-marks report reads every mark of the college: only when someone still waits for today's alert
        if (!notifier.awaited(NotificationKind.MARKS_LATE, key, Set.of(college), regions)) {
            return;
        }
        Map<String, Integer> byGroup = new TreeMap<>();
        marks.late(college).forEach(row -> {
            if (!row.lateMarks().isEmpty()) {
                byGroup.merge(row.group(), row.lateMarks().size(), Integer::sum);
            }
        });
        int late = byGroup.values().stream().mapToInt(Integer::intValue).sum();
        if (late == 0) {
            return;
        }
        String name = collegeName(college);
        String text = "Колледж: " + name + " (" + college + ")\n"
                + "Отметок внесено в журнал позже срока колледжа: " + late + ", в " + plural(byGroup.size(), "группе", "группах", "группах") + ".\n"
                + "По группам: " + byGroup.entrySet().stream().map(group -> group.getKey() + " — " + group.getValue())
                .collect(Collectors.joining(", ")) + ".\n"
                + "Отчёт по группам и преподавателям — в консоли, раздел «Отчёты».";
        alerts.accept(about(NotificationKind.MARKS_LATE, key, college, "Отметки позже срока: " + late + ", " + name, text, links.reports(college)));
    }

    private Notification about(NotificationKind kind, String key, String college, String title, String text, String url) {
        String region = recipients.regionOf(college);
        return new Notification(kind, key, college, Set.of(college), region == null ? Set.of() : Set.of(region), false, title, text, url,
                clock.instant());
    }

    private String collegeName(String college) {
        return colleges.settings(college).name();
    }

    private static String minutes(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        return minutes < 1 ? duration.toSeconds() + " с" : plural((int) minutes, "минуту", "минуты", "минут");
    }

    private static void check(String what, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException failed) {
            log.warn("Уведомления: проверка «{}» не выполнена: {}", what, PersonalDataMask.mask(String.valueOf(failed.getMessage())));
        }
    }
}
