package com.dealerops.lead;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How hot a lead is (客户分级), from when the customer means to buy: H within 7 days, A within 15, B within 30,
 * C later or unknown. The date that counts is the latest of the timeframe (by when they will have bought), or its
 * earliest when that is all they said; a date already passed counts as now.
 */
public enum Grade {
    H, A, B, C;

    public static Grade of(LocalDate earliest, LocalDate latest, LocalDate today) {
        LocalDate by = latest != null ? latest : earliest;
        if (by == null) {
            return C;
        }
        long days = ChronoUnit.DAYS.between(today, by);
        if (days <= 7) {
            return H;
        }
        if (days <= 15) {
            return A;
        }
        return days <= 30 ? B : C;
    }
}
