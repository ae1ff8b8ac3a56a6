package com.dealerops.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    /** October 2026 in China: National Day week off (1-7 Oct), Saturday 10 Oct a make-up working day (调休). */
    private final WorkingCalendar shanghai = new WorkingCalendar(new GeneralSettings("店", "Asia/Shanghai", "CNY",
            List.of(new GeneralSettings.OpeningHours(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(17, 0))),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            List.of(new GeneralSettings.Holiday(LocalDate.of(2026, 10, 1), "国庆节"),
                    new GeneralSettings.Holiday(LocalDate.of(2026, 10, 2), "国庆节"),
                    new GeneralSettings.Holiday(LocalDate.of(2026, 10, 5), "国庆节"),
                    new GeneralSettings.Holiday(LocalDate.of(2026, 10, 6), "国庆节"),
                    new GeneralSettings.Holiday(LocalDate.of(2026, 10, 7), "国庆节")),
            List.of(LocalDate.of(2026, 10, 10))));

    @Test
    void holidaysAreNotWorkingDaysAndMakeUpDaysAre() {
        assertFalse(shanghai.isWorkingDay(LocalDate.of(2026, 10, 1)));
        assertFalse(shanghai.isWorkingDay(LocalDate.of(2026, 10, 3))); // Saturday
        assertTrue(shanghai.isWorkingDay(LocalDate.of(2026, 10, 8)));
        assertTrue(shanghai.isWorkingDay(LocalDate.of(2026, 10, 10))); // Saturday, make-up day
    }

    @Test
    void workingDayDeadlinesSkipWeekendsAndHolidays() {
        // Wednesday 30 Sept 2026, 10:00 in Shanghai (02:00 UTC)
        Instant received = Instant.parse("2026-09-30T02:00:00Z");
        // 1 Oct-7 Oct off, 8 Oct (Thu) is day 1, 9 Oct day 2, 10 Oct (make-up Saturday) day 3, 12 Oct day 4, 13 day 5
        assertEquals(Instant.parse("2026-10-13T02:00:00Z"), shanghai.plusWorkingDays(received, 5));
        // received on a holiday: counting starts from the next working day's start
        assertEquals(Instant.parse("2026-10-08T16:00:00Z"), shanghai.plusWorkingDays(
                Instant.parse("2026-10-02T04:00:00Z"), 1)); // 9 Oct 00:00 in Shanghai
    }

    @Test
    void theDateAndOpeningHoursAreThoseOfTheDealersZone() {
        Instant instant = Instant.parse("2026-10-09T23:30:00Z"); // Friday night UTC, Saturday 07:30 in Shanghai
        assertEquals(LocalDate.of(2026, 10, 10), shanghai.dateOf(instant));
        assertFalse(shanghai.isOpen(instant));
        assertTrue(shanghai.isOpen(Instant.parse("2026-10-10T01:00:00Z"))); // 09:00 Saturday
        WorkingCalendar losAngeles = new WorkingCalendar(new GeneralSettings("店", "America/Los_Angeles", "USD",
                List.of(), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(), List.of()));
        assertEquals(LocalDate.of(2026, 10, 9), losAngeles.dateOf(instant));
        assertTrue(losAngeles.isWorkingDay(losAngeles.dateOf(instant)));
    }
}
