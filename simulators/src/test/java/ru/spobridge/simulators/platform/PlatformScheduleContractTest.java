package ru.spobridge.simulators.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spobridge.simulators.platform.Item.attestationEvent;
import static ru.spobridge.simulators.platform.Item.group;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Dated lessons and attestation events, the same on every REST platform but for the lesson's own field names. */
public abstract class PlatformScheduleContractTest extends PlatformReferenceContractTest {

    /** The platform's names of the lesson number, subject and state. */
    protected abstract LessonDialect dialect();

    /** A planned first pair of group {@code group} on Monday 2 Feb 2026 with one teacher in room 214. */
    protected Item lesson(String externalId, String group) {
        return Item.lesson(externalId, group, dialect());
    }

    protected Item cancelled(String externalId, String group) {
        return lesson(externalId, group).with(dialect().state(), dialect().cancelled());
    }

    @Test
    void lessons_of_a_posted_group_are_stored_by_lesson_key_with_their_last_state_and_listed() {
        write(ResourceKind.GROUPS, group("ТМ-21"));

        HttpResponse<String> first = write(ResourceKind.SCHEDULE, lesson("les-1", "ТМ-21"),
                lesson("les-2", "ТМ-21").with(dialect().number(), 2).with("start", "10:10").with("end", "11:40")
                        .with("teacherExternalIds", List.of()).without("room"));
        HttpResponse<String> replaced = write(ResourceKind.SCHEDULE, lesson("les-1", "ТМ-21")
                .with(dialect().state(), dialect().replaced()).with("substituteTeacherExternalId", "stf-000202"));
        HttpResponse<String> listed = list(ResourceKind.SCHEDULE, "");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).findValuesAsText("status")).containsExactly("created", "created");
        assertThat(json(replaced).at("/results/0/status").asText()).isEqualTo("updated");
        assertThat(simulator().lessons(CLIENT)).containsOnlyKeys("les-1", "les-2");
        assertThat(simulator().lessons(CLIENT).get("les-1"))
                .containsEntry(wire(dialect().state()), dialect().replaced())
                .containsEntry(wire("substituteTeacherExternalId"), "stf-000202");
        assertThat(simulator().lessons(CLIENT).get("les-2")).containsEntry(wire("teacherExternalIds"), List.of());
        assertThat(listed.headers().firstValue("X-Total-Count")).hasValue("2");
        assertThat(simulator().lessons("college-b")).isEmpty();
    }

    @Test
    void schedule_items_need_their_fields_real_dates_and_times_a_posted_group_and_a_known_state() {
        write(ResourceKind.GROUPS, group("ТМ-21"));

        HttpResponse<String> response = write(ResourceKind.SCHEDULE, lesson("les-1", "ТМ-21"),
                lesson("les-2", "ТМ-21").without(dialect().subject()).without("date"),
                lesson("les-3", "ТМ-21").with("date", "02.02.2026").with("start", "8.30"),
                lesson("les-4", "ZZ-99"),
                lesson("les-5", "ТМ-21").with(dialect().state(), "moved"),
                lesson("les-6", "ТМ-21").with("start", "10:00").with("end", "8:30"),
                lesson("les-7", "ТМ-21").with(dialect().number(), -1));

        assertThat(response.statusCode()).isEqualTo(207);
        JsonNode body = json(response);
        assertError(body, 1, dialect().subject(), "REQUIRED");
        assertError(body, 1, "date", "REQUIRED");
        assertError(body, 2, "date", "INVALID_FORMAT");
        assertError(body, 2, "start", "INVALID_FORMAT");
        assertError(body, 3, "groupExternalId", "UNKNOWN_GROUP");
        assertError(body, 4, dialect().state(), "INVALID_VALUE");
        assertError(body, 5, "end", "INVALID_VALUE");
        assertError(body, 6, dialect().number(), "INVALID_VALUE");
        assertThat(response.body()).doesNotContain("02.02.2026", "8.30", "ZZ-99", "moved");
        assertThat(simulator().lessons(CLIENT)).containsOnlyKeys("les-1");
    }

    @Test
    void a_lesson_with_marks_is_never_cancelled_but_may_be_replaced() {
        write(ResourceKind.GROUPS, group("ТМ-21"));
        write(ResourceKind.SCHEDULE, lesson("les-1", "ТМ-21"), lesson("les-2", "ТМ-21"));
        simulator().recordMark(CLIENT, "les-1");

        HttpResponse<String> cancellation = write(ResourceKind.SCHEDULE, cancelled("les-1", "ТМ-21"),
                cancelled("les-2", "ТМ-21"));
        HttpResponse<String> replacement = write(ResourceKind.SCHEDULE, lesson("les-1", "ТМ-21")
                .with(dialect().state(), dialect().replaced()).with("substituteTeacherExternalId", "stf-000202"));

        assertThat(cancellation.statusCode()).isEqualTo(207);
        assertError(json(cancellation), 0, dialect().state(), "LESSON_HAS_MARKS");
        assertThat(json(cancellation).at("/results/1/status").asText()).isEqualTo("updated");
        assertThat(replacement.statusCode()).isEqualTo(200);
        assertThat(simulator().lessons(CLIENT).get("les-1")).containsEntry(wire(dialect().state()), dialect().replaced());
        assertThat(simulator().lessons(CLIENT).get("les-2")).containsEntry(wire(dialect().state()), dialect().cancelled());
    }

    @Test
    void marks_of_one_college_do_not_stop_another_college_from_cancelling_its_lesson() {
        simulator().recordMark("college-b", "les-1");
        write(ResourceKind.GROUPS, group("ТМ-21"));

        HttpResponse<String> response = write(ResourceKind.SCHEDULE, cancelled("les-1", "ТМ-21"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/results/0/status").asText()).isEqualTo("created");
    }

    @Test
    void lesson_posts_count_the_accepted_posts_that_carried_a_lesson_and_never_a_replay() {
        write(ResourceKind.GROUPS, group("ТМ-21"));
        String token = token(CLIENT);
        String firstImport = batch(lesson("les-1", "ТМ-21"), lesson("les-2", "ТМ-21"));
        String onlyChanged = batch(lesson("les-2", "ТМ-21").with("room", "305"));

        write(token, ResourceKind.SCHEDULE, "import-1", firstImport);
        HttpResponse<String> replay = write(token, ResourceKind.SCHEDULE, "import-1", firstImport);
        write(token, ResourceKind.SCHEDULE, "import-2", onlyChanged);
        write(token, ResourceKind.SCHEDULE, UUID.randomUUID().toString(),
                batch(lesson("les-1", "ТМ-21").with("date", "2026-02-30")));

        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(simulator().lessonPosts(CLIENT, "les-1")).isEqualTo(1);
        assertThat(simulator().lessonPosts(CLIENT, "les-2")).isEqualTo(2);
        assertThat(simulator().lessonPosts(CLIENT, "les-3")).isZero();
        assertThat(simulator().lessons(CLIENT).get("les-2")).containsEntry("room", "305");
    }

    @Test
    void attestation_events_of_a_posted_group_are_stored_and_their_fields_checked() {
        write(ResourceKind.GROUPS, group("ТМ-21"));

        HttpResponse<String> response = write(ResourceKind.ATTESTATION_EVENTS, attestationEvent("att-1", "ТМ-21"),
                attestationEvent("att-2", "ТМ-21").with("kind", "stateFinal").without("room")
                        .with("examinerExternalIds", List.of("stf-000201", "stf-000202", "stf-000203")),
                attestationEvent("att-3", "ТМ-21").with("examinerExternalIds", List.of()).without("controlForm"),
                attestationEvent("att-4", "ТМ-21").with("date", "20.01.2026").with("start", "девять"),
                attestationEvent("att-5", "ZZ-99"),
                attestationEvent("att-6", "ТМ-21").with("kind", "final"));
        HttpResponse<String> listed = list(ResourceKind.ATTESTATION_EVENTS, "");

        assertThat(path(ResourceKind.ATTESTATION_EVENTS)).isEqualTo(platform().api() + "attestation_events");
        assertThat(response.statusCode()).isEqualTo(207);
        JsonNode body = json(response);
        assertThat(body.findValuesAsText("status")).startsWith("created", "created");
        assertError(body, 2, "examinerExternalIds", "REQUIRED");
        assertError(body, 2, "controlForm", "REQUIRED");
        assertError(body, 3, "date", "INVALID_FORMAT");
        assertError(body, 3, "start", "INVALID_FORMAT");
        assertError(body, 4, "groupExternalId", "UNKNOWN_GROUP");
        assertError(body, 5, "kind", "INVALID_VALUE");
        assertThat(response.body()).doesNotContain("20.01.2026", "девять", "ZZ-99", "final");
        assertThat(simulator().attestationEvents(CLIENT)).containsOnlyKeys("att-1", "att-2");
        assertThat(simulator().attestationEvents(CLIENT).get("att-2")).containsEntry("kind", "stateFinal");
        assertThat(listed.headers().firstValue("X-Total-Count")).hasValue("2");
    }
}
