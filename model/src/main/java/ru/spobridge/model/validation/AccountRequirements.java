package ru.spobridge.model.validation;

import java.util.ArrayList;
import java.util.List;
import ru.spobridge.model.Guardian;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.Student;

/** A platform account needs ФИО, e-mail and a mobile phone (seed 001 §3.1); true on every platform we serve. */
public final class AccountRequirements {

    private AccountRequirements() {
    }

    public static List<RecordError> check(Student student) {
        List<RecordError> errors = new ArrayList<>();
        String key = student.key().sourceId();
        if (student.email() == null) {
            errors.add(new RecordError(key, "email", "REQUIRED", "Не указан адрес электронной почты: без него нельзя создать учётную запись (seed 001 §3.1)"));
        }
        if (student.phone() == null) {
            errors.add(new RecordError(key, "phone", "REQUIRED", "Не указан мобильный телефон: без него нельзя создать учётную запись (seed 001 §3.1)"));
        }
        return errors;
    }

    public static List<RecordError> check(Guardian guardian) {
        List<RecordError> errors = new ArrayList<>();
        String key = guardian.key().sourceId();
        if (guardian.email() == null) {
            errors.add(new RecordError(key, "email", "REQUIRED", "Не указан адрес электронной почты представителя: без него нельзя создать учётную запись (seed 001 §3.1)"));
        }
        if (guardian.phone() == null) {
            errors.add(new RecordError(key, "phone", "REQUIRED", "Не указан мобильный телефон представителя: без него нельзя создать учётную запись (seed 001 §3.1)"));
        }
        return errors;
    }
}
