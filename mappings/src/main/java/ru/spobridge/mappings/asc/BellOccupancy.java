package ru.spobridge.mappings.asc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cards already hold a group's bell on a date. A whole group clashes with anything in its bell; subgroups of
 * the same division (same aSc {@code divisiontag}) split the class and may share the bell, the same subgroup or
 * subgroups of different divisions may not.
 */
final class BellOccupancy {

    /** One group or subgroup in one bell on one date, placed by the card {@code cardKey}. */
    record Seat(LocalDate date, int bell, String groupCode, String subgroupCode, int divisionTag, String cardKey) {
    }

    private record Slot(LocalDate date, int bell, String groupCode) {
    }

    private final Map<Slot, List<Seat>> taken = new HashMap<>();

    /** The card already holding a seat that clashes with one of these, or null when all of them are free. */
    String clash(List<Seat> seats) {
        for (Seat seat : seats) {
            for (Seat other : taken.getOrDefault(new Slot(seat.date(), seat.bell(), seat.groupCode()), List.of())) {
                if (clashes(seat, other)) {
                    return other.cardKey();
                }
            }
        }
        return null;
    }

    void take(List<Seat> seats) {
        for (Seat seat : seats) {
            taken.computeIfAbsent(new Slot(seat.date(), seat.bell(), seat.groupCode()), slot -> new ArrayList<>(2)).add(seat);
        }
    }

    private static boolean clashes(Seat a, Seat b) {
        if (a.subgroupCode() == null || b.subgroupCode() == null || a.divisionTag() != b.divisionTag()) {
            return true;
        }
        return a.subgroupCode().equals(b.subgroupCode());
    }
}
