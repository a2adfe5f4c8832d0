package ru.spobridge.mappings.ktp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.model.journal.PlanItem;
import ru.spobridge.model.journal.ThematicPlan;

/**
 * The journal's topics against the calendar-thematic plan (seed 002 §3.8–3.9): each recorded lesson of a group and
 * discipline, in order of date and bell, is the plan's lesson of its own КТП number when the journal gives one, else of
 * its place in that order (lessons of several subgroups at one date and bell share a place).
 */
public final class TopicCheck {

    private TopicCheck() {
    }

    /** The findings of every plan, over the entries of its group and discipline; entries without a plan are not judged. */
    public static List<TopicFinding> check(List<ThematicPlan> plans, List<LessonEntry> entries) {
        Map<String, List<LessonEntry>> byPlan = new HashMap<>();
        for (LessonEntry entry : entries) {
            if (entry.groupCode() != null && entry.disciplineCode() != null) {
                byPlan.computeIfAbsent(ThematicPlan.key(entry.groupCode(), entry.disciplineCode()), key -> new ArrayList<>()).add(entry);
            }
        }
        List<TopicFinding> findings = new ArrayList<>();
        for (ThematicPlan plan : plans) {
            findings.addAll(check(plan, byPlan.getOrDefault(plan.key(), List.of())));
        }
        return findings;
    }

    /** The findings of one plan over the journal's entries of its group and discipline (others and deleted ones are ignored). */
    public static List<TopicFinding> check(ThematicPlan plan, List<LessonEntry> entries) {
        List<LessonEntry> recorded = entries.stream()
                .filter(entry -> !entry.deleted() && entry.date() != null)
                .filter(entry -> plan.key().equals(ThematicPlan.key(Objects.toString(entry.groupCode(), ""), Objects.toString(entry.disciplineCode(), ""))))
                .sorted(Comparator.comparing(LessonEntry::date).thenComparingInt(LessonEntry::bellNo).thenComparing(LessonEntry::lessonKey,
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        Map<String, Integer> places = new HashMap<>();
        // the first lesson recorded at each plan number, by which the earlier planned lessons became due
        TreeMap<Integer, LessonEntry> bySlot = new TreeMap<>();
        List<TopicFinding> findings = new ArrayList<>();
        for (LessonEntry entry : recorded) {
            Integer place = places.computeIfAbsent(entry.date() + "#" + entry.bellNo(), at -> places.size() + 1);
            int slot = entry.lessonNo() != null ? entry.lessonNo() : place;
            bySlot.putIfAbsent(slot, entry);
            findings.addAll(judge(plan, entry, slot));
        }
        if (!bySlot.isEmpty()) {
            for (PlanItem item : plan.items()) {
                Map.Entry<Integer, LessonEntry> later = bySlot.higherEntry(item.lessonNo());
                if (!bySlot.containsKey(item.lessonNo()) && later != null) {
                    LessonEntry due = later.getValue();
                    findings.add(finding(TopicFinding.Kind.MISSING, plan, null, due.date(), item.lessonNo(), item.topic(), null,
                            "Занятие № " + item.lessonNo() + " по КТП не записано в журнале, хотя уже записано занятие № " + later.getKey()
                                    + " (" + due.date() + ")"));
                }
            }
        }
        findings.sort(Comparator.comparing(TopicFinding::date).thenComparing(TopicFinding::lessonNo, Comparator.nullsLast(Comparator.naturalOrder())));
        return findings;
    }

    private static List<TopicFinding> judge(ThematicPlan plan, LessonEntry entry, int slot) {
        List<TopicFinding> findings = new ArrayList<>();
        Optional<PlanItem> planned = plan.item(slot);
        String topic = entry.hasTopic() ? entry.topic().strip() : null;
        String plannedTopic = planned.map(PlanItem::topic).orElse(null);
        if (planned.isEmpty()) {
            Optional<PlanItem> other = topic == null ? Optional.empty() : sameTopic(plan, topic, slot);
            findings.add(other.isPresent()
                    ? finding(TopicFinding.Kind.WRONG_ORDER, plan, entry, entry.date(), slot, null, topic, "Записана тема занятия № "
                            + other.get().lessonNo() + " по КТП, а занятия № " + slot + " в КТП нет")
                    : finding(TopicFinding.Kind.NOT_IN_PLAN, plan, entry, entry.date(), slot, null, topic, "Занятия № " + slot
                            + " в КТП нет: в плане " + plan.items().size() + " занятий"));
            return findings;
        }
        if (topic == null) {
            findings.add(finding(TopicFinding.Kind.MISSING, plan, entry, entry.date(), slot, plannedTopic, null,
                    "Занятие записано без темы; по КТП — тема занятия № " + slot));
        } else if (!TopicText.normalised(topic).equals(TopicText.normalised(plannedTopic))) {
            Optional<PlanItem> other = sameTopic(plan, topic, slot);
            if (other.isPresent()) {
                findings.add(finding(TopicFinding.Kind.WRONG_ORDER, plan, entry, entry.date(), slot, plannedTopic, topic,
                        "Записана тема занятия № " + other.get().lessonNo() + " по КТП вместо темы занятия № " + slot));
            } else if (TopicText.abbreviates(topic, plannedTopic)) {
                findings.add(finding(TopicFinding.Kind.ABBREVIATED, plan, entry, entry.date(), slot, plannedTopic, topic,
                        "Тема записана сокращённо; по КТП её записывают полностью, без сокращения слов"));
            } else {
                findings.add(finding(TopicFinding.Kind.DIFFERENT_WORDING, plan, entry, entry.date(), slot, plannedTopic, topic,
                        "Тема записана иначе, чем в КТП"));
            }
        }
        workNumber(plan, entry, slot, planned.get()).ifPresent(findings::add);
        return findings;
    }

    /** The work's number as the plan gives it, and no number on a lesson the plan does not count as a work. */
    private static Optional<TopicFinding> workNumber(ThematicPlan plan, LessonEntry entry, int slot, PlanItem item) {
        String message = null;
        if (!item.workKind().isWork() && entry.workNo() != null) {
            message = "Записан номер работы " + entry.workNo() + ", а по КТП занятие № " + slot + " — не работа ("
                    + item.workKind().label().toLowerCase(java.util.Locale.ROOT) + ")";
        } else if (item.workNo() != null && entry.workNo() == null) {
            message = "Не записан номер работы: по КТП это " + item.workKind().label().toLowerCase(java.util.Locale.ROOT) + " № " + item.workNo();
        } else if (item.workNo() != null && !item.workNo().equals(entry.workNo())) {
            message = "Записан номер работы " + entry.workNo() + ", а по КТП это " + item.workKind().label().toLowerCase(java.util.Locale.ROOT)
                    + " № " + item.workNo();
        }
        return Optional.ofNullable(message).map(text -> finding(TopicFinding.Kind.WORK_NUMBER, plan, entry, entry.date(), slot, item.topic(),
                entry.hasTopic() ? entry.topic().strip() : null, text));
    }

    /** The plan's lesson, other than {@code slot}, whose topic the recorded one is (normalised). */
    private static Optional<PlanItem> sameTopic(ThematicPlan plan, String topic, int slot) {
        String normalised = TopicText.normalised(topic);
        return plan.items().stream().filter(item -> item.lessonNo() != slot)
                .filter(item -> TopicText.normalised(item.topic()).equals(normalised)).findFirst();
    }

    private static TopicFinding finding(TopicFinding.Kind kind, ThematicPlan plan, LessonEntry entry, LocalDate date, Integer lessonNo,
                                        String planned, String recorded, String message) {
        return new TopicFinding(kind, plan.groupCode(), plan.disciplineCode(), entry == null ? null : entry.lessonKey(), date, lessonNo,
                planned, recorded, message);
    }

    /** Findings by kind, for a summary line. */
    public static Map<TopicFinding.Kind, Long> countByKind(List<TopicFinding> findings) {
        Map<TopicFinding.Kind, Long> counts = new LinkedHashMap<>();
        for (TopicFinding.Kind kind : TopicFinding.Kind.values()) {
            counts.put(kind, findings.stream().filter(finding -> finding.kind() == kind).count());
        }
        return counts;
    }
}
