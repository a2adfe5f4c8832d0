package ru.spobridge.simulators.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.SimulatorWebTest;

/** The college journal's change feed: token, changes since a cursor in pages, versions and deletions. */
class JournalChangesTest extends SimulatorWebTest {

    private static final String COLLEGE = "1025900000015";
    private static final String DBG_KEY = "dbg:2026-09-07:1:ИСП-21:ОП.01";
    private static final Instant GIVEN = Instant.parse("2026-09-07T06:10:00Z");

    private String token() {
        HttpResponse<String> response = postForm("/journal-sim/api/v1/token",
                Map.of("grant_type", "client_credentials", "client_id", "hub", "client_secret", "any"));
        return json(response).get("access_token").asText();
    }

    private HttpResponse<String> changes(String college, String query, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(url("/journal-sim/api/v1/" + college + "/changes" + query))).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static String since(String cursor) {
        return "?since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    private long mark(String id, String value) {
        return journal.putMark(COLLEGE, id, "stu-1", DBG_KEY, value, "current", "stf-1", GIVEN);
    }

    @Test
    void the_feed_needs_a_bearer_token_from_the_token_endpoint() {
        mark("m-1", "5");

        HttpResponse<String> missing = changes(COLLEGE, "", null);
        HttpResponse<String> unknown = changes(COLLEGE, "", "not-a-token");
        HttpResponse<String> issued = postForm("/journal-sim/api/v1/token",
                Map.of("grant_type", "client_credentials", "client_id", "hub", "client_secret", "any"));
        HttpResponse<String> authorised = changes(COLLEGE, "", json(issued).get("access_token").asText());

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(json(missing).get("code").asText()).isEqualTo("TOKEN_EXPIRED");
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(json(issued).get("token_type").asText()).isEqualTo("Bearer");
        assertThat(authorised.statusCode()).isEqualTo(200);
        assertThat(json(authorised).get("items")).hasSize(1);
        assertThat(journal.requests()).isEqualTo(3);
    }

    @Test
    void changes_come_in_order_in_pages_that_follow_next_until_has_more_is_false() {
        for (int i = 1; i <= 5; i++) {
            mark("m-" + i, "4");
        }
        journal.putMark("1027400000011", "m-1", "stu-7", DBG_KEY, "3", "current", "stf-2", GIVEN);
        String token = token();

        JsonNode first = json(changes(COLLEGE, "?limit=2", token));
        JsonNode second = json(changes(COLLEGE, since(first.get("next").asText()) + "&limit=2", token));
        JsonNode third = json(changes(COLLEGE, since(second.get("next").asText()) + "&limit=2", token));
        JsonNode after = json(changes(COLLEGE, since(third.get("next").asText()), token));
        JsonNode fromStart = json(changes(COLLEGE, "?since=", token));
        JsonNode other = json(changes("1027400000011", "", token));
        JsonNode nobody = json(changes("0000000000000", "", token));

        assertThat(first.get("items").findValuesAsText("id")).containsExactly("m-1", "m-2");
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(second.get("items").findValuesAsText("id")).containsExactly("m-3", "m-4");
        assertThat(third.get("items").findValuesAsText("id")).containsExactly("m-5");
        assertThat(third.get("hasMore").asBoolean()).isFalse();
        assertThat(after.get("items")).isEmpty();
        assertThat(after.get("hasMore").asBoolean()).isFalse();
        assertThat(after.get("next").asText()).isEqualTo(third.get("next").asText());
        assertThat(fromStart.get("items").findValuesAsText("seq")).containsExactly("1", "2", "3", "4", "5");
        assertThat(other.get("items")).hasSize(1);
        assertThat(other.at("/items/0/seq").asLong()).isEqualTo(1);
        assertThat(nobody.get("items")).isEmpty();
    }

    @Test
    void every_change_of_a_record_bumps_its_version_and_a_deletion_carries_its_last_fields() {
        long first = mark("m-1", "4");
        long second = mark("m-1", "5/4");
        long absence = journal.putAttendance(COLLEGE, "a-1", "stu-2", "les-77", "УП", true, "stf-1", GIVEN);
        long deletion = journal.delete(COLLEGE, "mark", "m-1");
        long again = mark("m-1", "зач");

        JsonNode items = json(changes(COLLEGE, "", token())).get("items");

        assertThat(new long[] {first, second, absence, deletion, again}).containsExactly(1, 2, 3, 4, 5);
        assertThat(items.findValuesAsText("version")).containsExactly("1", "2", "1", "3", "4");
        assertThat(items.findValuesAsText("op")).containsExactly("upsert", "upsert", "upsert", "delete", "upsert");
        JsonNode mark = items.get(1);
        assertThat(mark.get("type").asText()).isEqualTo("mark");
        assertThat(mark.get("value").asText()).isEqualTo("5/4");
        assertThat(mark.get("workType").asText()).isEqualTo("current");
        assertThat(mark.get("studentId").asText()).isEqualTo("stu-1");
        assertThat(mark.get("teacherId").asText()).isEqualTo("stf-1");
        assertThat(mark.get("givenAt").asText()).isEqualTo("2026-09-07T06:10:00Z");
        assertThat(mark.get("lessonKey").asText()).isEqualTo(DBG_KEY);
        assertThat(mark.get("date").asText()).isEqualTo("2026-09-07");
        assertThat(mark.get("bell").asInt()).isEqualTo(1);
        assertThat(mark.get("group").asText()).isEqualTo("ИСП-21");
        assertThat(mark.get("discipline").asText()).isEqualTo("ОП.01");
        JsonNode attendance = items.get(2);
        assertThat(attendance.get("type").asText()).isEqualTo("attendance");
        assertThat(attendance.get("reason").asText()).isEqualTo("УП");
        assertThat(attendance.get("late").asBoolean()).isTrue();
        assertThat(attendance.get("date").isNull()).isTrue();
        assertThat(items.get(3).get("value").asText()).isEqualTo("5/4");
        assertThatThrownBy(() -> journal.delete(COLLEGE, "attendance", "a-9"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_described_schedule_lesson_key_gives_its_date_bell_group_and_discipline() {
        journal.describeLesson(COLLEGE, "les-77", new JournalSimulator.Lesson(LocalDate.parse("2026-09-08"), 3,
                "ТМ-21", "МДК.01.01"));
        journal.putAttendance(COLLEGE, "a-1", "stu-2", "les-77", "Н", false, "stf-1", GIVEN);

        JsonNode item = json(changes(COLLEGE, "", token())).at("/items/0");

        assertThat(item.get("date").asText()).isEqualTo("2026-09-08");
        assertThat(item.get("bell").asInt()).isEqualTo(3);
        assertThat(item.get("group").asText()).isEqualTo("ТМ-21");
        assertThat(item.get("late").asBoolean()).isFalse();
    }

    @Test
    void a_cursor_the_journal_never_gave_or_a_limit_out_of_range_is_malformed() {
        String token = token();

        HttpResponse<String> cursor = changes(COLLEGE, "?since=not-a-cursor", token);
        HttpResponse<String> zero = changes(COLLEGE, "?limit=0", token);
        HttpResponse<String> tooMany = changes(COLLEGE, "?limit=501", token);

        assertThat(cursor.statusCode()).isEqualTo(400);
        assertThat(json(cursor).get("code").asText()).isEqualTo("MALFORMED");
        assertThat(json(cursor).get("path").asText()).isEqualTo("since");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).get("path").asText()).isEqualTo("limit");
    }

    @Test
    void injected_faults_hit_the_feed_but_never_the_token_endpoint_and_reset_clears_everything() {
        mark("m-1", "5");
        postJson("/journal-sim/_control/faults", "{\"failNext\":{\"count\":2,\"status\":503}}");

        String token = token();
        HttpResponse<String> failed = changes(COLLEGE, "", token);
        HttpResponse<String> throttled = changes(COLLEGE, "", token);
        HttpResponse<String> served = changes(COLLEGE, "", token);
        JsonNode stats = json(get("/journal-sim/_control/stats"));
        postJson("/journal-sim/_control/reset", "{}");

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(throttled.statusCode()).isEqualTo(503);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(stats.get("injected").asInt()).isEqualTo(2);
        assertThat(stats.get("changeRequests").asInt()).isEqualTo(1);
        assertThat(journal.requests()).isZero();
        assertThat(json(changes(COLLEGE, "", token)).get("items")).isEmpty();
    }

    @Test
    void a_seeded_day_deals_marks_and_absences_round_the_students_and_pages_through_in_order() {
        HttpResponse<String> seeded = postJson("/journal-sim/_control/seed", "{\"college\":\"" + COLLEGE + "\",\"date\":\"2026-09-07\","
                + "\"marks\":5,\"absences\":2,\"students\":[{\"id\":\"stu-1\",\"group\":\"ИСП-21\"},{\"id\":\"stu-2\",\"group\":\"ИСП-22\"}]}");
        String token = token();

        JsonNode first = json(changes(COLLEGE, "?limit=4", token));
        JsonNode rest = json(changes(COLLEGE, "?limit=4&" + since(first.get("next").asText()).substring(1), token));

        assertThat(json(seeded).get("seeded").asInt()).isEqualTo(7);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(rest.get("hasMore").asBoolean()).isFalse();
        assertThat(first.get("items")).hasSize(4);
        assertThat(rest.get("items")).hasSize(3);
        assertThat(rest.at("/items/0/seq").asLong()).isEqualTo(5);
        assertThat(first.at("/items/2/studentId").asText()).isEqualTo("stu-1");
        assertThat(first.at("/items/2/lessonKey").asText()).isEqualTo("dbg:2026-09-07:2:ИСП-21:БД.1");
        assertThat(rest.at("/items/1/type").asText()).isEqualTo("attendance");
        assertThat(rest.at("/items/2/studentId").asText()).isEqualTo("stu-2");
        assertThat(postJson("/journal-sim/_control/seed", "{\"college\":\"x\",\"date\":\"вчера\",\"students\":[]}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_lesson_entry_is_a_change_keyed_by_its_lesson_with_versions_and_a_withdrawal_carrying_its_last_fields() {
        journal.describeLesson(COLLEGE, "les-77", new JournalSimulator.Lesson(LocalDate.parse("2026-09-08"), 3, "ТМ-21", "МДК.01.01"));
        journal.putLessonEntry(COLLEGE, "les-77", "stf-1", new JournalSimulator.LessonNote(14, "Реш. задач", null, null), GIVEN);
        journal.putLessonEntry(COLLEGE, "les-77", "stf-1", new JournalSimulator.LessonNote(14, "Решение задач", 2, "Задачи 5–7"),
                GIVEN.plusSeconds(60));
        journal.delete(COLLEGE, JournalSimulator.LESSON, "les-77");

        JsonNode items = json(changes(COLLEGE, "", token())).get("items");

        assertThat(items).extracting(item -> item.get("type").asText() + " " + item.get("op").asText() + " " + item.get("id").asText()
                + " v" + item.get("version").asInt()).containsExactly("lesson upsert les-77 v1", "lesson upsert les-77 v2", "lesson delete les-77 v3");
        JsonNode corrected = items.get(1);
        assertThat(corrected.get("lessonKey").asText()).isEqualTo("les-77");
        assertThat(corrected.get("date").asText()).isEqualTo("2026-09-08");
        assertThat(corrected.get("bell").asInt()).isEqualTo(3);
        assertThat(corrected.get("group").asText()).isEqualTo("ТМ-21");
        assertThat(corrected.get("lessonNo").asInt()).isEqualTo(14);
        assertThat(corrected.get("topic").asText()).isEqualTo("Решение задач");
        assertThat(corrected.get("workNo").asInt()).isEqualTo(2);
        assertThat(corrected.get("homework").asText()).isEqualTo("Задачи 5–7");
        assertThat(corrected.get("recordedAt").asText()).isEqualTo("2026-09-07T06:11:00Z");
        assertThat(corrected.has("studentId")).as("a lesson entry names no student").isFalse();
        assertThat(items.get(0).get("workNo").isNull()).isTrue();
        assertThat(items.get(2).get("topic").asText()).as("the withdrawal carries the last fields").isEqualTo("Решение задач");
    }
}
