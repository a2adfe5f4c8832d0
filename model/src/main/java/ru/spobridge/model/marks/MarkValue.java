package ru.spobridge.model.marks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import ru.spobridge.model.InvalidValueException;

/**
 * Отметка: one or two marks of the five-point scale 2–5 in one cell (two are allowed, seed 000 §4.6), or an
 * intermediate-attestation result: «зачёт», «а/з» (academic debt), «н/а» (not certified), «НПА» (did not pass for a
 * valid reason), seed 001 §3.2.1.
 */
public record MarkValue(List<Integer> grades, Attestation attestation) {

    public enum Attestation {
        PASSED("зач"),
        ACADEMIC_DEBT("а/з"),
        NOT_CERTIFIED("н/а"),
        VALID_REASON("НПА");

        private final String code;

        Attestation(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public MarkValue {
        grades = grades == null ? List.of() : List.copyOf(grades);
        if ((attestation == null) == grades.isEmpty() || grades.size() > 2) {
            throw new InvalidValueException("value", "INVALID_VALUE", "Отметка — одна или две оценки 2–5 либо результат аттестации");
        }
        for (int grade : grades) {
            if (grade < 2 || grade > 5) {
                throw new InvalidValueException("value", "INVALID_VALUE", "Оценка по пятибалльной шкале — от 2 до 5");
            }
        }
    }

    /** "5", "5/4", "зач", "зачёт", "а/з", "н/а", "НПА". */
    @JsonCreator
    public static MarkValue parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("value", "REQUIRED", "Не указана отметка");
        }
        String value = raw.strip();
        switch (value.toLowerCase(Locale.ROOT).replace('ё', 'е')) {
            case "зач", "зачет", "зачтено" -> {
                return new MarkValue(List.of(), Attestation.PASSED);
            }
            case "а/з" -> {
                return new MarkValue(List.of(), Attestation.ACADEMIC_DEBT);
            }
            case "н/а" -> {
                return new MarkValue(List.of(), Attestation.NOT_CERTIFIED);
            }
            case "нпа" -> {
                return new MarkValue(List.of(), Attestation.VALID_REASON);
            }
            default -> {
            }
        }
        if (!value.matches("\\d(/\\d)?")) {
            throw new InvalidValueException("value", "INVALID_FORMAT", "Отметка записывается как «5», «5/4», «зач», «а/з», «н/а» или «НПА»");
        }
        return new MarkValue(java.util.Arrays.stream(value.split("/")).map(Integer::valueOf).toList(), null);
    }

    @JsonValue
    public String text() {
        return attestation != null ? attestation.code() : String.join("/", grades.stream().map(String::valueOf).toList());
    }

    public boolean isAttestation() {
        return attestation != null;
    }
}
