package ru.spobridge.connectors.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static ru.spobridge.connectors.testing.LoopbackStub.reply;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.spobridge.connectors.aisepo.AisEpo;
import ru.spobridge.connectors.epos.EposSpo;
import ru.spobridge.connectors.sgo.Sgo;
import ru.spobridge.connectors.testing.LoopbackStub;

class IntegrationApiClientTest {

    private static final String TOKEN = "/integration/v1/token";
    private static final String STUDENTS = "/integration/v1/students";
    private static final Duration PATIENT = Duration.ofSeconds(2);
    private static final Duration IMPATIENT = Duration.ofMillis(200);

    private final LoopbackStub platform = new LoopbackStub();

    @AfterEach
    void stop() {
        platform.close();
    }

    private static LoopbackStub.Reply token(String value) {
        return reply(200, "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":900}");
    }

    private static LoopbackStub.Reply accepted() {
        return reply(200, "{\"batchId\":\"b-1\",\"results\":[{\"index\":0,\"externalId\":\"stu-1\",\"status\":\"created\",\"id\":\"901\"}]}");
    }

    @BeforeAll
    static void warm_up_the_http_stack_so_that_short_timeouts_measure_the_stub_not_class_loading() {
        LoopbackStub.warmUp();
    }

    private IntegrationApiClient client(PlatformProtocol protocol) {
        return client(protocol, PATIENT);
    }

    private IntegrationApiClient client(PlatformProtocol protocol, Duration timeout) {
        PlatformSettings settings = new PlatformSettings(platform.base(), "college-7", "s3cret+/=", 100, timeout);
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        return new IntegrationApiClient(protocol, settings, new ObjectMapper(), http, Clock.systemUTC());
    }

    private BatchResult sendOne(IntegrationApiClient client) {
        return client.post("students", List.of(Map.of("externalId", "stu-1")), "batch-key-1");
    }

    static Stream<Arguments> refusals_and_outages() {
        return Stream.of(
                Arguments.of(reply(429, "{\"status\":429,\"code\":\"RATE_LIMITED\"}").header("Retry-After", "7"),
                        TransientTargetException.class, 429, "RATE_LIMITED", Duration.ofSeconds(7)),
                Arguments.of(reply(503, "{\"status\":503,\"code\":\"MAINTENANCE\"}").header("Retry-After", "120"),
                        TransientTargetException.class, 503, "MAINTENANCE", Duration.ofSeconds(120)),
                Arguments.of(reply(500, "Internal Server Error"), TransientTargetException.class, 500, "HTTP_ERROR", null),
                Arguments.of(reply(400, "{\"status\":400,\"code\":\"BAD_ENVELOPE\"}"), PermanentTargetException.class, 400, "BAD_ENVELOPE", null),
                Arguments.of(reply(409, "{\"status\":409,\"code\":\"IDEMPOTENCY_KEY_REUSED\"}"), PermanentTargetException.class, 409,
                        "IDEMPOTENCY_KEY_REUSED", null),
                Arguments.of(reply(413, "{\"status\":413,\"code\":\"BATCH_TOO_LARGE\",\"limit\":500}"), PermanentTargetException.class, 413,
                        "BATCH_TOO_LARGE", null));
    }

    @ParameterizedTest(name = "HTTP {2} → {1}")
    @MethodSource("refusals_and_outages")
    void each_failed_answer_becomes_a_retryable_or_final_failure_with_its_status_code_and_retry_after(
            LoopbackStub.Reply answer, Class<? extends RuntimeException> expected, int status, String code, Duration retryAfter) {
        platform.on(TOKEN, token("t1")).on(STUDENTS, answer);

        RuntimeException failure = catchThrowableOfType(() -> sendOne(client(Sgo.PROTOCOL)), expected);

        assertThat(failure).isNotNull();
        if (failure instanceof TransientTargetException retryable) {
            assertThat(retryable.status()).isEqualTo(status);
            assertThat(retryable.code()).isEqualTo(code);
            assertThat(retryable.retryAfter()).isEqualTo(retryAfter);
        } else {
            PermanentTargetException refusal = (PermanentTargetException) failure;
            assertThat(refusal.status()).isEqualTo(status);
            assertThat(refusal.code()).isEqualTo(code);
        }
        assertThat(platform.requests(STUDENTS)).hasSize(1);
    }

    @Test
    void an_expired_token_is_dropped_and_the_batch_is_sent_once_more_with_a_new_token_and_the_same_key() {
        platform.on(TOKEN, token("t1"), token("t2"))
                .on(STUDENTS, reply(401, "{\"status\":401,\"code\":\"TOKEN_EXPIRED\",\"message\":\"Токен истёк\"}"), accepted());

        BatchResult result = sendOne(client(AisEpo.PROTOCOL));

        assertThat(result.results()).extracting(BatchResult.ItemResult::status).containsExactly("created");
        assertThat(platform.requests(TOKEN)).hasSize(2);
        List<LoopbackStub.Seen> sends = platform.requests(STUDENTS);
        assertThat(LoopbackStub.headerValues(sends, "Authorization")).containsExactly("Bearer t1", "Bearer t2");
        assertThat(LoopbackStub.headerValues(sends, "Idempotency-Key")).containsExactly("batch-key-1", "batch-key-1");
        assertThat(sends.get(1).body()).isEqualTo(sends.get(0).body());
    }

    @Test
    void each_item_key_is_sent_in_item_order_in_the_idempotency_keys_header_next_to_the_batch_key() {
        platform.on(TOKEN, token("t1")).on(STUDENTS, accepted());

        client(Sgo.PROTOCOL).post("students", List.of(Map.of("externalId", "stu-1"), Map.of("externalId", "stu-2")),
                "batch-key-1", List.of("item-key-1", "item-key-2"));

        LoopbackStub.Seen sent = platform.requests(STUDENTS).get(0);
        assertThat(sent.header("Idempotency-Key")).isEqualTo("batch-key-1");
        assertThat(sent.header("Idempotency-Keys")).isEqualTo("item-key-1,item-key-2");
        assertThat(sent.body()).doesNotContain("item-key");
    }

    @Test
    void a_batch_without_item_keys_sends_no_idempotency_keys_header() {
        platform.on(TOKEN, token("t1")).on(STUDENTS, accepted());

        sendOne(client(Sgo.PROTOCOL));

        assertThat(platform.requests(STUDENTS).get(0).header("Idempotency-Keys")).isNull();
    }

    @Test
    void item_keys_that_do_not_pair_one_to_one_with_the_items_are_refused_before_sending() {
        IntegrationApiClient client = client(Sgo.PROTOCOL);

        IllegalArgumentException failure = catchThrowableOfType(() -> client.post("students",
                List.of(Map.of("externalId", "stu-1")), "batch-key-1", List.of("a", "b")), IllegalArgumentException.class);

        assertThat(failure).isNotNull();
        assertThat(platform.requests(STUDENTS)).isEmpty();
    }

    @Test
    void a_token_refused_again_after_signing_in_anew_is_an_authentication_failure_worth_retrying_later() {
        platform.on(TOKEN, token("t1"), token("t2"))
                .on(STUDENTS, reply(401, "{\"status\":401,\"code\":\"TOKEN_EXPIRED\"}"));

        TransientTargetException failure = catchThrowableOfType(() -> sendOne(client(Sgo.PROTOCOL)), TransientTargetException.class);

        assertThat(failure.status()).isEqualTo(401);
        assertThat(failure.code()).isEqualTo("AUTH_FAILED");
        assertThat(failure).hasMessageContaining("СГО");
        assertThat(platform.requests(TOKEN)).hasSize(2);
        assertThat(platform.requests(STUDENTS)).hasSize(2);
    }

    @Test
    void a_partly_rejected_batch_reports_each_record_with_the_field_and_code_of_its_errors() {
        platform.on(TOKEN, token("t1")).on(STUDENTS, reply(207, """
                {"batchId":"b-7f3a","received":3,"accepted":2,"rejected":1,"results":[
                 {"index":0,"externalId":"stu-000101","status":"created","id":"90211"},
                 {"index":1,"externalId":"stu-000102","status":"unchanged","id":"90212"},
                 {"index":2,"externalId":"stu-000103","status":"rejected",
                  "errors":[{"field":"email","code":"REQUIRED","message":"Не указан e-mail"}]}]}""")
                .header("Idempotent-Replayed", "true"));

        BatchResult result = sendOne(client(Sgo.PROTOCOL));

        assertThat(result.httpStatus()).isEqualTo(207);
        assertThat(result.batchId()).isEqualTo("b-7f3a");
        assertThat(result.replayed()).isTrue();
        assertThat(result.results()).extracting(BatchResult.ItemResult::externalId, BatchResult.ItemResult::accepted)
                .containsExactly(tuple("stu-000101", true), tuple("stu-000102", true),
                        tuple("stu-000103", false));
        assertThat(result.results().get(2).errors()).containsExactly(new BatchResult.FieldError("email", "REQUIRED", "Не указан e-mail"));
    }

    @Test
    void an_answer_slower_than_the_configured_timeout_is_a_retryable_failure() {
        platform.on(TOKEN, token("t1")).on(STUDENTS, LoopbackStub.hanging());
        long started = System.nanoTime();

        TransientTargetException failure = catchThrowableOfType(() -> sendOne(client(Sgo.PROTOCOL, IMPATIENT)), TransientTargetException.class);

        assertThat(failure.status()).isZero();
        assertThat(failure.code()).isEqualTo("UNREACHABLE");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void a_platform_that_refuses_connections_is_a_retryable_failure() {
        IntegrationApiClient client = client(Sgo.PROTOCOL);
        platform.close();

        TransientTargetException failure = catchThrowableOfType(() -> sendOne(client), TransientTargetException.class);

        assertThat(failure.status()).isZero();
        assertThat(failure.code()).isEqualTo("TOKEN_UNREACHABLE");
    }

    @Test
    void the_token_is_asked_for_with_the_client_credentials_grant_and_reused_across_batches() {
        platform.on(TOKEN, token("t1")).on(STUDENTS, accepted());
        IntegrationApiClient client = client(Sgo.PROTOCOL);

        sendOne(client);
        sendOne(client);

        assertThat(platform.requests(TOKEN)).hasSize(1);
        assertThat(LoopbackStub.form(platform.requests(TOKEN).get(0).body()))
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", "college-7")
                .containsEntry("client_secret", "s3cret+/=");
        assertThat(LoopbackStub.headerValues(platform.requests(STUDENTS), "at")).containsExactly("t1", "t1");
    }

    @Test
    void epos_takes_its_token_from_the_auth_token_field_and_sends_it_as_auth_token_header() {
        platform.on(TOKEN, reply(200, "{\"auth_token\":\"e-42\",\"expires_in\":3600}")).on(STUDENTS, accepted());

        sendOne(client(EposSpo.PROTOCOL));

        assertThat(platform.requests(STUDENTS).get(0).header("Auth-Token")).isEqualTo("e-42");
    }

    static Stream<Arguments> token_endpoint_failures() {
        return Stream.of(
                Arguments.of(reply(401, "{\"code\":\"INVALID_CLIENT\"}"), PermanentTargetException.class, "AUTH_FAILED",
                        "Платформа не выдала токен (HTTP 401): проверьте client_id и секрет"),
                Arguments.of(reply(400, "{\"code\":\"UNSUPPORTED_GRANT_TYPE\"}"), PermanentTargetException.class, "AUTH_FAILED",
                        "Платформа не выдала токен (HTTP 400): проверьте client_id и секрет"),
                Arguments.of(reply(503, ""), TransientTargetException.class, "TOKEN_UNAVAILABLE", "Сервер выдачи токена ответил 503"),
                Arguments.of(reply(429, ""), TransientTargetException.class, "TOKEN_UNAVAILABLE", "Сервер выдачи токена ответил 429"),
                Arguments.of(reply(200, "{\"token_type\":\"Bearer\"}"), PermanentTargetException.class, "AUTH_FAILED",
                        "В ответе сервера токенов нет поля access_token"),
                Arguments.of(reply(200, "<html>не JSON</html>"), TransientTargetException.class, "MALFORMED", "Ответ сервера токенов не разобран"),
                Arguments.of(LoopbackStub.hanging(), TransientTargetException.class, "TOKEN_UNREACHABLE",
                        "Сервер выдачи токена недоступен: HttpTimeoutException"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("token_endpoint_failures")
    void a_token_endpoint_that_gives_no_token_says_why_in_russian_and_nothing_is_sent(
            LoopbackStub.Reply answer, Class<? extends RuntimeException> expected, String code, String message) {
        platform.on(TOKEN, answer).on(STUDENTS, accepted());

        Duration timeout = answer.hang() ? IMPATIENT : PATIENT;

        RuntimeException failure = catchThrowableOfType(() -> sendOne(client(Sgo.PROTOCOL, timeout)), expected);

        assertThat(failure).hasMessage(message);
        assertThat(failure instanceof TransientTargetException t ? t.code() : ((PermanentTargetException) failure).code()).isEqualTo(code);
        assertThat(platform.requests(STUDENTS)).isEmpty();
    }

    @Test
    void deleting_a_record_the_platform_does_not_have_counts_as_deleted() {
        platform.on(TOKEN, token("t1")).on(STUDENTS + "/stu 9", reply(404, "{\"code\":\"NOT_FOUND\"}"));

        BatchResult.ItemResult result = client(Sgo.PROTOCOL).delete("students", "stu 9", "del-key");

        assertThat(result.status()).isEqualTo("deleted");
        assertThat(platform.requests(STUDENTS + "/stu 9").get(0).header("Idempotency-Key")).isEqualTo("del-key");
    }

    @Test
    void a_listing_is_read_page_by_page_until_the_total_count() {
        platform.on(TOKEN, token("t1")).on(STUDENTS,
                reply(200, "[{\"externalId\":\"a\"},{\"externalId\":\"b\"}]").header("X-Total-Count", "3"),
                reply(200, "[{\"externalId\":\"c\"}]").header("X-Total-Count", "3"));

        List<Map<String, Object>> all = client(Sgo.PROTOCOL).list("students");

        assertThat(all).extracting(item -> item.get("externalId")).containsExactly("a", "b", "c");
        assertThat(platform.requests(STUDENTS)).extracting(request -> request.query().get("page")).containsExactly("1", "2");
    }
}
