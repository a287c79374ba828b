package org.leveling.promotion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The tests' clock: real time in whole microseconds, as the service's own, moved forward by a test
 * that needs a deadline to pass (always moved back in a finally block). Replaces the default clock
 * bean because that one is a {@code @DefaultBean}.
 */
@ApplicationScoped
public class ShiftableClock extends Clock {

    private static final AtomicReference<Duration> SHIFT = new AtomicReference<>(Duration.ZERO);
    private static final Clock BASE = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    /** Runs {@code action} with the clock moved forward by {@code shift}. */
    public static void shifted(Duration shift, Runnable action) {
        SHIFT.set(shift);
        try {
            action.run();
        } finally {
            SHIFT.set(Duration.ZERO);
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(BASE, SHIFT.get()).withZone(zone);
    }

    @Override
    public Instant instant() {
        return BASE.instant().plus(SHIFT.get());
    }
}
