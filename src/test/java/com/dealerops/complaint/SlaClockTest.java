package com.dealerops.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import com.dealerops.settings.ComplaintSettings;
import com.dealerops.settings.SettingsDefaults;
import com.dealerops.settings.WorkingCalendar;

/** The SLA clocks with the default settings and calendar (Monday to Friday, Asia/Shanghai), worked by hand. */
class SlaClockTest {

    private final ComplaintSettings settings = SettingsDefaults.all("测试", "Asia/Shanghai").complaints();
    private final WorkingCalendar calendar = new WorkingCalendar(SettingsDefaults.all("测试", "Asia/Shanghai")
            .general());

    @Test
    void deadlinesPerSeverityInHoursOrWorkingDays() {
        Instant friday = at("2026-11-27T16:30:00+08:00");
        // MEDIUM: 24 h to acknowledge, 5 working days to resolve: Mon 30 Nov .. Fri 4 Dec, same time of day
        SlaClock.Deadlines medium = SlaClock.deadlines(friday, SlaClock.slaFor(Severity.MEDIUM, settings), calendar);
        assertEquals(at("2026-11-28T16:30:00+08:00"), medium.acknowledgeBy());
        assertEquals(at("2026-12-04T16:30:00+08:00"), medium.resolveBy());
        // CRITICAL: 1 h and 24 h, weekend or not
        SlaClock.Deadlines critical = SlaClock.deadlines(friday, SlaClock.slaFor(Severity.CRITICAL, settings),
                calendar);
        assertEquals(at("2026-11-27T17:30:00+08:00"), critical.acknowledgeBy());
        assertEquals(at("2026-11-28T16:30:00+08:00"), critical.resolveBy());
        // received on a Saturday: the working days count from Monday's start of day
        SlaClock.Deadlines weekend = SlaClock.deadlines(at("2026-11-28T11:00:00+08:00"),
                SlaClock.slaFor(Severity.LOW, settings), calendar);
        assertEquals(at("2026-12-07T00:00:00+08:00"), weekend.resolveBy());
    }

    @Test
    void waitingForTheCustomerMovesTheResolutionDeadlineAndDecidesNothing() {
        Complaint complaint = new Complaint();
        complaint.acknowledgeDueAt = at("2026-11-28T10:00:00+08:00");
        complaint.resolveDueAt = at("2026-12-04T10:00:00+08:00");
        Instant before = at("2026-11-28T09:00:00+08:00");
        assertNull(SlaClock.acknowledgedOnTime(complaint, before));
        assertFalse(SlaClock.acknowledgedOnTime(complaint, at("2026-11-28T10:00:01+08:00")));
        complaint.acknowledgedAt = at("2026-11-28T10:00:00+08:00");
        assertTrue(SlaClock.acknowledgedOnTime(complaint, at("2026-12-01T00:00:00+08:00")), "exactly on time");

        // a closed pause of 2 days, and one going on for 1 day
        complaint.pausedSeconds = Duration.ofDays(2).toSeconds();
        complaint.pausedSince = at("2026-12-05T10:00:00+08:00");
        Instant now = at("2026-12-06T10:00:00+08:00");
        assertEquals(at("2026-12-07T10:00:00+08:00"), SlaClock.resolveBy(complaint, now));
        assertNull(SlaClock.resolvedOnTime(complaint, at("2026-12-08T10:00:00+08:00")), "a paused clock is undecided");
        complaint.pausedSeconds += Duration.ofDays(1).toSeconds();
        complaint.pausedSince = null;
        complaint.resolvedAt = at("2026-12-07T09:59:00+08:00");
        assertTrue(SlaClock.resolvedOnTime(complaint, now));
        complaint.resolvedAt = at("2026-12-07T10:01:00+08:00");
        assertFalse(SlaClock.resolvedOnTime(complaint, now));
    }

    private static Instant at(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }
}
