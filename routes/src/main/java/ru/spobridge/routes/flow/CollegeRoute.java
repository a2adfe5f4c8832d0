package ru.spobridge.routes.flow;

import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

/**
 * One per-college route, as an instance of a kernel route template: its route id and template parameters. Two equal
 * values describe the same running route, so a change of settings is seen by comparing them.
 */
public record CollegeRoute(String routeId, String templateId, Map<String, String> parameters) {

    public CollegeRoute {
        parameters = Map.copyOf(new TreeMap<>(parameters));
    }

    /** A Quartz schedule in the college's zone that sends the college to a flow's entry; the group names the flow. */
    public static CollegeRoute schedule(String routeId, String group, String collegeId, String cron, ZoneId zone, String trigger,
                                        String entry) {
        return schedule(routeId, group, group, collegeId, cron, zone, trigger, entry);
    }

    /** A Quartz schedule of a flow in the college's zone; the run gate is asked for this flow before the entry. */
    public static CollegeRoute schedule(String routeId, String flow, String group, String collegeId, String cron, ZoneId zone,
                                        String trigger, String entry) {
        return new CollegeRoute(routeId, CollegeRouteTemplates.SCHEDULE, Map.of(
                "group", group, "college", collegeId, "cron", cron.strip().replaceAll("\\s+", "+"), "zone", zone.getId(),
                "trigger", trigger, "entry", entry, "flow", flow));
    }

    /** A folder watched for files of a pattern, each sent with the college to a flow's entry. */
    public static CollegeRoute inbox(String routeId, String collegeId, String folder, String includePattern, String entry) {
        return inbox(routeId, "", collegeId, folder, includePattern, entry);
    }

    /** A folder of a flow: while the flow or the college is paused its files wait in place. */
    public static CollegeRoute inbox(String routeId, String flow, String collegeId, String folder, String includePattern, String entry) {
        return new CollegeRoute(routeId, CollegeRouteTemplates.INBOX, Map.of(
                "college", collegeId, "folder", folder, "include", includePattern, "entry", entry, "flow", flow));
    }
}
