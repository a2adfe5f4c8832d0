package ru.spobridge.mappings.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;
import ru.spobridge.mappings.Parsed;
import ru.spobridge.mappings.marks.JournalChange;
import ru.spobridge.mappings.marks.StatementCsv;
import ru.spobridge.mappings.schedule.ScheduleCsv;
import ru.spobridge.mappings.staff.StaffCsv;
import ru.spobridge.mappings.staff.SubstitutionRecord;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.schedule.LessonChange;

/** Every CSV parser reads through CsvReader: a broken row is named by its physical line and loses only itself. */
class CsvParsersTest {

    @Test
    void a_statement_with_a_multi_line_cell_and_a_broken_quote_keeps_every_other_row_and_names_physical_lines() {
        String csv = "\uFEFFstudent_id;date;bell;group;discipline;value;work_type;teacher_id;given_at\n"
                + "stu-1;2026-03-02;1;ИСП-21;\"МДК.01.01\nпрактика\";5;current;tch-1;2026-03-02T09:00:00Z\n"
                + "stu-2;2026-03-02;1;ИСП-21;\"МДК.01.01;4;current;tch-1;2026-03-02T09:00:00Z\n"
                + "stu-3;2026-03-02;1;ИСП-21;МДК.01.01;зач;attestation;tch-1\n"
                + "stu-4;2026-03-02;1;ИСП-21;МДК.01.01;3;current;tch-1;2026-03-02T09:00:00Z\n";

        StatementCsv.Rows rows = StatementCsv.parse("stmt.csv", csv);

        assertThat(rows.changes()).extracting(JournalChange::studentId, JournalChange::value).containsExactly(tuple("stu-1", "5"), tuple("stu-4", "3"));
        assertThat(rows.errors()).extracting(RecordError::recordKey, RecordError::code)
                .containsExactly(tuple("stmt.csv:4", "MALFORMED_ROW"), tuple("stmt.csv:5", "MALFORMED_ROW"));
        assertThat(rows.changes().get(1).id()).isEqualTo("stmt:stu-4:2026-03-02:1:МДК.01.01:current");
    }

    @Test
    void a_statement_without_its_columns_is_refused_naming_them() {
        StatementCsv.Rows rows = StatementCsv.parse("stmt.csv", "student_id;date\n");

        assertThat(rows.errors()).singleElement().extracting(RecordError::field, RecordError::code)
                .containsExactly("bell, group, discipline, value, work_type, teacher_id, given_at", "MISSING_COLUMN");
    }

    @Test
    void an_empty_statement_is_refused_as_an_empty_file() {
        StatementCsv.Rows rows = StatementCsv.parse("stmt.csv", "");

        assertThat(rows.refused()).isTrue();
        assertThat(rows.errors()).singleElement().extracting(RecordError::recordKey, RecordError::code).containsExactly("stmt.csv", "EMPTY_FILE");
    }

    @Test
    void a_header_only_statement_has_no_changes_and_no_errors() {
        StatementCsv.Rows rows = StatementCsv.parse("stmt.csv", "student_id;date;bell;group;discipline;value;work_type;teacher_id;given_at\r\n");

        assertThat(rows.changes()).isEmpty();
        assertThat(rows.errors()).isEmpty();
    }

    @Test
    void lesson_changes_name_a_broken_row_and_a_bad_field_by_physical_line_and_keep_the_rest() {
        String csv = "change_id;kind;date;bell;group;subgroup;discipline;substitute_teacher;room;new_date;new_bell\n"
                + "ch-1;замена;2026-03-02;2;ИСП-21;;\"МДК.01.01\n(лаб.)\";tch-9;;;\n"
                + "ch-2;отмена;2026-03-02;\"3;ИСП-21;;ОП.01;;;;\n"
                + "ch-3;перенос;2026-03-02;4;ИСП-21;;ОП.02;;;2026-03-05;1\n";

        ScheduleCsv.Rows<LessonChange> rows = ScheduleCsv.changes("perm", "changes.csv", csv);

        assertThat(rows.records()).extracting(LessonChange::changeId).containsExactly("ch-1", "ch-3");
        assertThat(rows.errors()).extracting(RecordError::recordKey, RecordError::code).containsExactly(tuple("changes.csv:4", "MALFORMED_ROW"));
    }

    @Test
    void a_reference_row_with_a_bad_kind_is_keyed_by_its_physical_line() {
        String csv = "kind;code;name;attributes\n\n"
                + "room;101;Аудитория 101;building=1\n"
                + "planet;X;Марс;\n";

        ScheduleCsv.Rows<?> rows = ScheduleCsv.reference("perm", "ref.csv", csv);

        assertThat(rows.records()).hasSize(1);
        assertThat(rows.errors()).extracting(RecordError::recordKey, RecordError::field).containsExactly(tuple("ref.csv:4", "kind"));
    }

    @Test
    void staff_substitutions_keep_their_physical_lines_and_lose_only_a_broken_row() {
        String csv = "substitution_id;absent_teacher_id;substitute_id;date_from;date_to;cancelled\n"
                + "s1;emp-1;emp-2;2026-03-02;2026-03-06;\n"
                + "s2;\"emp-1;emp-3;2026-03-02;2026-03-06;\n"
                + "s3;emp-4;emp-5;2026-03-09;2026-03-10;да\n";

        Parsed<SubstitutionRecord> parsed = StaffCsv.substitutions("subs.csv", csv);

        assertThat(parsed.records()).extracting(Parsed.Line::line, line -> line.record().substitutionId())
                .containsExactly(tuple(2L, "s1"), tuple(4L, "s3"));
        assertThat(parsed.errors()).extracting(RecordError::recordKey, RecordError::code).containsExactly(tuple("subs.csv:3", "MALFORMED_ROW"));
    }

    @Test
    void a_staff_file_in_windows_1251_is_read_after_decoding() {
        byte[] bytes = ("workload_id;teacher_id;discipline_code;discipline_kind;group;subgroup;hours\r\n"
                + "wl-1;emp-1;МДК.01.01;МДК;ИСП-21;1;72\r\n").getBytes(java.nio.charset.Charset.forName("windows-1251"));

        var parsed = StaffCsv.workload("wl.csv", ru.spobridge.mappings.text.FileText.decode(bytes).text());

        assertThat(parsed.records()).singleElement().satisfies(line -> {
            assertThat(line.record().disciplineKind()).isEqualTo("МДК");
            assertThat(line.record().group()).isEqualTo("ИСП-21");
        });
    }
}
