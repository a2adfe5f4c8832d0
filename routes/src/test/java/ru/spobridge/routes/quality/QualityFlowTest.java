package ru.spobridge.routes.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.flow.CollegeRoute;

/** The monthly report's schedule per college, and its settings never showing the deputy director's address. */
class QualityFlowTest {

    private static final CollegeSettings PERM = new CollegeSettings("Колледж", null, "1025900000015", ZoneId.of("Asia/Yekaterinburg"),
            null, null, null, null, null, null);

    @Test
    void a_college_gets_the_monthly_schedule_in_its_zone_or_its_own_cron() {
        QualitySettings settings = new QualitySettings(null, null, Map.of("own", new QualitySettings.College("zam@college.example", "0 0 9 2 * ?")));
        QualityFlow flow = new QualityFlow(settings);

        CollegeRoute common = flow.collegeRoutes("perm", PERM, true).get(0);
        CollegeRoute own = flow.collegeRoutes("own", PERM, true).get(0);

        assertThat(common.parameters()).containsEntry("cron", "0+0+7+1+*+?").containsEntry("zone", "Asia/Yekaterinburg")
                .containsEntry("group", "journal-quality").containsEntry("entry", QualityRoutes.MONTHLY).containsEntry("flow", "quality");
        assertThat(own.parameters()).containsEntry("cron", "0+0+9+2+*+?");
        assertThat(flow.collegeRoutes("perm", PERM, false)).as("schedules off (tests, a standby hub)").isEmpty();
        assertThat(new QualityFlow(new QualitySettings(false, null, null)).collegeRoutes("perm", PERM, true)).isEmpty();
    }

    @Test
    void the_deputy_directors_address_is_read_but_never_printed() {
        QualitySettings settings = new QualitySettings(null, null, Map.of("perm", new QualitySettings.College(" zam@college.example ", null)));

        assertThat(settings.deputyEmail("perm")).isEqualTo("zam@college.example");
        assertThat(settings.deputyEmail("other")).isNull();
        assertThat(settings.toString()).doesNotContain("zam@").contains("задан");
    }
}
