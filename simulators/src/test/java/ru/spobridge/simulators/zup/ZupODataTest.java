package ru.spobridge.simulators.zup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entity sets of a ЗУП publication over HTTP Basic, shaped as 1С's standard OData answers them. */
class ZupODataTest extends ZupTestClient {

    @Test
    void a_missing_or_wrong_password_or_an_unknown_user_gets_401_with_a_basic_challenge() {
        hiredTeacher("Примерова", "001", LocalDate.of(2025, 8, 29));

        HttpResponse<String> anonymous = odata(ORG, "Catalog_Сотрудники", null, null, null);
        HttpResponse<String> wrongPassword = odata(ORG, "Catalog_Сотрудники", null, USER, "guess");
        HttpResponse<String> unknownUser = odata(ORG, "Catalog_Сотрудники", null, "admin", PASSWORD);
        HttpResponse<String> right = odata("Catalog_Сотрудники", null);

        for (HttpResponse<String> refused : List.of(anonymous, wrongPassword, unknownUser)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Basic"));
            assertThat(json(refused).at("/odata.error/message/lang").asText()).isEqualTo("ru");
            assertThat(json(refused).at("/odata.error/message/value").asText()).isNotBlank();
            assertThat(refused.body()).doesNotContain("guess", "Примерова");
        }
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(zup.requests()).isEqualTo(4);
    }

    @Test
    void people_carry_their_names_and_contacts_and_the_name_register_splits_them() {
        String person = person("Примерова");
        String silent = zup.addPerson(ORG, "Безпочтов", "Олег", null, null, "+79000000202");

        HttpResponse<String> people = odata("Catalog_ФизическиеЛица", "$format=json");
        HttpResponse<String> names = odata("InformationRegister_ФИОФизическихЛиц", null);

        assertThat(people.statusCode()).isEqualTo(200);
        assertThat(json(people).get("odata.metadata").asText())
                .endsWith("/zup-sim/" + ORG + "/odata/standard.odata/$metadata#Catalog_ФизическиеЛица");
        JsonNode first = values(people).get(0);
        assertThat(first.get("Ref_Key").asText()).isEqualTo(person);
        assertThat(first.get("Code").asText()).isEqualTo("0000000001");
        assertThat(first.get("Description").asText()).isEqualTo("Примерова Анна Борисовна");
        assertThat(first.get("DeletionMark").asBoolean()).isFalse();
        assertThat(first.get("КонтактнаяИнформация").findValuesAsText("Тип"))
                .containsExactly("АдресЭлектроннойПочты", "Телефон");
        assertThat(first.get("КонтактнаяИнформация").findValuesAsText("Представление"))
                .containsExactly("примерова@demo.spo-college.example", "+79000000201");
        assertThat(values(people).get(1).get("КонтактнаяИнформация").findValuesAsText("Тип"))
                .containsExactly("Телефон");
        JsonNode silentName = values(names).get(1);
        assertThat(silentName.get("ФизическоеЛицо_Key").asText()).isEqualTo(silent);
        assertThat(silentName.get("Фамилия").asText()).isEqualTo("Безпочтов");
        assertThat(silentName.get("Имя").asText()).isEqualTo("Олег");
        assertThat(silentName.get("Отчество").asText()).isEmpty();
        assertThat(silentName.get("Period").asText()).matches("\\d{4}-\\d{2}-\\d{2}T00:00:00");
    }

    @Test
    void a_hire_creates_a_job_and_an_order_and_a_transfer_and_dismissal_follow_it() {
        zup.addPosition(ORG, "МПО", "Мастер производственного обучения");
        String person = hiredTeacher("Примерова", "118", LocalDate.of(2025, 8, 29));
        String transfer = zup.transfer(ORG, person, "МПО", "К-140", at("2025-12-01T09:30:00"), LocalDate.of(2025, 12, 2));
        String dismissal = zup.dismiss(ORG, person, "К-201", at("2026-01-20T16:05:07"), LocalDate.of(2026, 1, 23));

        JsonNode job = values(odata("Catalog_Сотрудники", null)).get(0);
        List<JsonNode> positions = values(odata("Catalog_Должности", null));
        JsonNode hire = values(odata("Document_ПриемНаРаботу", null)).get(0);
        JsonNode moved = values(odata("Document_КадровыйПеревод", null)).get(0);
        JsonNode dismissed = values(odata("Document_Увольнение", null)).get(0);

        assertThat(job.get("Description").asText()).isEqualTo("Примерова Анна Борисовна");
        assertThat(job.get("ВАрхиве").asBoolean()).isFalse();
        assertThat(job.get("DeletionMark").asBoolean()).isFalse();
        assertThat(job.get("ФизическоеЛицо_Key").asText()).isEqualTo(person);
        assertThat(positions).extracting(p -> p.get("Code").asText()).containsExactly("МПО", "ПРП");
        String teacherKey = positions.get(1).get("Ref_Key").asText();
        assertThat(hire.get("Number").asText()).isEqualTo("К-118");
        assertThat(hire.get("Date").asText()).isEqualTo("2025-08-29T10:00:00");
        assertThat(hire.get("Posted").asBoolean()).isTrue();
        assertThat(hire.get("ДатаПриема").asText()).isEqualTo("2025-08-30T00:00:00");
        assertThat(hire.get("Сотрудник_Key").asText()).isEqualTo(job.get("Ref_Key").asText());
        assertThat(hire.get("ФизическоеЛицо_Key").asText()).isEqualTo(person);
        assertThat(hire.get("Должность_Key").asText()).isEqualTo(teacherKey);
        assertThat(moved.get("Ref_Key").asText()).isEqualTo(transfer);
        assertThat(moved.get("ДатаПеревода").asText()).isEqualTo("2025-12-02T00:00:00");
        assertThat(moved.get("Должность_Key").asText()).isEqualTo(positions.get(0).get("Ref_Key").asText());
        assertThat(dismissed.get("Ref_Key").asText()).isEqualTo(dismissal);
        assertThat(dismissed.get("Date").asText()).isEqualTo("2026-01-20T16:05:07");
        assertThat(dismissed.get("ДатаУвольнения").asText()).isEqualTo("2026-01-23T00:00:00");
        assertThat(dismissed.get("Сотрудник_Key").asText()).isEqualTo(job.get("Ref_Key").asText());
        assertThat(dismissed.get("Должность_Key").asText()).isEqualTo(moved.get("Должность_Key").asText());
    }

    @Test
    void an_unposted_order_is_still_listed_with_posted_false() {
        String person = hiredTeacher("Примерова", "118", LocalDate.of(2025, 8, 29));
        String dismissal = zup.dismiss(ORG, person, "К-201", at("2026-01-20T16:00:00"), LocalDate.of(2026, 1, 23));

        zup.unpost(ORG, dismissal);
        List<JsonNode> dismissals = values(odata("Document_Увольнение", null));

        assertThat(dismissals).hasSize(1);
        assertThat(dismissals.get(0).get("Ref_Key").asText()).isEqualTo(dismissal);
        assertThat(dismissals.get(0).get("Posted").asBoolean()).isFalse();
        assertThat(values(odata("Document_ПриемНаРаботу", null)).get(0).get("Posted").asBoolean()).isTrue();
    }

    @Test
    void one_object_is_read_by_its_guid_key() {
        String person = person("Примерова");

        HttpResponse<String> found = odata("Catalog_ФизическиеЛица(guid'" + person + "')", null);
        HttpResponse<String> missing = odata("Catalog_ФизическиеЛица(guid'00000000-0000-0000-0000-000000000000')",
                null);

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(json(found).get("Ref_Key").asText()).isEqualTo(person);
        assertThat(json(found).get("odata.metadata").asText()).endsWith("#Catalog_ФизическиеЛица/@Element");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).at("/odata.error/message/value").asText()).isNotBlank();
    }

    @Test
    void an_organisation_without_a_publication_and_an_unpublished_object_get_404() {
        person("Примерова");

        HttpResponse<String> otherOrganisation = odata("1027400000011", "Catalog_ФизическиеЛица", null, USER, PASSWORD);
        HttpResponse<String> unpublished = odata("Catalog_Контрагенты", null);

        assertThat(otherOrganisation.statusCode()).isEqualTo(404);
        assertThat(json(otherOrganisation).has("odata.error")).isTrue();
        assertThat(unpublished.statusCode()).isEqualTo(404);
    }

    @Test
    void the_same_calls_after_a_reset_give_the_same_keys() {
        String before = hiredTeacher("Примерова", "118", LocalDate.of(2025, 8, 29));

        zup.reset();
        String after = hiredTeacher("Примерова", "118", LocalDate.of(2025, 8, 29));

        assertThat(after).isEqualTo(before);
        assertThat(values(odata("Catalog_Сотрудники", null))).hasSize(1);
    }

    @Test
    void a_hire_needs_a_known_position_and_a_dismissal_a_current_job() {
        String person = person("Примерова");

        assertThatThrownBy(() -> zup.hire(ORG, person, "ДИР", "К-1", at("2025-08-29T10:00:00"),
                LocalDate.of(2025, 9, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> zup.dismiss(ORG, person, "К-2", at("2025-08-29T10:00:00"),
                LocalDate.of(2025, 9, 1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> zup.unpost(ORG, person)).isInstanceOf(IllegalArgumentException.class);
    }
}
