package ru.spobridge.routes.archive.contents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import ru.spobridge.model.Group;
import ru.spobridge.model.StudyForm;
import ru.spobridge.model.marks.Mark;
import ru.spobridge.model.marks.MarkValue;
import ru.spobridge.model.marks.WorkType;
import ru.spobridge.model.reference.ReferenceItem;
import ru.spobridge.model.reference.ReferenceKind;
import ru.spobridge.routes.config.HubProperties.RetentionSettings;

/** Which mark is final, the order of disciplines, and how long each archived document is kept. */
class FinalMarksAndRetentionTest {

    private static Mark mark(String id, String date, String value, WorkType type, int version, boolean deleted) {
        return new Mark("c", id, version, "stu-1", "les-" + date, LocalDate.parse(date), "ИСП-24", "ОУД.01", "t-1", MarkValue.parse(value), type,
                Instant.parse(date + "T10:00:00Z"), Instant.parse(date + "T10:05:00Z"), deleted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the later attestation mark wins                       | 2025-12-20,4,attestation,1,false ; 2025-12-25,5,attestation,1,false | 5
            an earlier date given later does not overtake         | 2025-12-25,3,attestation,1,false ; 2025-12-20,5,attestation,2,false | 3
            a removed attestation mark is not final               | 2025-12-20,4,attestation,1,false ; 2025-12-25,5,attestation,3,true  | 4
            current marks never count, however late               | 2025-12-20,зач,attestation,1,false ; 2025-12-28,2,current,1,false   | зач
            a written work is not an attestation                  | 2025-12-28,5,written,1,false                                        | -
            н/а after the debt deadline replaces а/з              | 2025-12-20,а/з,attestation,1,false ; 2026-02-10,н/а,attestation,1,false | н/а
            """)
    void the_final_mark_is_the_latest_attestation_mark_not_removed(String name, String marks, String expected) {
        SummaryStatements.FinalMarks finals = new SummaryStatements.FinalMarks();
        int i = 0;
        for (String row : marks.split(";")) {
            String[] parts = row.strip().split(",");
            finals.offer(mark("m-" + i++, parts[0], parts[1], WorkType.fromCode(parts[2]), Integer.parseInt(parts[3]), Boolean.parseBoolean(parts[4])));
        }
        Mark fin = finals.byGroup.getOrDefault("ИСП-24", Map.of()).getOrDefault("stu-1", Map.of()).get("ОУД.01");
        assertThat(fin == null ? "-" : fin.value().text()).isEqualTo(expected);
    }

    @Test
    void disciplines_follow_the_curriculum_cycles_and_modules_with_numbers_as_numbers() {
        List<String> codes = new java.util.ArrayList<>(List.of("ПП.02", "ОУД.10", "МДК.02.01", "МДК.01.02", "ОУД.02", "ПМ.01", "МДК.01.01",
                "ОП.01", "ЕН.01", "УП.01", "ОУД.01", "ОГСЭ.03", "ПМ.02", "Факультатив"));
        codes.sort(SummaryStatements.DISCIPLINE_ORDER);
        assertThat(codes).containsExactly("ОУД.01", "ОУД.02", "ОУД.10", "ОГСЭ.03", "ЕН.01", "ОП.01", "ПМ.01", "МДК.01.01", "МДК.01.02",
                "УП.01", "ПМ.02", "МДК.02.01", "ПП.02", "Факультатив");
    }

    @ParameterizedTest
    @CsvSource({"2025-09-01, 2025/2026", "2026-06-30, 2025/2026", "2026-08-31, 2025/2026", "2026-09-01, 2026/2027"})
    void the_school_year_starts_on_the_first_of_september(LocalDate date, String year) {
        assertThat(SummaryStatements.schoolYear(date)).isEqualTo(year);
    }

    private static final Group ISP = new Group("c", "ИСП-24", "ИСП-24", "09.02.07", 2, StudyForm.FULL_TIME, List.of());
    private static final Group SA = new Group("c", "СА-23", "СА-23", "15.02.01", 3, StudyForm.FULL_TIME, List.of());

    private static ReferenceItem curriculum(String specialty, String startYear, String endDate) {
        Map<String, String> attributes = new java.util.HashMap<>(Map.of("specialty", specialty, "form", "очная", "startYear", startYear));
        if (endDate != null) {
            attributes.put(ArchiveRetention.END_DATE, endDate);
        }
        return new ReferenceItem("c", ReferenceKind.CURRICULUM, specialty + "-" + startYear, "План " + specialty, attributes);
    }

    @Test
    void a_college_keeps_statements_75_years_and_the_journal_until_the_group_finishes() {
        ArchiveRetention retention = new ArchiveRetention(RetentionSettings.COLLEGE);
        LocalDate yearEnd = LocalDate.parse("2026-06-30");
        // ИСП-24 is in its 2nd course in 2025/2026: it entered in 2024
        List<ReferenceItem> plans = List.of(curriculum("09.02.07", "2024", "2028-06-30"), curriculum("09.02.07", "2025", "2029-06-30"));

        assertThat(retention.statements(yearEnd)).isEqualTo("2101-06-30");
        assertThat(retention.journal(yearEnd, List.of(ISP), plans)).isEqualTo("2028-06-30");
        assertThat(retention.journal(yearEnd, List.of(SA), plans)).as("no curriculum: 5 years").isEqualTo("2031-06-30");
        assertThat(retention.journal(yearEnd, List.of(ISP, SA), plans)).as("the latest of the groups").isEqualTo("2031-06-30");
        assertThat(retention.journal(yearEnd, List.of(ISP), List.of(curriculum("09.02.07", "2024", null)))).as("no end date").isEqualTo("2031-06-30");
        assertThat(retention.journal(yearEnd, List.of(), plans)).isEqualTo("2031-06-30");
    }

    @Test
    void a_school_keeps_statements_25_years_and_journal_pages_5_and_a_college_may_set_its_own() {
        LocalDate yearEnd = LocalDate.parse("2026-05-31");
        ArchiveRetention school = new ArchiveRetention(RetentionSettings.SCHOOL);
        assertThat(school.statements(yearEnd)).isEqualTo("2051-05-31");
        assertThat(school.journal(yearEnd, List.of(ISP), List.of(curriculum("09.02.07", "2024", "2040-01-01")))).isEqualTo("2031-05-31");

        ArchiveRetention own = new ArchiveRetention(new RetentionSettings(Period.ofYears(50), null, Period.ofYears(3)));
        assertThat(own.statements(yearEnd)).isEqualTo("2076-05-31");
        assertThat(own.journal(yearEnd, List.of(SA), List.of())).isEqualTo("2029-05-31");
    }

    @Test
    void retention_is_a_per_college_setting_with_the_seeds_defaults() {
        java.util.function.Function<Map<String, String>, RetentionSettings> bind = extra -> {
            Map<String, String> settings = new java.util.HashMap<>(Map.of("c.name", "Колледж", "c.ogrn", "1025900000015", "c.zone", "Asia/Yekaterinburg"));
            settings.putAll(extra);
            return new org.springframework.boot.context.properties.bind.Binder(
                    new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(settings))
                    .bind("c", ru.spobridge.routes.config.HubProperties.CollegeSettings.class).get().retention();
        };
        assertThat(bind.apply(Map.of())).isEqualTo(RetentionSettings.COLLEGE)
                .extracting(RetentionSettings::statements, RetentionSettings::journal, RetentionSettings::journalFallback)
                .containsExactly(Period.ofYears(75), null, Period.ofYears(5));
        assertThat(bind.apply(Map.of("c.retention.statements", "25y", "c.retention.journal", "5y"))).isEqualTo(RetentionSettings.SCHOOL);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bind.apply(Map.of("c.retention.statements", "0y")))
                .hasStackTraceContaining("сроки хранения должны быть положительными");
    }
}
