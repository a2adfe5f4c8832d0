package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** 152-ФЗ: personal data planted in the source must not reach the log, whatever path the records take. */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataInLogsTest extends HubIntegrationTest {

    private static final String[] PLANTED = {"Утечкина", "Секретина", "Тайновна", "leak.canary", "pd-test.example",
            "999 111-22-33", "9991112233", "123-456-789 64", "12345678964", "2006-12-24", "Подлогова"};

    @Test
    void planted_personal_data_never_appears_in_the_log_output(CapturedOutput output) {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-4001", s -> {
            s.setLastName("Утечкина");
            s.setFirstName("Секретина");
            s.setMiddleName("Тайновна");
            s.setEmail("leak.canary@pd-test.example");
            s.setPhone("+7 999 111-22-33");
            s.setSnils("123-456-789 64");
            s.setBirthDate("2006-12-24");
        }));
        contingent.putStudent(OGRN, SourceData.student("stu-4002", s -> {
            s.setLastName("Подлогова");
            s.setEmail("leak.canary2@pd-test.example");
            s.setSnils("123-456-789 65");
            s.setPhone("+7 999 111-22-33 доб. 5");
        }));
        epos.faults().failNext(1, 503);
        // per-record detail is logged at debug level only: switched on here, it must be masked too
        ch.qos.logback.classic.Logger intake = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("ru.spobridge.routes.contingent");
        ch.qos.logback.classic.Level level = intake.getLevel();
        intake.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            syncAndWait(false);
        } finally {
            intake.setLevel(level);
        }
        epos.faults().failAlways(500);
        contingent.putStudent(OGRN, SourceData.student("stu-4001", s -> {
            s.setLastName("Утечкина");
            s.setFirstName("Секретина");
            s.setEmail("leak.canary@pd-test.example");
            s.setBirthDate("2006-12-24");
        }));
        syncAndWait(false);
        // a careless log line of a third party must be masked by the logging layer itself
        LoggerFactory.getLogger("third.party").warn("payload: Утечкина Секретина, leak.canary@pd-test.example, "
                + "+7 999 111-22-33, 123-456-789 64, 2006-12-24");

        assertThat(output.getAll()).contains("stu-4002").contains("payload:");
        for (String value : PLANTED) {
            assertThat(output.getAll()).as("log output must not contain a planted value").doesNotContain(value);
        }
    }
}
