package ru.spobridge.mappings.ktp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.journal.PlanItem;
import ru.spobridge.model.journal.ThematicPlan;
import ru.spobridge.model.journal.WorkKind;

/** A КТП file, CSV in every way Excel writes it or a workbook, read into plans; bad rows refused with line and column. */
class KtpFileTest {

    private static final String HEADER = "Группа;Дисциплина;№;Тема;Часы;Вид работы;№ работы";

    private static KtpFile.Result csv(String text, Charset charset, boolean bom) {
        byte[] body = text.getBytes(charset);
        if (bom) {
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            body = withBom;
        }
        return KtpFile.parse("college-a", "ktp.csv", body);
    }

    private static KtpFile.Result csv(String text) {
        return csv(text, StandardCharsets.UTF_8, false);
    }

    @ParameterizedTest(name = "{0}, bom={1}, «{2}»")
    @CsvSource({
            "UTF-8, false, ;",
            "UTF-8, true, ;",
            "windows-1251, false, ;",
            "UTF-8, false, ','",
            "windows-1251, false, ','",
    })
    void a_plan_is_read_in_either_encoding_and_separator(String charset, boolean bom, String separator) {
        String text = String.join("\n",
                HEADER,
                "ИС-21;ОП.01;1;Введение. Электрическое поле;2;Лекция;",
                "ИС-21;ОП.01;2;\"Решение задач по теме «Закон Кулона», расчёт\";2;Практическое занятие;1",
                "ИС-21;ОП.01;3;Контрольная работа по разделу 1;2;Контрольная работа;1",
                "").replace(";", separator.equals(",") ? "," : ";");

        KtpFile.Result result = csv(text, Charset.forName(charset), bom);

        assertThat(result.errors()).isEmpty();
        assertThat(result.format()).isEqualTo("csv");
        assertThat(result.plans()).singleElement().satisfies(plan -> {
            assertThat(plan.groupCode()).isEqualTo("ИС-21");
            assertThat(plan.disciplineCode()).isEqualTo("ОП.01");
            assertThat(plan.items()).extracting(PlanItem::lessonNo, PlanItem::topic, PlanItem::hours, PlanItem::workKind, PlanItem::workNo)
                    .containsExactly(
                            tuple(1, "Введение. Электрическое поле", 2, WorkKind.LECTURE, null),
                            tuple(2, "Решение задач по теме «Закон Кулона», расчёт", 2, WorkKind.PRACTICAL, 1),
                            tuple(3, "Контрольная работа по разделу 1", 2, WorkKind.WRITTEN, 1));
        });
    }

    @Test
    void one_file_holds_the_plans_of_several_groups_and_disciplines() {
        KtpFile.Result result = csv(String.join("\n", HEADER,
                "ИС-21;ОП.01;1;Тема А;2;лекция;",
                "ИС-22;ОП.01;1;Тема А;2;лекция;",
                "ИС-21;МДК.01.01;1;Тема Б;2;лабораторная работа;1",
                "ИС-21;ОП.01;2;Тема В;2;лекция;"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.plans()).extracting(ThematicPlan::groupCode, ThematicPlan::disciplineCode, plan -> plan.items().size())
                .containsExactly(tuple("ИС-21", "ОП.01", 2), tuple("ИС-22", "ОП.01", 1), tuple("ИС-21", "МДК.01.01", 1));
        assertThat(result.rows()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0} → {2} в «{1}»")
    @CsvSource(delimiter = '|', value = {
            "ИС-21;;1;Тема;2;лекция;           | Дисциплина | REQUIRED",
            ";ОП.01;1;Тема;2;лекция;           | Группа     | REQUIRED",
            "ИС-21;ОП.01;первый;Тема;2;лекция; | №          | NOT_A_NUMBER",
            "ИС-21;ОП.01;0;Тема;2;лекция;      | №          | INVALID_VALUE",
            "ИС-21;ОП.01;1;;2;лекция;          | Тема       | REQUIRED",
            "ИС-21;ОП.01;1;Тема;два;лекция;    | Часы       | NOT_A_NUMBER",
            "ИС-21;ОП.01;1;Тема;0;лекция;      | Часы       | INVALID_VALUE",
            "ИС-21;ОП.01;1;Тема;2;экскурсия;   | Вид работы | INVALID_VALUE",
            "ИС-21;ОП.01;1;Тема;2;лекция;3     | № работы   | NOT_A_WORK",
            "ИС-21;ОП.01;1;Тема;2;практика;x   | № работы   | NOT_A_NUMBER",
    })
    void a_bad_row_is_refused_with_its_line_and_column_and_the_others_go_through(String row, String column, String code) {
        KtpFile.Result result = csv(String.join("\n", HEADER, "ИС-21;ОП.01;5;Хорошая тема;2;лекция;", row));

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.recordKey()).isEqualTo("ktp.csv:3");
            assertThat(error.field()).isEqualTo(column);
            assertThat(error.code()).isEqualTo(code);
            assertThat(error.message()).startsWith("Строка 3").contains(column);
        });
        assertThat(result.plans()).singleElement().satisfies(plan -> assertThat(plan.items()).extracting(PlanItem::lessonNo).containsExactly(5));
    }

    @Test
    void a_lesson_number_given_twice_for_one_plan_is_flagged_at_its_second_row() {
        KtpFile.Result result = csv(String.join("\n", HEADER,
                "ИС-21;ОП.01;1;Тема А;2;лекция;",
                "ИС-22;ОП.01;1;Тема А;2;лекция;",
                "",
                "ИС-21;ОП.01;1;Тема А ещё раз;2;лекция;"));

        assertThat(result.errors()).extracting(RecordError::recordKey, RecordError::field, RecordError::code)
                .containsExactly(tuple("ktp.csv:5", "№", KtpFile.DUPLICATE_LESSON_NO));
        assertThat(result.errors().get(0).message()).contains("уже есть в строке 2");
        assertThat(result.plans()).hasSize(2).allSatisfy(plan -> assertThat(plan.items()).extracting(PlanItem::topic).containsExactly("Тема А"));
    }

    @Test
    void a_header_without_a_required_column_refuses_the_file_naming_the_columns() {
        KtpFile.Result result = csv("Группа;Дисциплина;Тема;Часы\nИС-21;ОП.01;Тема;2\n");

        assertThat(result.plans()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(KtpFile.MISSING_COLUMN);
            assertThat(error.message()).contains("№, Вид работы").contains("Группа;Дисциплина;№;Тема;Часы;Вид работы;№ работы");
        });
    }

    @Test
    void header_variants_and_numbers_as_excel_writes_them_are_taken() {
        KtpFile.Result result = csv("№ занятия;Учебная группа;Дисциплина (МДК);Тема занятия;Кол-во часов;Вид занятия\n"
                + "1.;ИС-21;ОП.01;Тема;2,0;Лабораторное занятие\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.plans().get(0).items().get(0)).isEqualTo(new PlanItem(1, "Тема", 2, WorkKind.LABORATORY, null));
    }

    @Test
    void an_unclosed_quote_reports_the_rest_of_the_file_as_unread() {
        KtpFile.Result result = csv(String.join("\n", HEADER, "ИС-21;ОП.01;1;Тема;2;лекция;", "ИС-21;ОП.01;2;\"Тема без конца;2;лекция;",
                "ИС-21;ОП.01;3;Тема;2;лекция;"));

        assertThat(result.plans().get(0).items()).extracting(PlanItem::lessonNo).containsExactly(1);
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(KtpFile.MALFORMED_ROW);
            assertThat(error.recordKey()).isEqualTo("ktp.csv:3");
        });
    }

    @Test
    void empty_files_and_fake_workbooks_are_refused_as_files() {
        assertThat(KtpFile.parse("college-a", "ktp.csv", new byte[0]).errors()).extracting(RecordError::code).containsExactly(KtpFile.EMPTY_FILE);
        assertThat(KtpFile.parse("college-a", "ktp.xlsx", "Группа;Дисциплина".getBytes(StandardCharsets.UTF_8)).errors())
                .extracting(RecordError::code).containsExactly(KtpFile.UNREADABLE_FILE);
        assertThat(KtpFile.parse("college-a", "ktp.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0}).errors())
                .extracting(RecordError::code).containsExactly(KtpFile.UNREADABLE_FILE);
    }

    @Test
    void a_workbook_made_with_poi_is_read_from_its_first_sheet() throws IOException {
        byte[] workbook = workbook(List.of(
                List.of("Группа", "Дисциплина", "№", "Тема", "Часы", "Вид работы", "№ работы"),
                List.of("ИС-21", "ОП.01", 1, "Введение", 2, "Лекция", ""),
                List.of("ИС-21", "ОП.01", 2, "Решение задач на законы Ньютона", 2.0, "Практическая работа", 1),
                List.of(),
                List.of("ИС-21", "ОП.01", 2, "Повтор", 2, "Лекция", ""),
                List.of("ИС-21", "ОП.01", 3, "", 2, "Лекция", "")));

        KtpFile.Result result = KtpFile.parse("college-a", "план.xlsx", workbook);

        assertThat(result.format()).isEqualTo("xlsx");
        assertThat(result.plans()).singleElement().satisfies(plan -> assertThat(plan.items()).containsExactly(
                new PlanItem(1, "Введение", 2, WorkKind.LECTURE, null),
                new PlanItem(2, "Решение задач на законы Ньютона", 2, WorkKind.PRACTICAL, 1)));
        // sheet rows as Excel numbers them; the blank row 4 is skipped without an error
        assertThat(result.errors()).extracting(RecordError::recordKey, RecordError::field, RecordError::code).containsExactly(
                tuple("план.xlsx:5", "№", KtpFile.DUPLICATE_LESSON_NO),
                tuple("план.xlsx:6", "Тема", "REQUIRED"));
        // a workbook sent under a .csv name is still read as one
        assertThat(KtpFile.parse("college-a", "plan.csv", workbook).plans()).hasSize(1);
    }

    /** A real .xlsx: strings as text cells, numbers as numeric cells. */
    static byte[] workbook(List<? extends List<?>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("КТП");
            book.createSheet("Пояснения").createRow(0).createCell(0).setCellValue("не читается");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (!value.toString().isEmpty()) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
