package ru.spobridge.app.notify;

import static ru.spobridge.app.notify.RussianNames.plural;

import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.quartz.CronExpression;
import org.springframework.stereotype.Component;
import ru.spobridge.app.notify.CollegeFigures.FlowLine;
import ru.spobridge.app.notify.CollegeFigures.Figures;
import ru.spobridge.routes.Colleges;

/**
 * The daily summaries in Russian: a college's (its runs of the last day by flow and what waits for someone now) and a
 * region's for the ministry (a line per college and the totals). When they are due: at {@code digest-cron} in each
 * college's own time zone (a region's in its first college's), once a day — a summary missed while the hub was down
 * goes when it is back.
 */
@Component
public class DailyDigests {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final Colleges colleges;
    private final CollegeFigures figures;
    private final Recipients recipients;
    private final ConsoleLinks links;
    private final NotificationSettings settings;

    public DailyDigests(Colleges colleges, CollegeFigures figures, Recipients recipients, ConsoleLinks links, NotificationSettings settings) {
        this.colleges = colleges;
        this.figures = figures;
        this.recipients = recipients;
        this.links = links;
        this.settings = settings;
    }

    /** The day whose summary is due at this moment in this zone, or null before today's time has come. */
    public LocalDate dueDay(ZoneId zone, Instant now) {
        try {
            CronExpression cron = new CronExpression(settings.digestCron());
            cron.setTimeZone(TimeZone.getTimeZone(zone));
            LocalDate today = LocalDate.ofInstant(now, zone);
            Date first = cron.getTimeAfter(Date.from(today.atStartOfDay(zone).toInstant().minusMillis(1)));
            return first != null && !first.toInstant().isAfter(now) && LocalDate.ofInstant(first.toInstant(), zone).equals(today) ? today : null;
        } catch (ParseException checkedAtStart) {
            throw new IllegalStateException(checkedAtStart);
        }
    }

    public static String digestKey(String college, LocalDate day) {
        return "digest:" + college + ":" + day;
    }

    public static String regionKey(String region, LocalDate day) {
        return "region-summary:" + region + ":" + day;
    }

    /** The regions of the running colleges, as subscriptions name them. */
    public Set<String> regions() {
        return colleges.ids().stream().map(recipients::regionOf).filter(region -> region != null)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public List<String> collegesOf(String region) {
        return colleges.ids().stream().filter(college -> region.equals(recipients.regionOf(college))).toList();
    }

    public ZoneId zoneOf(String region) {
        List<String> members = collegesOf(region);
        return members.isEmpty() ? ZoneId.systemDefault() : colleges.settings(members.get(0)).zone();
    }

    public Notification collegeDigest(String college, String subjectKey) {
        Figures day = figures.lastDay(college);
        String title = "Сводка обмена за " + DAY.format(day.until().atZone(day.zone())) + ": " + day.name()
                + (day.needsAttention() ? " — требует внимания" : " — без замечаний");
        StringBuilder text = new StringBuilder();
        text.append("Ежедневная сводка узла обмена данными spo-bridge\n");
        text.append("Колледж: ").append(day.name()).append(" (").append(college).append(")");
        if (day.region() != null) {
            text.append(", регион: ").append(day.region());
        }
        text.append('\n');
        text.append("Период: с ").append(MOMENT.format(day.since().atZone(day.zone()))).append(" по ")
                .append(MOMENT.format(day.until().atZone(day.zone()))).append(" (время колледжа, ").append(day.zone()).append(")\n\n");
        section(text, day);
        text.append("\nЗапуски колледжа: ").append(links.runs(college)).append('\n');
        text.append("Недоставленные записи: ").append(links.deadLetters(college)).append('\n');
        return new Notification(NotificationKind.DIGEST, subjectKey, college, Set.of(college), regionsOf(Set.of(college)), false,
                title, text.toString(), links.overview(college), day.until());
    }

    public Notification regionSummary(String region, String subjectKey) {
        List<String> members = collegesOf(region);
        List<Figures> all = members.stream().map(figures::lastDay).toList();
        ZoneId zone = zoneOf(region);
        Instant until = all.isEmpty() ? Instant.now() : all.get(0).until();
        String regionName = all.stream().map(Figures::region).filter(name -> name != null).findFirst().orElse(region);
        long attention = all.stream().filter(Figures::needsAttention).count();
        String title = "Сводка по региону " + regionName + " за " + DAY.format(until.atZone(zone)) + ": "
                + plural(all.size(), "колледж", "колледжа", "колледжей")
                + (attention > 0 ? ", требуют внимания: " + attention : ", без замечаний");
        StringBuilder text = new StringBuilder();
        text.append("Сводка узла обмена данными spo-bridge для министерства\n");
        text.append("Регион: ").append(regionName).append(", колледжей: ").append(all.size()).append('\n');
        text.append("Период: сутки до ").append(MOMENT.format(until.atZone(zone))).append(" (").append(zone).append(")\n\n");
        text.append("Итого по региону: запусков ").append(all.stream().mapToInt(Figures::runs).sum())
                .append(", не выполнено ").append(all.stream().mapToInt(Figures::failedRuns).sum())
                .append(", доставлено записей ").append(all.stream().mapToInt(Figures::delivered).sum())
                .append(", отклонено платформами ").append(all.stream().mapToInt(Figures::targetRejected).sum())
                .append(", отклонено при проверке ").append(all.stream().mapToInt(Figures::intakeRejected).sum())
                .append(", недоставленных ждут оператора ").append(all.stream().mapToInt(Figures::deadLettersOpen).sum())
                .append(", задержанных запусков ").append(all.stream().mapToInt(figure -> figure.heldRuns().size()).sum())
                .append("\n\n");
        for (Figures college : all) {
            text.append("━━ ").append(college.name()).append(" (").append(college.college()).append(")")
                    .append(college.needsAttention() ? " — требует внимания" : " — без замечаний").append('\n');
            section(text, college);
            text.append("\nКонсоль колледжа: ").append(links.overview(college.college())).append("\n\n");
        }
        return new Notification(NotificationKind.REGION_SUMMARY, subjectKey, null, Set.copyOf(members), Set.of(region), false, title,
                text.toString(), links.hub(), until);
    }

    /** A college's part of a summary: runs by flow, totals, and what waits for someone. */
    private static void section(StringBuilder text, Figures day) {
        text.append("Запуски по потокам:\n");
        if (day.flows().isEmpty()) {
            text.append("  за сутки запусков не было\n");
        }
        for (FlowLine line : day.flows()) {
            text.append("  ").append(RussianNames.flow(line.flow())).append(": ")
                    .append(plural(line.runs(), "запуск", "запуска", "запусков")).append(" — ")
                    .append(line.statuses().entrySet().stream().map(status -> RussianNames.status(status.getKey()) + " " + status.getValue())
                            .collect(Collectors.joining(", ")))
                    .append("\n    прочитано ").append(line.read()).append(", изменений ").append(line.changed())
                    .append(", отклонено при проверке ").append(line.rejected()).append(", отправлено ").append(line.published())
                    .append("\n    доставлено ").append(line.delivered()).append(", отклонено платформами ").append(line.targetRejected())
                    .append(", недоставлено ").append(line.deadLetters()).append('\n');
        }
        text.append("\nИтого за сутки: доставлено ").append(day.delivered()).append(", отклонено платформами ").append(day.targetRejected())
                .append(", отклонено при проверке ").append(day.intakeRejected()).append(", недоставлено ").append(day.deadLettered())
                .append('\n');
        text.append("\nЖдут действий сейчас:\n");
        text.append("  недоставленные записи у оператора: ").append(day.deadLettersOpen())
                .append(" (повторяются автоматически: ").append(day.deadLettersRetrying()).append(")\n");
        text.append("  отклонённые записи, не исправленные в источнике: ").append(day.rejectionsOpen()).append('\n');
        text.append("  задержанные запуски, ждут решения: ").append(day.heldRuns().size());
        for (int i = 0; i < day.heldRuns().size(); i++) {
            text.append(i == 0 ? " — " : ", ").append("№ ").append(day.heldRuns().get(i)).append(" (")
                    .append(RussianNames.flow(day.heldFlows().get(i))).append(")");
        }
        text.append('\n');
        text.append("  кадровые приказы с нарушением срока: ").append(day.slaViolations() == null ? "нет данных" : day.slaViolations()).append('\n');
        text.append("  отметки, внесённые позже срока: ").append(day.marksLate() == null ? "нет данных" : day.marksLate()).append('\n');
    }

    private Set<String> regionsOf(Set<String> members) {
        return members.stream().map(recipients::regionOf).filter(region -> region != null).collect(Collectors.toSet());
    }
}
