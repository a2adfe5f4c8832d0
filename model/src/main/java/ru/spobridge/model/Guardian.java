package ru.spobridge.model;

/** Законный представитель; one person even when linked to several students (siblings). */
public record Guardian(SourceKey key, PersonName name, String relation, Phone phone, Email email) {

    @Override
    public String toString() {
        return "Guardian[" + key + "]";
    }
}
