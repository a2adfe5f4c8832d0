package ru.spobridge.routes.archive.contents;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;
import ru.spobridge.model.Group;
import ru.spobridge.model.StudyForm;
import ru.spobridge.model.reference.ReferenceItem;
import ru.spobridge.model.reference.ReferenceKind;
import ru.spobridge.routes.config.HubProperties.RetentionSettings;

/**
 * The day until which an archived document is kept, counted from the end of the archived period: summary statements
 * for the college's term (75 years by default, 25 for a school); the journal's exports until the end of the groups'
 * period of study where the curriculum gives it, else for the fallback term (5 years) — for several groups, the
 * latest of their days, so no group's pages leave early.
 */
public record ArchiveRetention(RetentionSettings settings) {

    /** The curriculum's attribute that holds the day its period of study ends (ISO date). */
    public static final String END_DATE = "endDate";

    public LocalDate statements(LocalDate periodEnd) {
        return periodEnd.plus(settings.statements());
    }

    /** @param curricula the college's reference items (other kinds are skipped) */
    public LocalDate journal(LocalDate periodEnd, Collection<Group> groups, Collection<ReferenceItem> curricula) {
        if (settings.journal() != null) {
            return periodEnd.plus(settings.journal());
        }
        LocalDate fallback = periodEnd.plus(settings.journalFallback());
        if (groups.isEmpty()) {
            return fallback;
        }
        LocalDate latest = null;
        for (Group group : groups) {
            LocalDate until = endOfStudy(group, periodEnd, curricula).filter(end -> !end.isBefore(periodEnd)).orElse(fallback);
            latest = latest == null || until.isAfter(latest) ? until : latest;
        }
        return latest;
    }

    /**
     * The end of a group's period of study: its curriculum is the one of its specialty and form that started in the
     * school year the group entered (this year's start less the courses it has done).
     */
    static Optional<LocalDate> endOfStudy(Group group, LocalDate periodEnd, Collection<ReferenceItem> curricula) {
        if (group.specialtyCode() == null || group.course() < 1) {
            return Optional.empty();
        }
        int schoolYearStart = periodEnd.getMonthValue() >= 9 ? periodEnd.getYear() : periodEnd.getYear() - 1;
        String startYear = Integer.toString(schoolYearStart - (group.course() - 1));
        return curricula.stream()
                .filter(item -> item.kind() == ReferenceKind.CURRICULUM)
                .filter(item -> group.specialtyCode().equals(item.attributes().get("specialty")))
                .filter(item -> startYear.equals(item.attributes().get("startYear")))
                .filter(item -> group.form() == null || sameForm(group.form(), item.attributes().get("form")))
                .map(item -> item.attributes().get(END_DATE))
                .flatMap(end -> parse(end).stream())
                .max(LocalDate::compareTo);
    }

    private static boolean sameForm(StudyForm form, String written) {
        try {
            return written != null && StudyForm.fromLabel(written) == form;
        } catch (RuntimeException unknown) {
            return false;
        }
    }

    private static Optional<LocalDate> parse(String date) {
        try {
            return date == null ? Optional.empty() : Optional.of(LocalDate.parse(date.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
