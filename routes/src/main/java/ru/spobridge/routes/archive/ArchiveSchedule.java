package ru.spobridge.routes.archive;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.store.CanonicalRecords;

/**
 * What a college's calendar asks for today, in its own zone: the archives due today or in the last week (a hub that
 * was down on the day catches up) and not attempted yet — a failed attempt waits for an administrator's re-run.
 */
@Component
public class ArchiveSchedule {

    private static final Logger log = LoggerFactory.getLogger(ArchiveSchedule.class);
    /** How far back a missed day is caught up. */
    static final int CATCH_UP_DAYS = 7;
    /** The canonical entity of the college's groups (the contingent flow's), read here only for their codes. */
    private static final String GROUP = "group";

    private final ArchiveSettings settings;
    private final ArchiveCatalog catalog;
    private final CanonicalRecords canonical;
    private final Colleges colleges;
    private final Clock clock;

    public ArchiveSchedule(ArchiveSettings settings, ArchiveCatalog catalog, CanonicalRecords canonical, Colleges colleges, Clock clock) {
        this.settings = settings;
        this.catalog = catalog;
        this.canonical = canonical;
        this.colleges = colleges;
        this.clock = clock;
    }

    public List<ArchiveRequest> due(String collegeId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), colleges.settings(collegeId).zone());
        List<ArchiveRequest> requests = new ArrayList<>();
        for (ArchiveCalendar.Due due : ArchiveCalendar.dueBetween(today.minusDays(CATCH_UP_DAYS - 1), today, settings.calendarOf(collegeId))) {
            List<String> groups = due.perGroup() ? canonical.keys(collegeId, GROUP).stream().sorted().toList() : List.of();
            if (due.perGroup() && groups.isEmpty()) {
                log.warn("Архив {} {}: группы колледжа ещё не получены, годовой архив собирается один на колледж", collegeId, due.kind());
            }
            for (String group : groups.isEmpty() ? java.util.Collections.<String>singletonList(null) : groups) {
                ArchiveRequest request = new ArchiveRequest(collegeId, due.kind(), due.from(), due.to(), group, null, ArchiveManifest.Source.HUB);
                if (catalog.attempts(ArchiveBuilds.baseKey(request)).isEmpty()) {
                    requests.add(request);
                }
            }
        }
        return requests;
    }
}
