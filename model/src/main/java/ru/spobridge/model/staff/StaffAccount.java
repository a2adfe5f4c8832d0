package ru.spobridge.model.staff;

import java.time.LocalDate;

/**
 * The journal account a staff member should have today: present (with position and role) or removed.
 * Derived from the orders; delivered to the platforms when it changes.
 */
public record StaffAccount(StaffMember member, boolean active, String positionCode, String positionTitle, StaffRole role,
                           LocalDate hiredOn) {

    @Override
    public String toString() {
        return "StaffAccount[" + member.key() + ", " + (active ? "active" : "removed") + "]";
    }
}
