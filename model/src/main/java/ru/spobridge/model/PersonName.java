package ru.spobridge.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Фамилия, имя, отчество (отчество где есть). */
public record PersonName(String lastName, String firstName, String middleName) {

    public PersonName {
        lastName = require(lastName, "lastName", "Не указана фамилия");
        firstName = require(firstName, "firstName", "Не указано имя");
        middleName = middleName == null || middleName.isBlank() ? null : middleName.strip();
    }

    /** Every rule these parts break, both parts checked, so a mapping can report them all; the constructor refuses the first. */
    public static List<InvalidValueException> problems(String lastName, String firstName) {
        List<InvalidValueException> problems = new ArrayList<>();
        problem(lastName, "lastName", "Не указана фамилия").ifPresent(problems::add);
        problem(firstName, "firstName", "Не указано имя").ifPresent(problems::add);
        return problems;
    }

    private static String require(String part, String field, String message) {
        Optional<InvalidValueException> problem = problem(part, field, message);
        if (problem.isPresent()) {
            throw problem.get();
        }
        return part.strip();
    }

    private static Optional<InvalidValueException> problem(String part, String field, String message) {
        if (part == null || part.isBlank()) {
            return Optional.of(new InvalidValueException(field, "REQUIRED", message));
        }
        if (part.strip().length() > 100) {
            return Optional.of(new InvalidValueException(field, "TOO_LONG", "Слишком длинное значение (более 100 символов)"));
        }
        return Optional.empty();
    }

    /** "И****в А. С." — enough for an operator to recognise a record, not to identify a person. */
    public String masked() {
        return PersonalDataMask.maskName(lastName, firstName, middleName);
    }

    @Override
    public String toString() {
        return masked();
    }
}
