package com.dealerops.settings;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A dealer's days and hours, in its own time zone: which days are working days (for SLAs counted in working
 * days), when the showroom is open (for bookings), and deadlines that count only working days.
 */
public final class WorkingCalendar {

    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> extraWorkingDays;
    private final Map<DayOfWeek, GeneralSettings.OpeningHours> openingHours = new EnumMap<>(DayOfWeek.class);

    public WorkingCalendar(GeneralSettings general) {
        this.zone = ZoneId.of(general.timeZone());
        this.workingDays = Set.copyOf(general.workingDays());
        general.holidays().forEach(holiday -> holidays.add(holiday.date()));
        this.extraWorkingDays = Set.copyOf(general.extraWorkingDays());
        general.openingHours().forEach(hours -> openingHours.put(hours.day(), hours));
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public boolean isWorkingDay(LocalDate date) {
        if (holidays.contains(date)) {
            return false;
        }
        return workingDays.contains(date.getDayOfWeek()) || extraWorkingDays.contains(date);
    }

    /** Whether the showroom is open at this instant (holidays included: a showroom opens on holidays too). */
    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        GeneralSettings.OpeningHours hours = openingHours.get(local.getDayOfWeek());
        if (hours == null) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return !time.isBefore(hours.opens()) && time.isBefore(hours.closes());
    }

    /**
     * The instant {@code days} working days after {@code start}: the same local time on the n-th following
     * working day (a start on a non-working day counts from the next working day's start of day).
     */
    public Instant plusWorkingDays(Instant start, int days) {
        ZonedDateTime at = start.atZone(zone);
        if (!isWorkingDay(at.toLocalDate())) {
            LocalDate next = at.toLocalDate().plusDays(1);
            while (!isWorkingDay(next)) {
                next = next.plusDays(1);
            }
            at = next.atStartOfDay(zone);
        }
        LocalDate date = at.toLocalDate();
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return ZonedDateTime.of(date, at.toLocalTime(), zone).toInstant();
    }
}
