package ru.spobridge.app.notify;

import java.time.Instant;
import java.util.Set;

/**
 * One message to send: what about ({@code subjectKey} names the occurrence, so it goes once), which colleges and
 * regions it concerns (who may receive it), and its Russian title and text — counts, run numbers, flow and college
 * names, never a person's data.
 *
 * @param colleges the colleges it is about; a recipient bound to a user must see all of them, unless {@code anyCollege}
 * @param regions  the regions of those colleges
 */
public record Notification(NotificationKind kind, String subjectKey, String college, Set<String> colleges, Set<String> regions,
                           boolean anyCollege, String title, String text, String consoleUrl, Instant at) {

    public Notification {
        colleges = Set.copyOf(colleges);
        regions = Set.copyOf(regions);
    }
}
