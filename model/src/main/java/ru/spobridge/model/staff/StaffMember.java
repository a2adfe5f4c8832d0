package ru.spobridge.model.staff;

import ru.spobridge.model.Email;
import ru.spobridge.model.PersonName;
import ru.spobridge.model.Phone;
import ru.spobridge.model.SourceKey;

/** A person employed by the college (keyed by the HR system's person, not by the job: part-time jobs are one person). */
public record StaffMember(String collegeId, SourceKey key, PersonName name, Email email, Phone phone) {

    @Override
    public String toString() {
        return "StaffMember[" + key + "]";
    }
}
