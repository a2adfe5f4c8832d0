package ru.spobridge.model.staff;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether a person is employed on a date, from the orders about him: the account must exist from the day of the
 * hiring order and must not exist from the day of the dismissal order (seed 002 §4.2.10, §4.2.13).
 */
public final class Employment {

    /** Orders in the order they take effect; on one day a dismissal comes after a hire (a one-day job). */
    public static final Comparator<StaffOrder> ORDER = Comparator.comparing(StaffOrder::effectiveDate)
            .thenComparing(order -> order.kind() == StaffOrderKind.DISMISSAL ? 1 : 0)
            .thenComparing(StaffOrder::orderDate)
            .thenComparing(order -> order.key().sourceId());

    private Employment() {
    }

    /** The order that defines the job on this date (the last hire or transfer in effect), or empty when not employed. */
    public static Optional<StaffOrder> on(LocalDate date, List<StaffOrder> orders) {
        StaffOrder current = null;
        for (StaffOrder order : orders.stream().sorted(ORDER).toList()) {
            if (order.effectiveDate().isAfter(date)) {
                break;
            }
            current = order.kind() == StaffOrderKind.DISMISSAL ? null : order;
        }
        return Optional.ofNullable(current);
    }

    /** The first hire of the current employment, for platforms that record the hiring date. */
    public static Optional<LocalDate> hiredOn(LocalDate date, List<StaffOrder> orders) {
        LocalDate hired = null;
        for (StaffOrder order : orders.stream().sorted(ORDER).toList()) {
            if (order.effectiveDate().isAfter(date)) {
                break;
            }
            if (order.kind() == StaffOrderKind.DISMISSAL) {
                hired = null;
            } else if (order.kind() == StaffOrderKind.HIRE && hired == null) {
                hired = order.effectiveDate();
            }
        }
        return Optional.ofNullable(hired);
    }

    /** A dismissal is valid only for a person with a hire before it. */
    public static boolean dismissalFollowsHire(StaffOrder dismissal, List<StaffOrder> orders) {
        return orders.stream().anyMatch(order -> order.kind() == StaffOrderKind.HIRE
                && !order.effectiveDate().isAfter(dismissal.effectiveDate()) && !order.key().equals(dismissal.key()));
    }
}
