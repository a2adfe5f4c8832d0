package ru.spobridge.connectors.zup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static ru.spobridge.connectors.testing.LoopbackStub.reply;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.spobridge.connectors.common.PermanentTargetException;
import ru.spobridge.connectors.common.TransientTargetException;
import ru.spobridge.connectors.testing.LoopbackStub;
import ru.spobridge.mappings.zup.ZupRecords;

class ZupODataClientTest {

    private static final String ODATA = "/zup/odata/standard.odata/";
    private static final String POSITIONS = ODATA + "Catalog_Должности";
    private static final String HIRES = ODATA + "Document_ПриемНаРаботу";
    private static final String TRANSFERS = ODATA + "Document_КадровыйПеревод";
    private static final String DISMISSALS = ODATA + "Document_Увольнение";

    private final LoopbackStub zup = new LoopbackStub();

    @BeforeAll
    static void warm_up_the_http_stack() {
        LoopbackStub.warmUp();
    }

    @AfterEach
    void stop() {
        zup.close();
    }

    private ZupODataClient client(int pageSize, Duration timeout) {
        ZupSettings settings = new ZupSettings(URI.create(zup.base() + ODATA.substring(1)), "Интеграция", "пароль-1", pageSize, timeout);
        return new ZupODataClient(settings, HttpClient.newBuilder().connectTimeout(timeout).build(), new ObjectMapper());
    }

    private static String positions(String... codes) {
        StringBuilder body = new StringBuilder("{\"value\":[");
        for (int i = 0; i < codes.length; i++) {
            body.append(i == 0 ? "" : ",").append("{\"Ref_Key\":\"ref-").append(codes[i]).append("\",\"Code\":\"").append(codes[i])
                    .append("\",\"Description\":\"Преподаватель ").append(codes[i]).append("\"}");
        }
        return body.append("]}").toString();
    }

    @Test
    void an_entity_set_is_read_page_by_page_with_top_and_skip_until_a_short_page() {
        zup.on(POSITIONS, reply(200, positions("01", "02")), reply(200, positions("03")));

        List<ZupRecords.Position> read = client(2, Duration.ofSeconds(2)).positions();

        assertThat(read).extracting(ZupRecords.Position::code).containsExactly("01", "02", "03");
        assertThat(read.get(0)).isEqualTo(new ZupRecords.Position("ref-01", "01", "Преподаватель 01"));
        assertThat(zup.requests(POSITIONS)).extracting(request -> request.query().get("$skip")).containsExactly("0", "2");
        assertThat(zup.requests(POSITIONS)).allSatisfy(request -> {
            assertThat(request.query()).containsEntry("$top", "2").containsEntry("$format", "json").doesNotContainKey("$filter");
        });
    }

    @Test
    void documents_are_filtered_by_their_date_after_the_cursor_in_every_document_set() {
        zup.on(HIRES, reply(200, """
                {"value":[{"Ref_Key":"doc-1","Number":"ЗУ-0001","Date":"2025-01-10T09:00:00","Posted":true,"DeletionMark":false,
                  "ФизическоеЛицо_Key":"person-1","ДатаПриема":"2025-01-13T00:00:00","Должность_Key":"ref-01"}]}"""))
                .on(TRANSFERS, reply(200, "{\"value\":[]}"))
                .on(DISMISSALS, reply(200, "{\"value\":[]}"));

        List<ZupRecords.Document> documents = client(50, Duration.ofSeconds(2)).documents(LocalDateTime.of(2025, 1, 10, 8, 30, 15, 999));

        assertThat(documents).containsExactly(new ZupRecords.Document("hire", "doc-1", "ЗУ-0001", "2025-01-10T09:00:00", true, false,
                "person-1", "2025-01-13T00:00:00", "ref-01"));
        for (String documentSet : List.of(HIRES, TRANSFERS, DISMISSALS)) {
            assertThat(zup.requests(documentSet)).singleElement()
                    .satisfies(request -> assertThat(request.query()).containsEntry("$filter", "Date gt datetime'2025-01-10T08:30:15'"));
        }
    }

    @Test
    void a_pull_reads_documents_and_catalogs_and_counts_every_page_it_asked_for() {
        String empty = "{\"value\":[]}";
        zup.on(HIRES, reply(200, empty)).on(TRANSFERS, reply(200, empty)).on(DISMISSALS, reply(200, empty))
                .on(ODATA + "Catalog_ФизическиеЛица", reply(200, empty))
                .on(ODATA + "InformationRegister_ФИОФизическихЛиц", reply(200, empty))
                .on(POSITIONS, reply(200, positions("01", "02")), reply(200, positions("03")));

        ZupODataClient.Pull pull = client(2, Duration.ofSeconds(2)).pull(null);

        assertThat(pull.positions()).extracting(ZupRecords.Position::code).containsExactly("01", "02", "03");
        assertThat(pull.documents()).isEmpty();
        // three document sets, people and names one short page each; positions a full page and a short one
        assertThat(pull.pages()).isEqualTo(7);
    }

    @Test
    void the_first_read_without_a_cursor_takes_every_document() {
        zup.on(HIRES, reply(200, "{\"value\":[]}")).on(TRANSFERS, reply(200, "{\"value\":[]}")).on(DISMISSALS, reply(200, "{\"value\":[]}"));

        client(50, Duration.ofSeconds(2)).documents(null);

        assertThat(zup.requests(HIRES).get(0).query()).doesNotContainKey("$filter");
    }

    @Test
    void the_publication_user_signs_in_with_http_basic_in_utf8() {
        zup.on(POSITIONS, reply(200, positions()));

        client(50, Duration.ofSeconds(2)).positions();

        String expected = "Basic " + Base64.getEncoder().encodeToString("Интеграция:пароль-1".getBytes(StandardCharsets.UTF_8));
        assertThat(zup.requests(POSITIONS).get(0).header("Authorization")).isEqualTo(expected);
    }

    @Test
    void a_wrong_publication_user_is_a_final_authentication_failure() {
        zup.on(POSITIONS, reply(401, ""));

        PermanentTargetException failure = catchThrowableOfType(() -> client(50, Duration.ofSeconds(2)).positions(), PermanentTargetException.class);

        assertThat(failure.status()).isEqualTo(401);
        assertThat(failure.code()).isEqualTo("AUTH_FAILED");
    }

    @Test
    void a_configuration_update_with_retry_after_is_a_retryable_failure_carrying_the_wait() {
        zup.on(POSITIONS, reply(503, "обновление конфигурации").header("Retry-After", "60"));

        TransientTargetException failure = catchThrowableOfType(() -> client(50, Duration.ofSeconds(2)).positions(), TransientTargetException.class);

        assertThat(failure.status()).isEqualTo(503);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void an_unknown_entity_set_is_a_final_odata_error() {
        zup.on(POSITIONS, reply(404, "{\"odata.error\":{}}"));

        PermanentTargetException failure = catchThrowableOfType(() -> client(50, Duration.ofSeconds(2)).positions(), PermanentTargetException.class);

        assertThat(failure.code()).isEqualTo("ODATA_ERROR");
        assertThat(failure).hasMessageContaining("Catalog_Должности");
    }

    @Test
    void an_unreadable_answer_is_a_retryable_failure() {
        zup.on(POSITIONS, reply(200, "<html>Ошибка публикации</html>"));

        TransientTargetException failure = catchThrowableOfType(() -> client(50, Duration.ofSeconds(2)).positions(), TransientTargetException.class);

        assertThat(failure.code()).isEqualTo("MALFORMED");
    }

    @Test
    void a_publication_slower_than_the_timeout_is_a_retryable_failure() {
        zup.on(POSITIONS, LoopbackStub.hanging());

        TransientTargetException failure = catchThrowableOfType(() -> client(50, Duration.ofMillis(200)).positions(), TransientTargetException.class);

        assertThat(failure.status()).isZero();
        assertThat(failure.code()).isEqualTo("UNREACHABLE");
    }
}
