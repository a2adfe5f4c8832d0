package ru.spobridge.simulators.zup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fault injection and the control API of the ЗУП simulator, and the demo staff its reset seeds. */
class ZupFaultsAndDemoTest extends ZupTestClient {

    private static final String DEMO_ORG = "1025900000099";
    private static final String OTHER_DEMO_ORG = "1027400000011";

    @Test
    void an_injected_503_is_an_odata_error_with_retry_after_and_the_next_read_succeeds() {
        hiredTeacher("Примерова", "001", LocalDate.of(2026, 1, 10));
        zup.faults().failNext(1, 503);

        HttpResponse<String> failed = odata("Catalog_Сотрудники", null);
        HttpResponse<String> next = odata("Catalog_Сотрудники", null);

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(json(failed).at("/odata.error/message/value").asText())
                .isEqualTo("Сервис временно недоступен");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(zup.faults().requests()).isEqualTo(2);
        assertThat(zup.faults().injected()).isEqualTo(1);
        assertThat(zup.requests()).isEqualTo(1);
    }

    @Test
    void the_control_api_sets_faults_reports_stats_and_is_never_faulted_itself() {
        HttpResponse<String> set = postJson("/zup-sim/_control/faults", "{\"failAlways\":429}");
        HttpResponse<String> limited = odata("Catalog_Сотрудники", null);
        HttpResponse<String> stats = get("/zup-sim/_control/stats");
        HttpResponse<String> malformed = postJson("/zup-sim/_control/faults",
                "{\"clear\":true,\"malformedNext\":1}");
        HttpResponse<String> broken = odata("Catalog_Сотрудники", null);

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(json(limited).has("odata.error")).isTrue();
        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(json(stats).get("requests").asLong()).isEqualTo(1);
        assertThat(json(stats).get("injected").asLong()).isEqualTo(1);
        assertThat(json(stats).get("odataRequests").asInt()).isZero();
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(broken.statusCode()).isEqualTo(200);
        assertThat(broken.body()).isEqualTo("{\"odata.metadata\":");
        assertThat(epos.faults().requests()).isZero();
    }

    @Test
    void the_control_reset_seeds_forty_demo_staff_for_every_demo_college() {
        HttpResponse<String> reset = postJson("/zup-sim/_control/reset", "");

        List<JsonNode> people = values(odata(DEMO_ORG, "Catalog_ФизическиеЛица", null, USER, PASSWORD));
        List<JsonNode> positions = values(odata(DEMO_ORG, "Catalog_Должности", null, USER, PASSWORD));
        List<JsonNode> hires = values(odata(DEMO_ORG, "Document_ПриемНаРаботу", null, USER, PASSWORD));
        List<JsonNode> dismissals = values(odata(DEMO_ORG, "Document_Увольнение", null, USER, PASSWORD));
        List<JsonNode> otherPeople = values(odata(OTHER_DEMO_ORG, "Catalog_ФизическиеЛица", null, USER, PASSWORD));
        String inTwoWeeks = zup.today().plusDays(14).atStartOfDay().format(ZupPublication.DATE_TIME);

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(people).hasSize(40);
        assertThat(people).filteredOn(p -> !p.get("КонтактнаяИнформация").findValuesAsText("Тип")
                .contains("АдресЭлектроннойПочты")).hasSize(2);
        assertThat(positions).extracting(p -> p.get("Code").asText()).contains("ПРП", "МПО", "ЗДУ", "МТД");
        assertThat(hires).hasSize(40);
        assertThat(hires).filteredOn(h -> h.get("ДатаПриема").asText().equals(inTwoWeeks)).hasSize(1);
        assertThat(dismissals).hasSizeBetween(2, 3);
        assertThat(values(odata(DEMO_ORG, "Document_КадровыйПеревод", null, USER, PASSWORD))).hasSize(2);
        assertThat(otherPeople).hasSize(40);
        assertThat(otherPeople.get(0).get("Description").asText())
                .isNotEqualTo(people.get(0).get("Description").asText());
    }
}
