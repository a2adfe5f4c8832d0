package ru.spobridge.simulators.zup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code $filter} on the posting date of documents, {@code $top}/{@code $skip}, {@code $select}, and refusals. */
class ZupQueryOptionsTest extends ZupTestClient {

    @Test
    void a_date_filter_returns_only_orders_posted_strictly_after_it() {
        hiredTeacher("Первова", "001", LocalDate.of(2026, 1, 10));
        hiredTeacher("Вторая", "002", LocalDate.of(2026, 2, 1));
        hiredTeacher("Третьякова", "003", LocalDate.of(2025, 12, 30));

        HttpResponse<String> after = odata("Document_ПриемНаРаботу",
                "$filter=Date gt datetime'2026-01-10T10:00:00'&$format=json");
        HttpResponse<String> sinceNewYear = odata("Document_ПриемНаРаботу",
                "$filter=Date gt datetime'2026-01-01T00:00:00'");
        HttpResponse<String> withoutSeconds = odata("Document_ПриемНаРаботу",
                "$filter=Date gt datetime'2026-01-10T09:59'");

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(values(after)).extracting(d -> d.get("Number").asText()).containsExactly("К-002");
        assertThat(values(sinceNewYear)).extracting(d -> d.get("Number").asText())
                .containsExactly("К-001", "К-002");
        assertThat(values(withoutSeconds)).extracting(d -> d.get("Number").asText())
                .containsExactly("К-001", "К-002");
    }

    @Test
    void any_other_filter_or_option_is_refused_with_400_and_an_odata_error_in_russian() {
        hiredTeacher("Примерова", "001", LocalDate.of(2026, 1, 10));

        List<HttpResponse<String>> refused = List.of(
                odata("Document_ПриемНаРаботу", "$filter=Number eq 'К-001'"),
                odata("Document_ПриемНаРаботу", "$filter=Date ge datetime'2026-01-01T00:00:00'"),
                odata("Document_ПриемНаРаботу", "$filter=Date gt datetime'2026-02-30T00:00:00'"),
                odata("Catalog_Сотрудники", "$filter=Date gt datetime'2026-01-01T00:00:00'"),
                odata("Catalog_Сотрудники", "$orderby=Code"),
                odata("Catalog_Сотрудники", "$format=atom"),
                odata("Catalog_Сотрудники", "$top=-1"),
                odata("Catalog_Сотрудники", "$skip=many"));

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).at("/odata.error/code").isTextual()).isTrue();
            assertThat(json(response).at("/odata.error/message/lang").asText()).isEqualTo("ru");
            assertThat(json(response).at("/odata.error/message/value").asText()).isNotBlank();
            assertThat(response.body()).doesNotContain("К-001");
        });
    }

    @Test
    void top_and_skip_page_through_the_rows_in_the_order_created() {
        IntStream.rangeClosed(1, 5).forEach(i -> zup.addPosition(ORG, "Д" + i, "Должность " + i));

        HttpResponse<String> page = odata("Catalog_Должности", "$top=2&$skip=1");
        HttpResponse<String> beyond = odata("Catalog_Должности", "$skip=10");
        HttpResponse<String> none = odata("Catalog_Должности", "$top=0");

        assertThat(values(page)).extracting(p -> p.get("Code").asText()).containsExactly("Д2", "Д3");
        assertThat(values(beyond)).isEmpty();
        assertThat(values(none)).isEmpty();
    }

    @Test
    void without_top_at_most_a_thousand_rows_come_back() {
        IntStream.rangeClosed(1, 1003).forEach(i -> zup.addPosition(ORG, "Д" + i, "Должность " + i));

        List<JsonNode> first = values(odata("Catalog_Должности", null));
        List<JsonNode> rest = values(odata("Catalog_Должности", "$skip=1000"));

        assertThat(first).hasSize(ODataQuery.DEFAULT_TOP);
        assertThat(rest).extracting(p -> p.get("Code").asText())
                .containsExactly("Д1001", "Д1002", "Д1003");
    }

    @Test
    void select_keeps_only_the_named_properties() {
        hiredTeacher("Примерова", "001", LocalDate.of(2026, 1, 10));

        JsonNode job = values(odata("Catalog_Сотрудники", "$select=Ref_Key,ФизическоеЛицо_Key")).get(0);

        assertThat(job.fieldNames()).toIterable().containsExactly("Ref_Key", "ФизическоеЛицо_Key");
    }
}
