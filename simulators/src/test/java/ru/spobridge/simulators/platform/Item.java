package ru.spobridge.simulators.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A batch item built with canonical camelCase names; the test spells it the platform's way. */
public final class Item {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Item() {
    }

    public static Item group(String code) {
        return new Item().with("externalId", code).with("name", code + " Технология машиностроения")
                .with("course", 2).with("specialtyCode", "15.02.16").with("form", "очная")
                .with("subgroups", List.of(Map.of("code", "1", "name", "Подгруппа 1")));
    }

    public static Item student(String externalId, String group) {
        return new Item().with("externalId", externalId).with("lastName", "Тестова").with("firstName", "Анна")
                .with("middleName", "Сергеевна").with("birthDate", "2007-03-14")
                .with("email", externalId.replace("-", "") + "@demo.spo-college.example")
                .with("phone", "+79123456789").with("groupExternalId", group).with("studyForm", "очная")
                .with("individualPlan", false);
    }

    public static Item movement(String externalId, String student, String kind, String effectiveDate) {
        return new Item().with("externalId", externalId).with("studentExternalId", student).with("kind", kind)
                .with("orderNo", "101-к").with("orderDate", effectiveDate).with("effectiveDate", effectiveDate);
    }

    public static Item guardian(String externalId, String... students) {
        return new Item().with("externalId", externalId).with("lastName", "Тестова").with("firstName", "Ольга")
                .with("email", "mother@demo.spo-college.example").with("phone", "+79120000102")
                .with("relation", "мать").with("studentExternalIds", List.of(students));
    }

    public Item with(String canonical, Object value) {
        fields.put(canonical, value);
        return this;
    }

    public Item without(String canonical) {
        fields.remove(canonical);
        return this;
    }

    /** The fields as the platform names them. */
    public Map<String, Object> spelled(FieldNaming naming) {
        Map<String, Object> wire = new LinkedHashMap<>();
        fields.forEach((name, value) -> wire.put(naming.wire(name), value));
        return wire;
    }
}
