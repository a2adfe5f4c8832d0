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
            Map.entry("studentExternalIds", "студенты"), Map.entry("kind", "вид движения"),
            Map.entry("orderNo", "номер приказа"), Map.entry("orderDate", "дата приказа"),
            Map.entry("effectiveDate", "дата вступления в силу"), Map.entry("toGroupExternalId", "группа перевода"));

    private FieldLabels() {
    }

    static String of(String canonical) {
        return LABELS.getOrDefault(canonical, canonical);
    }
}
