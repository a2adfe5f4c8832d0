package ru.spobridge.simulators.epos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.platform.Item;
import ru.spobridge.simulators.platform.LessonDialect;
import ru.spobridge.simulators.platform.PlatformMarksContractTest;
import ru.spobridge.simulators.platform.PlatformSimulator;
import ru.spobridge.simulators.platform.ResourceKind;

/** ЭПОС.СПО marks as text ("5", "5/4", "зач") with a {@code control_form}; absences at {@code attendances}. */
class EposMarksTest extends PlatformMarksContractTest {

    @Override
    protected PlatformSimulator simulator() {
        return epos;
    }

    @Override
    protected LessonDialect dialect() {
        return LessonDialect.EPOS;
    }

    @Override
    protected Item mark(String externalId, String student, String lessonKey) {
        return Item.of(externalId).with("studentExternalId", student).with("lessonKey", lessonKey)
                .with("value", "5").with("controlForm", "текущая").with("workType", "current");
    }

    @Override
    protected String absenceCode() {
        return "reasonCode";
    }

    private Item intermediate(String externalId, String value) {
        return mark(externalId, "stu-1", "les-1").with("value", value).with("controlForm", "промежуточная")
                .with("workType", "attestation");
    }

    @Test
    void epos_takes_marks_as_text_two_in_a_cell_with_a_slash_and_attestation_codes_for_intermediate_control() {
        HttpResponse<String> response = write(ResourceKind.MARKS, mark("mrk-1", "stu-1", "les-1"),
                mark("mrk-2", "stu-1", "les-1").with("value", "5/4").with("workType", "written"),
                mark("mrk-3", "stu-1", "les-1").with("value", "2").with("weight", 2).with("workType", "practical"),
                intermediate("mrk-4", "зач"), intermediate("mrk-5", "а/з"), intermediate("mrk-6", "н/а"),
                intermediate("mrk-7", "НПА"), intermediate("mrk-8", "4"));

        assertThat(path(ResourceKind.MARKS)).isEqualTo("/epos-sim/integration/v1/marks");
        assertAllAccepted(response);
        assertThat(epos.marks(CLIENT).get("mrk-2")).containsEntry("value", "5/4")
                .containsEntry("control_form", "текущая").containsEntry("work_type", "written")
                .containsEntry("lesson_key", "les-1").containsEntry("student_external_id", "stu-1");
        assertThat(epos.marks(CLIENT).get("mrk-3")).containsEntry("weight", 2);
    }

    @Test
    void epos_refuses_marks_off_its_scale_three_in_a_cell_and_attestation_for_current_control() {
        HttpResponse<String> response = write(ResourceKind.MARKS, mark("mrk-1", "stu-1", "les-1").with("value", "6"),
                mark("mrk-2", "stu-1", "les-1").with("value", "5/4/3"),
                mark("mrk-3", "stu-1", "les-1").with("value", "зач"),
                mark("mrk-4", "stu-1", "les-1").with("controlForm", "итоговая"),
                mark("mrk-5", "stu-1", "les-1").with("weight", 0),
                mark("mrk-6", "stu-1", "les-1").with("value", "зачтено"));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = json(response);
        assertError(body, 0, "value", "INVALID_VALUE");
        assertError(body, 1, "value", "INVALID_VALUE");
        assertError(body, 2, "value", "INVALID_VALUE");
        assertError(body, 3, "controlForm", "INVALID_VALUE");
        assertError(body, 4, "weight", "INVALID_VALUE");
        assertError(body, 5, "value", "INVALID_VALUE");
        assertThat(response.body()).doesNotContain("5/4/3", "итоговая", "зачтено");
        assertThat(epos.marks(CLIENT)).isEmpty();
    }

    @Test
    void a_mark_as_a_number_is_a_malformed_batch_on_epos() {
        HttpResponse<String> response = write(ResourceKind.MARKS, mark("mrk-1", "stu-1", "les-1").with("value", 5));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("code").asText()).isEqualTo("MALFORMED");
        assertThat(json(response).get("path").asText()).isEqualTo("items[0].value");
    }

    @Test
    void epos_absences_take_reason_codes_n_up_nu_only() {
        HttpResponse<String> response = write(ResourceKind.ATTENDANCE, absence("abs-1", "stu-1", "les-1"),
                absence("abs-2", "stu-2", "les-1").with("reasonCode", "УП"),
                absence("abs-3", "stu-1", "les-2").with("reasonCode", "НУ"),
                absence("abs-4", "stu-2", "les-2").with("reasonCode", "Б"));

        assertThat(path(ResourceKind.ATTENDANCE)).isEqualTo("/epos-sim/integration/v1/attendances");
        assertThat(response.statusCode()).isEqualTo(207);
        assertError(json(response), 3, "reasonCode", "INVALID_VALUE");
        assertThat(epos.attendance(CLIENT)).containsOnlyKeys("abs-1", "abs-2", "abs-3");
        assertThat(epos.attendance(CLIENT).get("abs-2")).containsEntry("reason_code", "УП");
    }
}
