package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.model.Snils;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.flow.HeldRunDecisions;
import ru.spobridge.routes.flow.PersonalDataPurge;
import ru.spobridge.routes.staff.StaffRoutes;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.DeadLetters;
import ru.spobridge.routes.store.HeldRuns;
import ru.spobridge.routes.store.SyncRuns;
import ru.spobridge.simulators.contingent.wsdl.Guardian;

/**
 * 152-ФЗ at rest, on PostgreSQL: after a demo sync that leaves a student's data in every place the hub keeps it (canonical
 * state, a platform's refusal, a dead letter, a held run's snapshot, a staff order), his СНИЛС, phones, e-mails, birth
 * date and surnames are in clear in no text, JSON or binary column of any table; the hub still reads them back. Closed
 * dead letters and decided held runs lose their payloads after the retention, audited.
 */
class PersonalDataAtRestTest extends HubIntegrationTest {

    private static final String SNILS = snils("271828183");
    private static final String GUARDIAN_SNILS = snils("314159265");
    private static final String BORN = "2006-03-17";
    private static final String PHONE = "+7 (914) 271-82-81";
    private static final String EMAIL = "zasekr.pd.a@test.spo-college.example";
    private static final String GUARDIAN_PHONE = "+79146180339";
    private static final String GUARDIAN_EMAIL = "tainova.pd.g@test.spo-college.example";
    private static final String REFUSED_SNILS = snils("161803398");
    private static final String REFUSED_EMAIL = "otkaz.pd.b@test.spo-college.example";
    private static final String REFUSED_BORN = "2005-11-29";
    private static final String STAFF_PHONE = "+79147770312";
    private static final String STAFF_EMAIL = "kadr.pd.s@test.spo-college.example";

    @Autowired
    private CanonicalRecords canonical;
    @Autowired
    private DeadLetters deadLetters;
    @Autowired
    private HeldRuns heldRuns;
    @Autowired
    private HeldRunDecisions decisions;
    @Autowired
    private PersonalDataPurge purge;
    @Autowired
    private ProducerTemplate camel;

    @Test
    void planted_personal_data_is_in_clear_in_no_column_of_any_table_after_a_sync_and_old_payloads_are_purged() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, planted("Дарья"));
        contingent.putStudent(OGRN, SourceData.student("stu-pd-b", s -> {
            // refused at intake (no mobile phone): the refusal is kept, the person's data must not be
            s.setLastName("Отказникова");
            s.setSnils(REFUSED_SNILS);
            s.setEmail(REFUSED_EMAIL);
            s.setBirthDate(REFUSED_BORN);
            s.setPhone(null);
            s.getGuardian().clear();
        }));
        // the demo college's registry behind them: 640 students with guardians, as the demo syncs it
        SourceData.seedDemo(contingent, OGRN);
        epos.rejectRecords("email", "REQUIRED", "stu-pd-a");
        SyncRuns.Run first = syncAndWait(false);
        assertThat(first.targetRejected()).as("the platform refused the planted student once").isEqualTo(1);
        epos.clearRejections();

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Yekaterinburg"));
        staffFile("order_id;kind;order_no;order_date;effective_date;person_id;last_name;first_name;middle_name;email;phone;position_code\n"
                + "ord-pd;hire;К-152;" + today + ";" + today + ";per-pd;Кадрозащитная;Анна;Петровна;" + STAFF_EMAIL + ";" + STAFF_PHONE + ";ПРП\n");

        epos.faults().failAlways(503);
        contingent.putStudent(OGRN, planted("Дарина"));
        SyncRuns.Run failed = syncAndWait(false);
        assertThat(failed.deadLetters()).as("the changed planted student (and the guardian waiting for him) are dead letters").isPositive();
        epos.faults().clear();

        contingent.faults().failAfter(3, 503);
        Long heldRun = commands.runContingent(COLLEGE, true, "test");
        assertThat(runs.get(heldRun).orElseThrow().status()).as("a read broken midway is held with its snapshot").isEqualTo(SyncRuns.HELD);
        contingent.faults().clear();

        // the data is in the store and the hub reads it back in clear
        assertThat(canonical.payloads(COLLEGE, "student").get("stu-pd-a")).contains(SNILS, BORN, EMAIL);
        assertThat(canonical.payloads(COLLEGE, "guardian").get("gdn-pd-a")).contains(GUARDIAN_EMAIL);
        assertThat(deadLetters.openPayloadsByKey(COLLEGE, "epos", "student").get("stu-pd-a")).contains(SNILS, EMAIL, "Дарина");
        // a read taken page by page stored its students (sealed) as they came: the held snapshot keeps their ids, not their data
        assertThat(heldRuns.snapshot(heldRun).orElseThrow()).contains("stu-pd-a").doesNotContain(EMAIL, GUARDIAN_EMAIL, BORN);
        // the held read's pages were taken in too, renewing stu-pd-b's refusal (the earlier row closed, a new one kept)
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT entity_key) FROM rejected_record WHERE entity_key IN ('stu-pd-a', 'stu-pd-b')",
                Integer.class)).as("both refusals are kept").isEqualTo(2);

        List<String> needles = needles();
        assertThat(clearIn(needles)).as("no planted value in clear after the sync").isEmpty();
        jdbc.update("INSERT INTO audit_log (at, actor, action, details) VALUES (CURRENT_TIMESTAMP, 'test', 'SCAN_CHECK', ?)",
                "телефон " + GUARDIAN_PHONE);
        assertThat(clearIn(needles)).as("the scanner itself sees a planted value").isNotEmpty();
        jdbc.update("DELETE FROM audit_log WHERE action = 'SCAN_CHECK'");
        assertThat(clearIn(needles)).as("no planted value in clear in any column of any table").isEmpty();

        // retention: nothing is dropped before its time, then the closed letter and the decided hold lose their data
        assertThat(decisions.reject(heldRun, "tester", "проверка срока хранения")).isEqualTo(HeldRunDecisions.Outcome.DONE);
        assertThat(syncAndWait(false).delivered()).as("the planted student is delivered, closing its dead letter").isPositive();
        assertThat(purge.purge()).as("within the retention nothing is purged").isEmpty();
        clock.set(clock.instant().plus(Duration.ofDays(31)));
        Map<String, PersonalDataPurge.Purged> purged = purge.purge();
        assertThat(purged).containsOnlyKeys(COLLEGE);
        assertThat(purged.get(COLLEGE).heldSnapshots()).isEqualTo(1);
        assertThat(purged.get(COLLEGE).deadLetterPayloads()).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE payload IS NOT NULL AND status <> 'OPEN'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE payload_purged_at IS NOT NULL", Integer.class))
                .isEqualTo(purged.get(COLLEGE).deadLetterPayloads());
        assertThat(heldRuns.snapshot(heldRun)).isEmpty();
        assertThat(heldRuns.get(heldRun).orElseThrow().decision()).as("the decision itself is kept").isEqualTo(HeldRuns.REJECTED);
        assertThat(jdbc.queryForList("SELECT details FROM audit_log WHERE action = ? AND college_id = ?", String.class,
                PersonalDataPurge.AUDIT_ACTION, COLLEGE)).singleElement().asString()
                .contains("недоставленных записей — " + purged.get(COLLEGE).deadLetterPayloads(), "удержанных запусков — 1");
        assertThat(purge.purge()).as("purged once").isEmpty();
    }

    /** The planted student, first in the registry so that the held read holds him; a guardian with data of her own. */
    private static ru.spobridge.simulators.contingent.wsdl.Student planted(String firstName) {
        return SourceData.student("stu-pd-a", s -> {
            s.setLastName("Засекреченная");
            s.setFirstName(firstName);
            s.setSnils(SNILS);
            s.setBirthDate(BORN);
            s.setPhone(PHONE);
            s.setEmail(EMAIL);
            s.getGuardian().clear();
            Guardian guardian = new Guardian();
            guardian.setExternalId("gdn-pd-a");
            guardian.setRelation("мать");
            guardian.setLastName("Тайнова");
            guardian.setFirstName("Ольга");
            guardian.setPhone(GUARDIAN_PHONE);
            guardian.setEmail(GUARDIAN_EMAIL);
            guardian.setSnils(GUARDIAN_SNILS);
            s.getGuardian().add(guardian);
        });
    }

    /** Every planted value in the formats a system may write it in. */
    private static List<String> needles() {
        Set<String> needles = new LinkedHashSet<>();
        for (String snils : List.of(SNILS, GUARDIAN_SNILS, REFUSED_SNILS)) {
            String digits = snils.replaceAll("\\D", "");
            needles.add(digits);
            needles.add(digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9) + " " + digits.substring(9));
            needles.add(digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9) + "-" + digits.substring(9));
            needles.add(digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6, 9) + " " + digits.substring(9));
        }
        for (String phone : List.of(PHONE, GUARDIAN_PHONE, STAFF_PHONE)) {
            String ten = phone.replaceAll("\\D", "").substring(1);
            needles.add(ten);
            needles.add(ten.substring(0, 3) + ") " + ten.substring(3, 6) + "-" + ten.substring(6, 8) + "-" + ten.substring(8));
            needles.add(ten.substring(0, 3) + "-" + ten.substring(3, 6) + "-" + ten.substring(6, 8) + "-" + ten.substring(8));
            needles.add(ten.substring(0, 3) + " " + ten.substring(3, 6) + " " + ten.substring(6, 8) + " " + ten.substring(8));
            needles.add(ten.substring(3, 6) + "-" + ten.substring(6, 8) + "-" + ten.substring(8));
        }
        for (String email : List.of(EMAIL, GUARDIAN_EMAIL, REFUSED_EMAIL, STAFF_EMAIL)) {
            needles.add(email);
            needles.add(email.substring(0, email.indexOf('@')));
        }
        for (String born : List.of(BORN, REFUSED_BORN)) {
            LocalDate date = LocalDate.parse(born);
            needles.add(born);
            for (String pattern : List.of("dd.MM.yyyy", "dd/MM/yyyy", "yyyyMMdd", "yyyy.MM.dd", "dd.MM.yy")) {
                needles.add(date.format(DateTimeFormatter.ofPattern(pattern)));
            }
        }
        needles.addAll(List.of("Засекреченная", "Тайнова", "Отказникова", "Кадрозащитная"));
        return List.copyOf(needles);
    }

    /** "table.column: value" for each planted value found in clear in any text, JSON or binary column of the schema. */
    private List<String> clearIn(List<String> needles) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT table_name, column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea') "
                + "ORDER BY table_name, column_name");
        assertThat(columns).as("the scan sees the store's tables")
                .anySatisfy(column -> assertThat(column).containsEntry("table_name", "canonical_record").containsEntry("column_name", "payload"));
        for (Map<String, Object> column : columns) {
            String table = '"' + (String) column.get("table_name") + '"';
            String name = '"' + (String) column.get("column_name") + '"';
            boolean binary = "bytea".equals(column.get("data_type"));
            for (String needle : needles) {
                String condition = binary ? "position(convert_to(?, 'UTF8') in " + name + ") > 0" : "strpos(lower(" + name + "::text), lower(?)) > 0";
                Integer hits = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + condition, Integer.class, needle);
                if (hits != null && hits > 0) {
                    found.add(column.get("table_name") + "." + column.get("column_name") + ": " + needle);
                }
            }
        }
        return found;
    }

    private void staffFile(String text) {
        Exchange exchange = camel.request(StaffRoutes.FILE, ex -> {
            ex.getIn().setHeaders(Map.of(FlowHeaders.COLLEGE, COLLEGE, FlowHeaders.TRIGGER, "test", Exchange.FILE_NAME, "orders.csv"));
            ex.getIn().setBody(text.getBytes(StandardCharsets.UTF_8));
        });
        assertThat(exchange.getException()).isNull();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> epos.staff(COLLEGE).containsKey("per-pd"));
    }

    private static String snils(String nine) {
        String digits = nine + "%02d".formatted(Snils.checksum(nine));
        return digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9) + " " + digits.substring(9);
    }
}
