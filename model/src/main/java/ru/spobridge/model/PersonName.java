package ru.spobridge.model;

/** Фамилия, имя, отчество (отчество где есть). */
public record PersonName(String lastName, String firstName, String middleName) {

    public PersonName {
        lastName = require(lastName, "lastName", "Не указана фамилия");
        firstName = require(firstName, "firstName", "Не указано имя");
        middleName = middleName == null || middleName.isBlank() ? null : middleName.strip();
    }

    private static String require(String part, String field, String message) {
        if (part == null || part.isBlank()) {
            throw new InvalidValueException(field, "REQUIRED", message);
        }
        String stripped = part.strip();
        if (stripped.length() > 100) {
            throw new InvalidValueException(field, "TOO_LONG", "Слишком длинное значение (более 100 символов)");
        }
        return stripped;
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
