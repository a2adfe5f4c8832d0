package ru.spobridge.model.staff;

/** A position from the college's table of positions (config/): its code in the HR system, title and journal role. */
public record Position(String code, String title, StaffRole role) {
}
