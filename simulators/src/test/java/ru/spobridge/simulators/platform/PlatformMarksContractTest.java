package ru.spobridge.simulators.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spobridge.simulators.platform.Item.group;
import static ru.spobridge.simulators.platform.Item.student;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Marks and absences, the same on every REST platform but for the value encoding and the name of the absence
 * code; each platform's test adds the encodings it accepts and refuses.
 */
public abstract class PlatformMarksContractTest extends PlatformTestClient {

    /** A lesson key by date, bell, group and discipline for a lesson the platform was never sent. */
    protected static final String DBG_KEY = "dbg:2026-02-03:2:ТМ-21:МДК.01.01";

    /** The platform's names of the lesson fields, to post the lessons marks go on. */
    protected abstract LessonDialect dialect();

    /** A current mark "5" of {@code student} on {@code lessonKey}, spelled in the platform's encoding. */
    protected abstract Item mark(String externalId, String student, String lessonKey);

    /** The canonical name of the absence code field: {@code reasonCode} or {@code code}. */
    protected abstract String absenceCode();

    /** An absence for an unknown reason (Н). */
    protected Item absence(String externalId, String student, String lessonKey) {
        return Item.of(externalId).with("studentExternalId", student).with("lessonKey", lessonKey)
                .with(absenceCode(), "Н");
    }

    /** Group ТМ-21, students stu-1 and stu-2 in it, lessons les-1 to les-3. */
    @BeforeEach
    void postGroupStudentsAndLessons() {
        write(ResourceKind.GROUPS, group("ТМ-21"));
        write(ResourceKind.STUDENTS, student("stu-1", "ТМ-21"), student("stu-2", "ТМ-21"));
        write(ResourceKind.SCHEDULE, Item.lesson("les-1", "ТМ-21", dialect()), Item.lesson("les-2", "ТМ-21", dialect()),
                Item.lesson("les-3", "ТМ-21", dialect()));
    }

    @Test
    void marks_and_absences_on_a_posted_lesson_are_stored_and_listed() {
        HttpResponse<String> marks = write(ResourceKind.MARKS, mark("mrk-1", "stu-1", "les-1"),
                mark("mrk-2", "stu-2", "les-1"));
        HttpResponse<String> absences = write(ResourceKind.ATTENDANCE, absence("abs-1", "stu-1", "les-2"));
        HttpResponse<String> listed = list(ResourceKind.MARKS, "");

        assertThat(marks.statusCode()).isEqualTo(200);
        assertThat(json(marks).findValuesAsText("status")).containsExactly("created", "created");
        assertThat(absences.statusCode()).isEqualTo(200);
        assertThat(simulator().marks(CLIENT)).containsOnlyKeys("mrk-1", "mrk-2");
        assertThat(simulator().marks(CLIENT).get("mrk-1")).containsEntry(wire("lessonKey"), "les-1");
        assertThat(simulator().attendance(CLIENT)).containsOnlyKeys("abs-1");
        assertThat(simulator().attendance(CLIENT).get("abs-1")).containsEntry(wire(absenceCode()), "Н");
        assertThat(listed.headers().firstValue("X-Total-Count")).hasValue("2");
        assertThat(simulator().marks("college-b")).isEmpty();
    }

    @Test
    void a_mark_or_absence_of_an_unknown_student_or_lesson_is_refused_but_a_dbg_key_needs_no_lesson() {
        HttpResponse<String> marks = write(ResourceKind.MARKS, mark("mrk-1", "stu-9", "les-1"),
                mark("mrk-2", "stu-1", "les-9"), mark("mrk-3", "stu-1", DBG_KEY));
        HttpResponse<String> absences = write(ResourceKind.ATTENDANCE, absence("abs-1", "stu-9", "les-1"),
                absence("abs-2", "stu-1", "les-9"), absence("abs-3", "stu-1", DBG_KEY));

        assertThat(marks.statusCode()).isEqualTo(207);
        assertError(json(marks), 0, "studentExternalId", "UNKNOWN_STUDENT");
        assertError(json(marks), 1, "lessonKey", "UNKNOWN_LESSON");
        assertThat(json(marks).at("/results/2/status").asText()).isEqualTo("created");
        assertThat(absences.statusCode()).isEqualTo(207);
        assertError(json(absences), 0, "studentExternalId", "UNKNOWN_STUDENT");
        assertError(json(absences), 1, "lessonKey", "UNKNOWN_LESSON");
        assertThat(json(absences).at("/results/2/status").asText()).isEqualTo("created");
        assertThat(marks.body() + absences.body()).doesNotContain("stu-9", "les-9");
        assertThat(simulator().marks(CLIENT)).containsOnlyKeys("mrk-3");
        assertThat(simulator().attendance(CLIENT)).containsOnlyKeys("abs-3");
    }

    @Test
    void a_student_of_another_college_is_unknown_here() {
        HttpResponse<String> response = write(token("college-b"), ResourceKind.MARKS, "k-1",
                batch(mark("mrk-1", "stu-1", DBG_KEY)));

        assertThat(response.statusCode()).isEqualTo(422);
        assertError(json(response), 0, "studentExternalId", "UNKNOWN_STUDENT");
    }

    @Test
    void marks_and_absences_need_their_fields_a_known_work_type_and_a_known_absence_code() {
        HttpResponse<String> marks = write(ResourceKind.MARKS,
                mark("mrk-1", "stu-1", "les-1").without("studentExternalId").without("lessonKey"),
                mark("mrk-2", "stu-1", "les-1").with("workType", "oral"),
                mark("mrk-3", "stu-1", "les-1").without("workType"));
        HttpResponse<String> absences = write(ResourceKind.ATTENDANCE,
                absence("abs-1", "stu-1", "les-1").without(absenceCode()),
                absence("abs-2", "stu-1", "les-1").with(absenceCode(), "ОТ"));

        assertThat(marks.statusCode()).isEqualTo(422);
        assertError(json(marks), 0, "studentExternalId", "REQUIRED");
        assertError(json(marks), 0, "lessonKey", "REQUIRED");
        assertError(json(marks), 1, "workType", "INVALID_VALUE");
        assertError(json(marks), 2, "workType", "REQUIRED");
        assertThat(absences.statusCode()).isEqualTo(422);
        assertError(json(absences), 0, absenceCode(), "REQUIRED");
        assertError(json(absences), 1, absenceCode(), "INVALID_VALUE");
        assertThat(marks.body() + absences.body()).doesNotContain("oral", "ОТ");
    }

    @Test
    void a_withdrawn_mark_and_a_withdrawn_absence_are_deleted_once_and_unknown_ones_get_404() {
        write(ResourceKind.MARKS, mark("mrk-1", "stu-1", "les-1"));
        write(ResourceKind.ATTENDANCE, absence("abs-1", "stu-1", "les-1"));

        HttpResponse<String> mark = delete(ResourceKind.MARKS, "mrk-1", "", "del-1");
        HttpResponse<String> replayed = delete(ResourceKind.MARKS, "mrk-1", "", "del-1");
        HttpResponse<String> absence = delete(ResourceKind.ATTENDANCE, "abs-1", "", "del-2");
        HttpResponse<String> again = delete(ResourceKind.ATTENDANCE, "abs-1", "", "del-3");
        HttpResponse<String> keyless = delete(ResourceKind.MARKS, "mrk-9", "", null);

        assertThat(mark.statusCode()).isEqualTo(200);
        assertThat(json(mark).at("/results/0/status").asText()).isEqualTo("deleted");
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(absence.statusCode()).isEqualTo(200);
        assertThat(json(absence).at("/results/0/externalId").asText()).isEqualTo("abs-1");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(json(again).get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(keyless.statusCode()).isEqualTo(400);
        assertThat(simulator().marks(CLIENT)).isEmpty();
        assertThat(simulator().attendance(CLIENT)).isEmpty();
        assertThat(simulator().deletions(CLIENT, "mrk-1")).isEqualTo(1);
        assertThat(simulator().deletions(CLIENT, "abs-1")).isEqualTo(1);
    }

    @Test
    void a_lesson_with_a_posted_mark_or_absence_is_never_cancelled_even_after_they_are_withdrawn() {
        write(ResourceKind.MARKS, mark("mrk-1", "stu-1", "les-1"));
        write(ResourceKind.ATTENDANCE, absence("abs-1", "stu-1", "les-2"));
        delete(ResourceKind.MARKS, "mrk-1", "", "del-1");
        LessonDialect d = dialect();

        HttpResponse<String> response = write(ResourceKind.SCHEDULE,
                Item.lesson("les-1", "ТМ-21", d).with(d.state(), d.cancelled()),
                Item.lesson("les-2", "ТМ-21", d).with(d.state(), d.cancelled()),
                Item.lesson("les-3", "ТМ-21", d).with(d.state(), d.cancelled()));

        assertThat(response.statusCode()).isEqualTo(207);
        assertError(json(response), 0, d.state(), "LESSON_HAS_MARKS");
        assertError(json(response), 1, d.state(), "LESSON_HAS_MARKS");
        assertThat(json(response).at("/results/2/status").asText()).isEqualTo("updated");
    }

    @Test
    void mark_posts_count_accepted_posts_of_a_mark_and_never_a_replay_or_a_rejection() {
        String token = token(CLIENT);
        String first = batch(mark("mrk-1", "stu-1", "les-1"), mark("mrk-2", "stu-2", "les-1"));

        write(token, ResourceKind.MARKS, "marks-1", first);
        HttpResponse<String> replay = write(token, ResourceKind.MARKS, "marks-1", first);
        HttpResponse<String> unchanged = write(token, ResourceKind.MARKS, "marks-2",
                batch(mark("mrk-1", "stu-1", "les-1")));
        write(token, ResourceKind.MARKS, "marks-3", batch(mark("mrk-2", "stu-2", "les-9")));

        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(unchanged).at("/results/0/status").asText()).isEqualTo("unchanged");
        assertThat(simulator().markPosts(CLIENT, "mrk-1")).isEqualTo(2);
        assertThat(simulator().markPosts(CLIENT, "mrk-2")).isEqualTo(1);
        assertThat(simulator().attendancePosts(CLIENT, "mrk-1")).isZero();
    }

    /** The response accepted every item. */
    protected static void assertAllAccepted(HttpResponse<String> response) {
        JsonNode body = json(response);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(body.get("rejected").asInt()).isZero();
    }

    /** The platform's canonical name of a lesson's topic: {@code topic}, or {@code theme} on СГО. */
    protected String topicField() {
        return "topic";
    }

    /** The platform's canonical name of a lesson's КТП number: {@code lessonNo}, or {@code orderNo} on АИС ЭПО. */
    protected String lessonNoField() {
        return "lessonNo";
    }

    private Item topic(String lessonKey, String topic) {
        return Item.of(lessonKey).with("lessonKey", lessonKey).with(lessonNoField(), 14).with(topicField(), topic).with("workNo", 3)
                .with("homework", "Задачи 5–7").with("recordedAt", "2026-02-03T09:15:00Z");
    }

    @Test
    void a_lesson_topic_is_stored_listed_and_deleted_and_a_lesson_without_topic_or_homework_is_accepted() {
        HttpResponse<String> posted = write(ResourceKind.LESSONS, topic("les-1", "Практическая работа № 3. Расчёт цепи"),
                topic(DBG_KEY, null).without(topicField()).without("homework").without(lessonNoField()).without("workNo"));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(simulator().lessonTopics(CLIENT).get("les-1")).containsEntry(wire(topicField()), "Практическая работа № 3. Расчёт цепи")
                .containsEntry(wire(lessonNoField()), 14).containsEntry(wire("workNo"), 3).containsEntry(wire("homework"), "Задачи 5–7");
        assertThat(list(ResourceKind.LESSONS, "").headers().firstValue("X-Total-Count")).hasValue("2");

        HttpResponse<String> deleted = delete(ResourceKind.LESSONS, "les-1", "", UUID.randomUUID().toString());

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(simulator().lessonTopics(CLIENT)).containsOnlyKeys(DBG_KEY);
    }

    @Test
    void a_lesson_topic_is_refused_by_field_for_an_unknown_lesson_a_bad_time_or_number_and_no_time() {
        HttpResponse<String> posted = write(ResourceKind.LESSONS, topic("les-9", "Тема"), topic("les-1", "Тема").with("recordedAt", "03.02.2026"),
                topic("les-2", "Тема").with("workNo", 0), topic("les-3", "Тема").with(lessonNoField(), -1),
                topic("les-3", "Тема").without("recordedAt"));

        assertThat(posted.statusCode()).isEqualTo(422);
        assertError(json(posted), 0, "lessonKey", "UNKNOWN_LESSON");
        assertError(json(posted), 1, "recordedAt", "INVALID_FORMAT");
        assertError(json(posted), 2, "workNo", "INVALID_VALUE");
        assertError(json(posted), 3, lessonNoField(), "INVALID_VALUE");
        assertError(json(posted), 4, "recordedAt", "REQUIRED");
        assertThat(simulator().lessonTopics(CLIENT)).isEmpty();
    }
}
