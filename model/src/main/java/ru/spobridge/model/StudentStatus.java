package ru.spobridge.model;

/** Where a student stands after the movements applied to him so far. */
public enum StudentStatus {
    ACTIVE,
    ACADEMIC_LEAVE,
    EXPELLED
}
