package ru.spobridge.routes.store;

/**
 * Why records are made due again, i.e. published by the next publish of their flow. Every reason goes through
 * {@link DeliveryLedger#makeDue}; the reasons differ only in what the hub forgets.
 */
public enum DueReason {
    /** Not delivered now (a dead letter, or waiting for a record it depends on): send the current version again. */
    RETRY(false),
    /** An operator replays dead letters: send again, even a version the platform refused before. */
    REPLAY(false),
    /** The platform lacks a record the hub believed delivered (reconciliation repair, data lost at the platform): send it as new. */
    REPAIR(true),
    /** Reconciliation found the platform's copy different: send the hub's version as new. */
    RECONCILIATION(true);

    private final boolean forgetsDelivery;

    DueReason(boolean forgetsDelivery) {
        this.forgetsDelivery = forgetsDelivery;
    }

    /** True when the hub forgets what it believed delivered, so that the record goes as a create. */
    public boolean forgetsDelivery() {
        return forgetsDelivery;
    }
}
