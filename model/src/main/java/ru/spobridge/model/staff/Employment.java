package ru.spobridge.model.staff;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether a person is employed on a date, from the orders about him: the account exists from the day of the hiring
 * order; the dismissal day is the last working day (Labour Code art. 84.1), so the account exists through it and
 * not from the next day (seed 002 §4.2.10, §4.2.13; the same-day reporting rule is judged by the SLA report).
 */
public final class Employment {

    /**
     * Orders in the order they change the account: by the day each changes it ({@link #changesOn}); on one such day a
     * dismissal (of the day before) comes before a hire, so a rehire the day after the last working day holds.
     */
    public static final Comparator<StaffOrder> ORDER = Comparator.comparing(Employment::changesOn)
            .thenComparing(order -> order.kind() == StaffOrderKind.DISMISSAL ? 0 : 1)
            .thenComparing(StaffOrder::orderDate)
            .thenComparing(order -> order.key().sourceId());

    private Employment() {
    }

    /**
     * The day an order changes the account, from 00:00 in the college's zone: a hire or transfer on its effective
     * date, a dismissal on the day after its effective date (the account works through the last working day).
     */
    public static LocalDate changesOn(StaffOrder order) {
        return order.kind() == StaffOrderKind.DISMISSAL ? order.effectiveDate().plusDays(1) : order.effectiveDate();
    }

    /** The order that defines the job on this date (the last hire or transfer in effect), or empty when not employed. */
    public static Optional<StaffOrder> on(LocalDate date, List<StaffOrder> orders) {
        StaffOrder current = null;
        for (StaffOrder order : orders.stream().sorted(ORDER).toList()) {
            if (changesOn(order).isAfter(date)) {
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
            if (changesOn(order).isAfter(date)) {
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
