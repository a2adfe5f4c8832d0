package ru.spobridge.model.journal;

import ru.spobridge.model.InvalidValueException;

/**
 * One lesson of a calendar-thematic plan: its number in the plan, the topic as the journal must record it word for
 * word (seed 002 §3.9), its hours, its kind and, for a work, the work's number.
 */
public record PlanItem(int lessonNo, String topic, int hours, WorkKind workKind, Integer workNo) {

    /** The longest topic the store keeps. */
    public static final int TOPIC_MAX = 1000;

    public PlanItem {
        if (lessonNo < 1) {
            throw new InvalidValueException("lessonNo", "INVALID_VALUE", "Номер занятия — целое число от 1");
        }
        if (topic == null || topic.isBlank()) {
            throw new InvalidValueException("topic", "REQUIRED", "Не указана тема занятия");
        }
        topic = topic.strip();
        if (topic.length() > TOPIC_MAX) {
            throw new InvalidValueException("topic", "TOO_LONG", "Тема длиннее " + TOPIC_MAX + " знаков");
        }
        if (hours < 1 || hours > 12) {
            throw new InvalidValueException("hours", "INVALID_VALUE", "Часы занятия — целое число от 1 до 12");
        }
        if (workKind == null) {
            throw new InvalidValueException("workKind", "REQUIRED", "Не указан вид работы");
        }
        if (workNo != null && workNo < 1) {
            throw new InvalidValueException("workNo", "INVALID_VALUE", "Номер работы — целое число от 1");
        }
        if (workNo != null && !workKind.isWork()) {
            throw new InvalidValueException("workNo", "NOT_A_WORK", "Номер работы указан у теоретического занятия: номер ставят только "
                    + "практическим, лабораторным и контрольным работам");
        }
    }
}
