package ru.spobridge.simulators.sgo;

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

/** СГО marks as numbers, two as an array, attestation as text; absences at {@code attendance} with Б and ОП. */
class SgoMarksTest extends PlatformMarksContractTest {

    @Override
    protected PlatformSimulator simulator() {
        return sgo;
    }

    @Override
    protected LessonDialect dialect() {
        return LessonDialect.SGO;
    }

    @Override
    protected Item mark(String externalId, String student, String lessonKey) {
        return Item.of(externalId).with("studentExternalId", student).with("lessonKey", lessonKey)
                .with("value", 5).with("workType", "current");
    }

    @Override
    protected String absenceCode() {
        return "code";
    }

    @Override
    protected String topicField() {
        return "theme";
    }

    private Item attestation(String externalId, String value) {
        return mark(externalId, "stu-1", "les-1").with("value", value).with("workType", "attestation");
    }

    @Test
    void sgo_takes_marks_as_numbers_two_as_an_array_and_attestation_codes_as_text() {
        HttpResponse<String> response = write(ResourceKind.MARKS, mark("mrk-1", "stu-1", "les-1"),
                mark("mrk-2", "stu-1", "les-1").with("value", List.of(5, 4)),
                mark("mrk-3", "stu-1", "les-1").with("value", 2).with("weight", 3).with("workType", "test"),
                attestation("mrk-4", "зач"), attestation("mrk-5", "а/з"), attestation("mrk-6", "н/а"),
                attestation("mrk-7", "НПА"));

        assertThat(path(ResourceKind.MARKS)).isEqualTo("/sgo-sim/integration/v1/marks");
        assertAllAccepted(response);
        assertThat(sgo.marks(CLIENT).get("mrk-1")).containsEntry("value", 5).containsEntry("workType", "current")
                .containsEntry("lessonKey", "les-1").containsEntry("studentExternalId", "stu-1");
        assertThat(sgo.marks(CLIENT).get("mrk-2")).containsEntry("value", List.of(5, 4));
        assertThat(sgo.marks(CLIENT).get("mrk-4")).containsEntry("value", "зач");
    }

    @Test
    void sgo_refuses_three_marks_marks_off_its_scale_marks_as_text_and_attestation_for_current_work() {
        HttpResponse<String> response = write(ResourceKind.MARKS,
                mark("mrk-1", "stu-1", "les-1").with("value", List.of(5, 4, 3)),
                mark("mrk-2", "stu-1", "les-1").with("value", 6),
                mark("mrk-3", "stu-1", "les-1").with("value", "5"),
                mark("mrk-4", "stu-1", "les-1").with("value", "зач"),
                mark("mrk-5", "stu-1", "les-1").with("value", List.of()),
                mark("mrk-6", "stu-1", "les-1").with("value", List.of(5, 1)));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = json(response);
        assertError(body, 0, "value", "INVALID_VALUE");
        assertError(body, 1, "value", "INVALID_VALUE");
        assertError(body, 2, "value", "INVALID_VALUE");
        assertError(body, 3, "value", "INVALID_VALUE");
        assertError(body, 4, "value", "REQUIRED");
        assertError(body, 5, "value", "INVALID_VALUE");
        assertThat(sgo.marks(CLIENT)).isEmpty();
    }

    @Test
    void a_fractional_mark_or_marks_as_text_in_an_array_are_a_malformed_batch_on_sgo() {
        HttpResponse<String> fraction = write(ResourceKind.MARKS, mark("mrk-1", "stu-1", "les-1").with("value", 4.5));
        HttpResponse<String> texts = write(ResourceKind.MARKS,
                mark("mrk-1", "stu-1", "les-1").with("value", List.of("5", "4")));

        assertThat(fraction.statusCode()).isEqualTo(400);
        assertThat(json(fraction).get("path").asText()).isEqualTo("items[0].value");
        assertThat(texts.statusCode()).isEqualTo(400);
        assertThat(json(texts).get("path").asText()).isEqualTo("items[0].value[0]");
    }

    @Test
    void sgo_absences_take_its_own_codes_for_illness_and_a_notice_in_advance() {
        HttpResponse<String> response = write(ResourceKind.ATTENDANCE, absence("abs-1", "stu-1", "les-1"),
                absence("abs-2", "stu-2", "les-1").with("code", "УП"),
                absence("abs-3", "stu-1", "les-2").with("code", "НУ"),
                absence("abs-4", "stu-2", "les-2").with("code", "Б"),
                absence("abs-5", "stu-1", "les-3").with("code", "ОП"));

        assertThat(path(ResourceKind.ATTENDANCE)).isEqualTo("/sgo-sim/integration/v1/attendance");
        assertAllAccepted(response);
        assertThat(sgo.attendance(CLIENT).get("abs-4")).containsEntry("code", "Б");
    }
}
