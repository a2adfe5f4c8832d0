package ru.spobridge.routes.delivery;

import java.util.List;

/** Told what became of delivered records, for reports that follow deliveries (the staff SLA). */
public interface DeliveryObserver {

    /** The target confirmed these records of the batch. */
    default void delivered(DeliveryBatch batch, List<String> entityKeys) {
    }

    /** These records of the batch were not delivered now (refused, dead letter, waiting), and why. */
    default void notDelivered(DeliveryBatch batch, List<String> entityKeys, String reason) {
    }
}
