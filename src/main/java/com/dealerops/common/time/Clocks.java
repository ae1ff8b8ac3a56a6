package com.dealerops.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The one source of "now". Inject {@link Clock} instead of calling {@code Instant.now()}, so tests can move time.
 */
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    /** PostgreSQL keeps microseconds; truncating here keeps what we return equal to what we store. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** An instant as the API shows it: in the dealer's zone, with its offset; null stays null. */
    public static java.time.OffsetDateTime at(Instant instant, java.time.ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
