package ru.spobridge.simulators.aisepo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.platform.Item;
import ru.spobridge.simulators.platform.LessonDialect;
import ru.spobridge.simulators.platform.PlatformMarksContractTest;
import ru.spobridge.simulators.platform.PlatformSimulator;
import ru.spobridge.simulators.platform.ResourceKind;

/** АИС ЭПО marks as a list of one or two text marks, or an attestation result in words, never both. */
class AisEpoMarksTest extends PlatformMarksContractTest {

    @Override
    protected PlatformSimulator simulator() {
        return aisepo;
    }

    @Override
    protected LessonDialect dialect() {
        return LessonDialect.AISEPO;
    }

    @Override
    protected Item mark(String externalId, String student, String lessonKey) {
        return Item.of(externalId).with("studentExternalId", student).with("lessonKey", lessonKey)
                .with("marks", List.of("5")).with("workType", "current");
    }

    @Override
    protected String absenceCode() {
        return "code";
    }

    @Override
    protected String lessonNoField() {
        return "orderNo";
    }

    private Item attestation(String externalId, String result) {
        return mark(externalId, "stu-1", "les-1").without("marks").with("attestation", result)
                .with("workType", "attestation");
    }

    @Test
    void aisepo_takes_one_or_two_text_marks_or_an_attestation_result_in_words() {
        HttpResponse<String> response = write(ResourceKind.MARKS, mark("mrk-1", "stu-1", "les-1"),
                mark("mrk-2", "stu-1", "les-1").with("marks", List.of("5", "4")),
                attestation("mrk-3", "зачтено"), attestation("mrk-4", "академическая задолженность"),
                attestation("mrk-5", "не аттестован"), attestation("mrk-6", "не прошёл по уважительной причине"));

        assertThat(path(ResourceKind.MARKS)).isEqualTo("/aisepo-sim/integration/v1/marks");
        assertAllAccepted(response);
        assertThat(aisepo.marks(CLIENT).get("mrk-2")).containsEntry("marks", List.of("5", "4"));
        assertThat(aisepo.marks(CLIENT).get("mrk-3")).containsEntry("attestation", "зачтено")
                .doesNotContainKey("marks");
    }

    @Test
    void aisepo_refuses_both_marks_and_attestation_neither_three_marks_and_codes_of_other_platforms() {
        HttpResponse<String> response = write(ResourceKind.MARKS,
                mark("mrk-1", "stu-1", "les-1").with("attestation", "зачтено").with("workType", "attestation"),
                mark("mrk-2", "stu-1", "les-1").without("marks"),
                mark("mrk-3", "stu-1", "les-1").with("marks", List.of("5", "4", "3")),
                mark("mrk-4", "stu-1", "les-1").with("marks", List.of("5/4")),
                attestation("mrk-5", "зач"),
                attestation("mrk-6", "зачтено").with("workType", "current"));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = json(response);
        assertError(body, 0, "attestation", "INVALID_VALUE");
        assertError(body, 1, "marks", "REQUIRED");
        assertError(body, 2, "marks", "INVALID_VALUE");
        assertError(body, 3, "marks", "INVALID_VALUE");
        assertError(body, 4, "attestation", "INVALID_VALUE");
        assertError(body, 5, "attestation", "INVALID_VALUE");
        assertThat(response.body()).doesNotContain("зачтено", "5/4");
        assertThat(aisepo.marks(CLIENT)).isEmpty();
    }

    @Test
    void marks_as_numbers_are_a_malformed_batch_on_aisepo() {
        HttpResponse<String> response = write(ResourceKind.MARKS,
                mark("mrk-1", "stu-1", "les-1").with("marks", List.of(5)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("path").asText()).isEqualTo("items[0].marks[0]");
    }

    @Test
    void aisepo_absences_take_n_up_nu_and_not_the_sgo_illness_code() {
        HttpResponse<String> response = write(ResourceKind.ATTENDANCE, absence("abs-1", "stu-1", "les-1"),
                absence("abs-2", "stu-2", "les-1").with("code", "УП"),
                absence("abs-3", "stu-1", "les-2").with("code", "НУ"),
                absence("abs-4", "stu-2", "les-2").with("code", "Б"));

        assertThat(path(ResourceKind.ATTENDANCE)).isEqualTo("/aisepo-sim/integration/v1/attendance");
        assertThat(response.statusCode()).isEqualTo(207);
        assertError(json(response), 3, "code", "INVALID_VALUE");
        assertThat(aisepo.attendance(CLIENT)).containsOnlyKeys("abs-1", "abs-2", "abs-3");
    }
}
