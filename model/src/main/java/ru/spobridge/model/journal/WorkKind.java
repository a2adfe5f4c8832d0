package ru.spobridge.model.journal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import ru.spobridge.model.InvalidValueException;

/**
 * The kind of a lesson in the calendar-thematic plan (КТП). Practical, laboratory and written works are "works": the
 * journal records them with their number (seed 002 §3.9).
 */
public enum WorkKind {
    LECTURE("lecture", "Теоретическое занятие", List.of("лекция", "теория", "теоретическое занятие", "урок", "комбинированный урок",
            "занятие")),
    PRACTICAL("practical", "Практическая работа", List.of("практическая работа", "практическое занятие", "практика", "пр")),
    LABORATORY("laboratory", "Лабораторная работа", List.of("лабораторная работа", "лабораторное занятие", "лабораторная", "лр")),
    WRITTEN("written", "Контрольная работа", List.of("контрольная работа", "самостоятельная работа", "письменная работа",
            "проверочная работа", "контрольная", "самостоятельная", "кр"));

    private final String code;
    private final String label;
    private final List<String> names;

    WorkKind(String code, String label, List<String> names) {
        this.code = code;
        this.label = label;
        this.names = names;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** How an operator reads it. */
    public String label() {
        return label;
    }

    public boolean isWork() {
        return this != LECTURE;
    }

    /** The kind a plan names, in Russian as teachers write it («Практическое занятие») or by code («practical»). */
    @JsonCreator
    public static WorkKind fromText(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("workKind", "REQUIRED", "Не указан вид работы");
        }
        String name = text.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[.\\s]+$", "").replaceAll("\\s+", " ");
        return Arrays.stream(values()).filter(kind -> kind.code.equals(name) || kind.names.contains(name)).findFirst()
                .orElseThrow(() -> new InvalidValueException("workKind", "INVALID_VALUE", "Вид работы не узнан: ожидается теоретическое "
                        + "занятие (лекция), практическая работа, лабораторная работа или контрольная (самостоятельная) работа"));
    }
}
