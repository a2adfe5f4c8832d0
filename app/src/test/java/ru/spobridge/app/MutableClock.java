package ru.spobridge.app;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The hub's clock in tests: the system clock until a test sets a moment, so day boundaries can be crossed at will. */
public class MutableClock extends Clock {

    private volatile Instant fixed;

    public void set(Instant moment) {
        fixed = moment;
    }

    public void useSystem() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant moment = fixed;
        return moment == null ? Instant.now() : moment;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the hub converts to a college's zone itself");
    }
}
