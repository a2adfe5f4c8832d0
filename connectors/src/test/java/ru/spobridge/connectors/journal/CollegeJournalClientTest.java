package ru.spobridge.connectors.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static ru.spobridge.connectors.testing.LoopbackStub.reply;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.spobridge.connectors.common.PermanentTargetException;
import ru.spobridge.connectors.common.TransientTargetException;
import ru.spobridge.connectors.testing.LoopbackStub;
import ru.spobridge.mappings.marks.JournalChange;

class CollegeJournalClientTest {

    private static final String API = "/journal-sim/api/v1/";
    private static final String TOKEN = API + "token";
    private static final String CHANGES = API + "college 12/changes";

    private final LoopbackStub journal = new LoopbackStub();

    @BeforeAll
    static void warm_up_the_http_stack() {
        LoopbackStub.warmUp();
    }

    @AfterEach
    void stop() {
        journal.close();
    }

    private CollegeJournalClient client(Duration timeout) {
        CollegeJournalClient.Settings settings = new CollegeJournalClient.Settings(URI.create(journal.base() + API.substring(1)), "college 12",
                "journal-client", "journal-secret", timeout);
        return new CollegeJournalClient(settings, HttpClient.newBuilder().connectTimeout(timeout).build(), new ObjectMapper(), Clock.systemUTC());
    }

    private static LoopbackStub.Reply token(String value) {
        return reply(200, "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":900}");
    }

    private static final String ONE_MARK = """
            {"items":[{"seq":41,"type":"mark","op":"upsert","id":"m-41","version":2,"studentId":"stu-1","lessonKey":"L-9",
              "date":"2025-02-03","bell":"2","group":"ИС-21","discipline":"МДК.01.01","teacherId":"t-5","value":"5",
              "workType":"Контрольная работа","givenAt":"2025-02-03T10:15:00+05:00"}],
             "next":"c-41","hasMore":true}""";

    @Test
    void changes_are_read_from_the_cursor_and_give_the_next_cursor() {
        journal.on(TOKEN, token("j1")).on(CHANGES, reply(200, ONE_MARK));

        CollegeJournalClient.Page page = client(Duration.ofSeconds(2)).changes("c-40", 200);

        assertThat(page.next()).isEqualTo("c-41");
        assertThat(page.hasMore()).isTrue();
        assertThat(page.changes()).singleElement().satisfies(change -> {
            assertThat(change.seq()).isEqualTo(41);
            assertThat(change.studentId()).isEqualTo("stu-1");
            assertThat(change.value()).isEqualTo("5");
            assertThat(change.late()).isFalse();
        });
        assertThat(journal.requests(CHANGES).get(0).query()).containsEntry("since", "c-40").containsEntry("limit", "200");
    }

    @Test
    void the_first_read_has_no_cursor() {
        journal.on(TOKEN, token("j1")).on(CHANGES, reply(200, "{\"items\":[],\"next\":null,\"hasMore\":false}"));

        CollegeJournalClient.Page page = client(Duration.ofSeconds(2)).changes(null, 100);

        assertThat(page.changes()).isEmpty();
        assertThat(page.next()).isNull();
        assertThat(journal.requests(CHANGES).get(0).query()).doesNotContainKey("since").containsEntry("limit", "100");
    }

    @Test
    void the_token_from_the_client_credentials_grant_is_sent_as_bearer() {
        journal.on(TOKEN, token("j1")).on(CHANGES, reply(200, ONE_MARK));

        client(Duration.ofSeconds(2)).changes(null, 100);

        assertThat(LoopbackStub.form(journal.requests(TOKEN).get(0).body()))
                .containsEntry("grant_type", "client_credentials").containsEntry("client_id", "journal-client");
        assertThat(journal.requests(CHANGES).get(0).header("Authorization")).isEqualTo("Bearer j1");
    }

    @Test
    void an_expired_token_is_renewed_once_and_the_page_read_again() {
        journal.on(TOKEN, token("j1"), token("j2"))
                .on(CHANGES, reply(401, "{\"status\":401,\"code\":\"TOKEN_EXPIRED\"}"), reply(200, ONE_MARK));

        CollegeJournalClient.Page page = client(Duration.ofSeconds(2)).changes("c-40", 200);

        assertThat(page.changes()).extracting(JournalChange::id).containsExactly("m-41");
        assertThat(LoopbackStub.headerValues(journal.requests(CHANGES), "Authorization")).containsExactly("Bearer j1", "Bearer j2");
    }

    @Test
    void an_unavailable_journal_is_a_retryable_failure() {
        journal.on(TOKEN, token("j1")).on(CHANGES, reply(503, ""));

        TransientTargetException failure = catchThrowableOfType(() -> client(Duration.ofSeconds(2)).changes(null, 100),
                TransientTargetException.class);

        assertThat(failure.status()).isEqualTo(503);
    }

    @Test
    void a_refused_read_is_a_final_failure() {
        journal.on(TOKEN, token("j1")).on(CHANGES, reply(403, "{\"code\":\"FORBIDDEN\"}"));

        PermanentTargetException failure = catchThrowableOfType(() -> client(Duration.ofSeconds(2)).changes(null, 100),
                PermanentTargetException.class);

        assertThat(failure.status()).isEqualTo(403);
        assertThat(failure.code()).isEqualTo("JOURNAL_ERROR");
    }

    @Test
    void a_journal_slower_than_the_timeout_is_a_retryable_failure() {
        journal.on(TOKEN, token("j1")).on(CHANGES, LoopbackStub.hanging());

        TransientTargetException failure = catchThrowableOfType(() -> client(Duration.ofMillis(200)).changes(null, 100),
                TransientTargetException.class);

        assertThat(failure.code()).isEqualTo("UNREACHABLE");
    }

    private static final String LESSONS = """
            {"items":[
              {"seq":50,"type":"lesson","op":"upsert","id":"les-1","version":1,"lessonKey":"les-1","date":"2025-02-03","bell":2,
               "group":"ИС-21","discipline":"МДК.01.01","teacherId":"t-5","lessonNo":14,"topic":"Практическая работа № 3. Расчёт цепи",
               "workNo":3,"homework":"Задачи 5–7","recordedAt":"2025-02-03T10:15:00Z"},
              {"seq":51,"type":"lesson","op":"upsert","id":"les-2","version":4,"lessonKey":"les-2","date":"2025-02-03","bell":3,
               "group":"ИС-21","discipline":"МДК.01.01","teacherId":"t-5","lessonNo":null,"topic":"","workNo":null,"homework":null,
               "recordedAt":"2025-02-04T08:00:00Z"},
              {"seq":52,"type":"lesson","op":"delete","id":"les-1","version":2,"lessonKey":"les-1","date":"2025-02-03","bell":2,
               "group":"ИС-21","discipline":"МДК.01.01","teacherId":"t-5","lessonNo":14,"topic":"Практическая работа № 3. Расчёт цепи",
               "workNo":3,"homework":"Задачи 5–7","recordedAt":"2025-02-03T10:15:00Z"},
              {"seq":53,"type":"mark","op":"upsert","id":"m-53","version":1,"studentId":"stu-1","lessonKey":"les-1","date":"2025-02-03",
               "bell":"2","group":"ИС-21","discipline":"МДК.01.01","teacherId":"t-5","value":"4","workType":"current",
               "givenAt":"2025-02-03T10:15:00Z"}],
             "next":"c-53","hasMore":false}""";

    @Test
    void lesson_entries_are_read_with_their_topic_work_number_homework_and_recording_time_beside_marks() {
        journal.on(TOKEN, token("j1")).on(CHANGES, reply(200, LESSONS));

        CollegeJournalClient.Page page = client(Duration.ofSeconds(2)).changes("c-49", 200);

        // columns: seq, type, op, id, version, lesson key, bell, КТП number, topic, work number, homework, recorded at
        assertThat(page.changes()).extracting(change -> String.join("|", String.valueOf(change.seq()), change.type(), change.op(), change.id(),
                String.valueOf(change.version()), change.lessonKey(), change.bell(), change.lessonNo(), change.topic(), change.workNo(),
                change.homework(), change.recordedAt())).containsExactly(
                "50|lesson|upsert|les-1|1|les-1|2|14|Практическая работа № 3. Расчёт цепи|3|Задачи 5–7|2025-02-03T10:15:00Z",
                "51|lesson|upsert|les-2|4|les-2|3|null||null|null|2025-02-04T08:00:00Z",
                "52|lesson|delete|les-1|2|les-1|2|14|Практическая работа № 3. Расчёт цепи|3|Задачи 5–7|2025-02-03T10:15:00Z",
                "53|mark|upsert|m-53|1|les-1|2|null|null|null|null|null");
        assertThat(page.changes().get(3).value()).isEqualTo("4");
        assertThat(page.changes().get(0).studentId()).as("a lesson entry names no student").isNull();
    }
}
