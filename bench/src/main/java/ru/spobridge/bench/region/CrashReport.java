package ru.spobridge.bench.region;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The crash scenario's figures as Markdown: per region what was owed and what the platform holds, then the evidence. */
final class CrashReport {

    private static final int EXAMPLES = 20;

    private CrashReport() {
    }

    /** The line of the main table: records at the platforms, seconds until quiet, and the verdict. */
    static String status(CrashScenario.Result result) {
        return String.format(Locale.ROOT, "%s: lost %d, applied twice %d, dead letters %d, runs non-final %d%s",
                result.clean() ? "clean" : "NOT CLEAN", result.lost(), result.appliedTwice(), result.deadLetters(), result.openRuns(),
                result.quiet() ? "" : ", not quiet within the time limit");
    }

    static long records(CrashScenario.Result result) {
        return result.colleges().stream().mapToLong(count -> count.students() + count.guardians()).sum();
    }

    static String markdown(CrashScenario.Result result) {
        StringBuilder text = new StringBuilder("\n## Crash and faults, unattended\n\n");
        text.append("Faults: a fifth of every platform's answers (503, 429, 401, 500 and latency bursts of 1.6 s past the hub's ")
                .append(CrashScenario.HUB_TIMEOUT.toMillis()).append(" ms timeout, 3 requests long), a fifth of the source's 503 and ")
                .append("20 ms on each. The hub on its own schedule (every 10 s) with automatic retry; kill -9 during the read and ")
                .append("during delivery, restarted on the same store, then left alone until quiet.\n\n");
        result.events().forEach(event -> text.append("- ").append(event).append('\n'));
        text.append("\n| region | platform | colleges | owed students | at platform | owed guardians | at platform | lost"
                + " | applied twice | dead letters open / retrying | runs non-final | students at platform not owed |\n");
        text.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
        Map<String, List<CrashScenario.CollegeCount>> byRegion = new LinkedHashMap<>();
        result.colleges().forEach(count -> byRegion.computeIfAbsent(region(count), id -> new ArrayList<>()).add(count));
        byRegion.forEach((region, counts) -> {
            BenchRegion.Platform platform = counts.get(0).college().platform();
            JsonNode applications = result.applications().get(platform);
            text.append(row(region, platform.base(), counts, applications == null ? -1 : applications.path("appliedTwice").asInt(-1)));
        });
        text.append(row("**all**", "", result.colleges(), result.appliedTwice()));
        text.append("\nowed: the generated valid students and their guardians (less guardians the hub refused with a reason);"
                + " at platform: the platform's listing for the college's account after quiet; applied twice: the platform's own"
                + " count of record versions applied more than once (all clients). In the table above, records are the students"
                + " and guardians the platforms list and hub s the time from the first unattended start until quiet, kills and"
                + " restarts included.\n\n");
        text.append("| simulator | requests | faults injected | answers replayed by key |\n|---|---:|---:|---:|\n");
        result.faultStats().forEach((name, stats) -> text.append("| ").append(name).append(" | ").append(stats.path("requests").asLong())
                .append(" | ").append(stats.path("injected").asLong()).append(" | ")
                .append(stats.has("replayedRequests") ? stats.path("replayedRequests").asText() : "—").append(" |\n"));
        evidence(result, text);
        return text.toString();
    }

    private static String row(String region, String platform, List<CrashScenario.CollegeCount> counts, int appliedTwice) {
        int open = counts.stream().mapToInt(CrashScenario.CollegeCount::deadOpen).sum();
        int retrying = counts.stream().mapToInt(CrashScenario.CollegeCount::deadRetrying).sum();
        return "| " + region + " | " + platform + " | " + counts.size()
                + " | " + counts.stream().mapToInt(CrashScenario.CollegeCount::owedStudents).sum()
                + " | " + counts.stream().mapToInt(CrashScenario.CollegeCount::students).sum()
                + " | " + counts.stream().mapToInt(CrashScenario.CollegeCount::owedGuardians).sum()
                + " | " + counts.stream().mapToInt(CrashScenario.CollegeCount::guardians).sum()
                + " | " + counts.stream().mapToInt(count -> count.lost().size()).sum()
                + " | " + appliedTwice + " | " + open + " / " + retrying
                + " | " + counts.stream().mapToInt(CrashScenario.CollegeCount::openRuns).sum()
                + " | " + counts.stream().mapToInt(CrashScenario.CollegeCount::notOwedAtPlatform).sum() + " |\n";
    }

    /** What is not clean, with record ids (generated, no personal data) so that it can be looked up in the hub's log and store. */
    private static void evidence(CrashScenario.Result result, StringBuilder text) {
        for (CrashScenario.CollegeCount count : result.colleges()) {
            if (!count.lost().isEmpty()) {
                text.append("\nlost at ").append(count.college().id()).append(": ")
                        .append(String.join(", ", count.lost().stream().limit(EXAMPLES).toList()))
                        .append(count.lost().size() > EXAMPLES ? " …" : "").append('\n');
            }
        }
        result.applications().forEach((platform, report) -> {
            JsonNode records = report.path("records");
            if (records.size() > 0) {
                text.append("\napplied twice at ").append(platform.base()).append(" (client, resource, externalId, version, times):\n");
                for (int i = 0; i < Math.min(EXAMPLES, records.size()); i++) {
                    JsonNode record = records.get(i);
                    text.append("- ").append(record.path("client").asText()).append(", ").append(record.path("resource").asText())
                            .append(", ").append(record.path("externalId").asText()).append(", ").append(record.path("version").asText())
                            .append(", ").append(record.path("applied").asInt()).append('\n');
                }
            }
        });
    }

    private static String region(CrashScenario.CollegeCount count) {
        String id = count.college().id();
        return id.contains("-") ? id.substring(0, id.indexOf('-')) : id;
    }
}
