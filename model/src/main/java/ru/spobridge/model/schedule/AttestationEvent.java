package ru.spobridge.model.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** An exam, a credit or a state final attestation sitting for a group (seed 002 §4.2.2–4.2.3). */
public record AttestationEvent(String collegeId, String eventId, Kind kind, LocalDate date, LocalTime start, String groupCode,
                               String disciplineCode, String controlFormCode, String roomCode, List<String> examinerIds) {

    public enum Kind { INTERMEDIATE, STATE_FINAL }

    public AttestationEvent {
        examinerIds = examinerIds == null ? List.of() : List.copyOf(examinerIds);
    }
}
