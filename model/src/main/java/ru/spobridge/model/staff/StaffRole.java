package ru.spobridge.model.staff;

/** What a position lets a staff member do in the journal. */
public enum StaffRole {
    TEACHER,
    MASTER,
    ADMINISTRATION
}
