package ru.spobridge.mappings.ktp;

import java.util.List;
import java.util.Locale;

/**
 * The columns of a КТП file, by the Russian header teachers write: «Группа;Дисциплина;№;Тема;Часы;Вид работы;№ работы»,
 * with the usual variants («№ занятия», «Кол-во часов», «Вид занятия»). Only «№ работы» may be absent.
 */
enum KtpColumn {
    GROUP("Группа", true, List.of("группа", "учебная группа", "код группы")),
    DISCIPLINE("Дисциплина", true, List.of("дисциплина", "дисциплина (мдк)", "дисциплина, мдк", "дисциплина/мдк", "мдк", "предмет",
            "код дисциплины")),
    LESSON_NO("№", true, List.of("№", "№ занятия", "номер занятия", "№ урока", "номер урока", "№ п/п", "n")),
    TOPIC("Тема", true, List.of("тема", "тема занятия", "тема урока", "наименование темы")),
    HOURS("Часы", true, List.of("часы", "часов", "кол-во часов", "количество часов")),
    WORK_KIND("Вид работы", true, List.of("вид работы", "вид занятия", "тип занятия")),
    WORK_NO("№ работы", false, List.of("№ работы", "номер работы"));

    private final String title;
    private final boolean required;
    private final List<String> names;

    KtpColumn(String title, boolean required, List<String> names) {
        this.title = title;
        this.required = required;
        this.names = names;
    }

    /** The column's name as the expected header writes it; also the field an error names. */
    String title() {
        return title;
    }

    boolean required() {
        return required;
    }

    boolean matches(String headerCell) {
        return names.contains(normalise(headerCell));
    }

    static String normalise(String headerCell) {
        if (headerCell == null) {
            return "";
        }
        return headerCell.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ")
                .replaceAll("[.:]$", "").replace("no.", "№").replace("n°", "№").replaceAll("№\\s*", "№ ").strip();
    }

    /** The header every refusal shows as expected. */
    static String expectedHeader() {
        return "«Группа;Дисциплина;№;Тема;Часы;Вид работы;№ работы»";
    }
}
