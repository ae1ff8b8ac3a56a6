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

    /**
     * A time a client sent, as stored (microseconds); 400 naming the field outside the years 1900 to 9999, which
     * no appointment or record of a dealership needs and PostgreSQL may not store.
     */
    public static Instant input(String field, java.time.OffsetDateTime time) {
        if (time.getYear() < 1900 || time.getYear() > 9999) {
            throw com.dealerops.common.error.ProblemException.invalid(field, "must be between the years 1900 and 9999");
        }
        return time.toInstant().truncatedTo(ChronoUnit.MICROS);
    }

    /** An instant as the API shows it: in the dealer's zone, with its offset; null stays null. */
    public static java.time.OffsetDateTime at(Instant instant, java.time.ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
