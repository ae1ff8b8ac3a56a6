package com.dealerops.complaint;

import java.time.Duration;
import java.time.Instant;

import com.dealerops.settings.ComplaintSettings;
import com.dealerops.settings.WorkingCalendar;

/**
 * The SLA clocks of a complaint (及时): the deadlines fixed when it is received, from the dealer's settings for its
 * severity, and whether they were met. Waiting for the customer stops the resolution clock: every pause moves the
 * resolution deadline by its length, a pause still going on included.
 */
final class SlaClock {

    record Deadlines(Instant acknowledgeBy, Instant resolveBy) {
    }

    private SlaClock() {
    }

    static ComplaintSettings.Sla slaFor(Severity severity, ComplaintSettings settings) {
        return switch (severity) {
            case LOW -> settings.low();
            case MEDIUM -> settings.medium();
            case HIGH -> settings.high();
            case CRITICAL -> settings.critical();
        };
    }

    /** Acknowledge within hours; resolve within hours, or within working days of the dealer's calendar. */
    static Deadlines deadlines(Instant received, ComplaintSettings.Sla sla, WorkingCalendar calendar) {
        Instant acknowledgeBy = received.plus(Duration.ofHours(sla.acknowledgeHours()));
        Instant resolveBy = sla.resolveHours() != null ? received.plus(Duration.ofHours(sla.resolveHours()))
                : calendar.plusWorkingDays(received, sla.resolveWorkingDays());
        return new Deadlines(acknowledgeBy, resolveBy);
    }

    static long pausedSeconds(Complaint complaint, Instant now) {
        return complaint.pausedSeconds + (complaint.pausedSince == null ? 0
                : Math.max(0, Duration.between(complaint.pausedSince, now).getSeconds()));
    }

    static Instant resolveBy(Complaint complaint, Instant now) {
        return complaint.resolveDueAt.plusSeconds(pausedSeconds(complaint, now));
    }

    /** True or false once decided (acknowledged, or the deadline passed); null while still running. */
    static Boolean acknowledgedOnTime(Complaint complaint, Instant now) {
        if (complaint.acknowledgedAt != null) {
            return !complaint.acknowledgedAt.isAfter(complaint.acknowledgeDueAt);
        }
        return now.isAfter(complaint.acknowledgeDueAt) ? Boolean.FALSE : null;
    }

    static Boolean resolvedOnTime(Complaint complaint, Instant now) {
        Instant due = resolveBy(complaint, now);
        if (complaint.resolvedAt != null) {
            return !complaint.resolvedAt.isAfter(due);
        }
        if (complaint.pausedSince != null) {
            // missed before the wait began stays missed; otherwise the clock stands
            return complaint.pausedSince.isAfter(complaint.resolveDueAt.plusSeconds(complaint.pausedSeconds))
                    ? Boolean.FALSE : null;
        }
        return now.isAfter(due) ? Boolean.FALSE : null;
    }
}
