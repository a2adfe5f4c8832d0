package ru.spobridge.simulators.platform;

import java.util.Map;

/** Russian names of item fields for rejection messages. */
final class FieldLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("externalId", "внешний идентификатор"), Map.entry("name", "название"),
            Map.entry("course", "курс"), Map.entry("form", "форма обучения"),
            Map.entry("studyForm", "форма обучения"), Map.entry("lastName", "фамилия"),
            Map.entry("firstName", "имя"), Map.entry("birthDate", "дата рождения"),
            Map.entry("email", "e-mail"), Map.entry("phone", "телефон"),
            Map.entry("groupExternalId", "группа"), Map.entry("studentExternalId", "студент"),
            Map.entry("studentExternalIds", "студенты"), Map.entry("kind", "вид"),
            Map.entry("orderNo", "номер приказа"), Map.entry("orderDate", "дата приказа"),
            Map.entry("effectiveDate", "дата вступления в силу"), Map.entry("toGroupExternalId", "группа перевода"),
            Map.entry("position", "должность"), Map.entry("hiredOn", "дата приёма"),
            Map.entry("absentTeacherExternalId", "отсутствующий преподаватель"),
            Map.entry("substituteTeacherExternalId", "замещающий преподаватель"),
            Map.entry("dateFrom", "дата начала"), Map.entry("dateTo", "дата окончания"),
            Map.entry("scope", "группы и дисциплины замены"), Map.entry("teacherExternalId", "преподаватель"),
            Map.entry("disciplineCode", "дисциплина"), Map.entry("disciplineKind", "вид дисциплины"),
            Map.entry("hours", "часы"), Map.entry("code", "код"), Map.entry("attributes", "атрибуты"),
            Map.entry("building", "корпус"), Map.entry("specialty", "специальность"),
            Map.entry("startYear", "год начала обучения"), Map.entry("from", "начало периода"),
            Map.entry("to", "окончание периода"), Map.entry("start", "время начала"),
            Map.entry("end", "время окончания"), Map.entry("date", "дата"), Map.entry("bellNo", "номер урока"),
            Map.entry("pairNo", "номер пары"), Map.entry("subgroup", "подгруппа"),
            Map.entry("subgroupNo", "подгруппа"), Map.entry("subjectCode", "предмет"),
            Map.entry("teacherExternalIds", "преподаватели"), Map.entry("room", "аудитория"),
            Map.entry("status", "статус урока"), Map.entry("controlForm", "форма контроля"),
            Map.entry("examinerExternalIds", "экзаменаторы"), Map.entry("lessonKey", "урок"),
            Map.entry("value", "отметка"), Map.entry("marks", "отметки"),
            Map.entry("attestation", "результат аттестации"), Map.entry("workType", "вид работы"),
            Map.entry("weight", "вес отметки"), Map.entry("reasonCode", "причина отсутствия"),
            Map.entry("parallel", "параллель"), Map.entry("letter", "литера класса"),
            Map.entry("recordedAt", "время записи"), Map.entry("lessonNo", "номер занятия по КТП"),
            Map.entry("workNo", "номер работы"),
            Map.entry("topic", "тема занятия"), Map.entry("theme", "тема занятия"), Map.entry("homework", "домашнее задание"));

    private FieldLabels() {
    }

    static String of(String canonical) {
        return LABELS.getOrDefault(canonical, canonical);
    }
}
