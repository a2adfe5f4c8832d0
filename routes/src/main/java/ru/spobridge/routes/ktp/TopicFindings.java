package ru.spobridge.routes.ktp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import ru.spobridge.mappings.ktp.TopicCheck;
import ru.spobridge.mappings.ktp.TopicFinding;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.model.journal.ThematicPlan;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.ThematicPlans;

/**
 * The topic check of a college over a period: its stored plans against the lesson entries the hub holds from the
 * college journal (canonical records of type {@value LessonEntry#ENTITY_TYPE}). The whole journal is read, since a
 * lesson's place in the plan depends on the lessons before the period; only the findings are cut to the period.
 */
@Component
public class TopicFindings {

    private final ThematicPlans plans;
    private final CanonicalRecords canonical;
    private final CanonicalJson json;

    public TopicFindings(ThematicPlans plans, CanonicalRecords canonical, CanonicalJson json) {
        this.plans = plans;
        this.canonical = canonical;
        this.json = json;
    }

    /**
     * The findings dated within [from, to] (either bound may be null), how many lessons were judged, and the groups
     * and disciplines with recorded lessons but no plan (their topics cannot be judged).
     */
    public record Report(LocalDate from, LocalDate to, int plans, int lessons, List<TopicFinding> findings,
                         Map<TopicFinding.Kind, Long> byKind, List<String> withoutPlan) {
    }

    public Report report(String collegeId, LocalDate from, LocalDate to) {
        List<ThematicPlan> collegePlans = plans.plans(collegeId).stream().map(ThematicPlans.Stored::plan).toList();
        List<LessonEntry> entries = new ArrayList<>();
        for (String payload : canonical.payloads(collegeId, LessonEntry.ENTITY_TYPE).values()) {
            entries.add(json.read(payload, LessonEntry.class));
        }
        Set<String> planned = new HashSet<>();
        collegePlans.forEach(plan -> planned.add(plan.key()));
        Set<String> withoutPlan = new TreeSet<>();
        int lessons = 0;
        for (LessonEntry entry : entries) {
            if (entry.deleted() || entry.groupCode() == null || entry.disciplineCode() == null || !within(entry.date(), from, to)) {
                continue;
            }
            String key = ThematicPlan.key(entry.groupCode(), entry.disciplineCode());
            if (planned.contains(key)) {
                lessons++;
            } else {
                withoutPlan.add(entry.groupCode().strip() + " — " + entry.disciplineCode().strip());
            }
        }
        List<TopicFinding> findings = TopicCheck.check(collegePlans, entries).stream()
                .filter(finding -> within(finding.date(), from, to)).toList();
        return new Report(from, to, collegePlans.size(), lessons, findings, TopicCheck.countByKind(findings), List.copyOf(withoutPlan));
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return date != null && (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
