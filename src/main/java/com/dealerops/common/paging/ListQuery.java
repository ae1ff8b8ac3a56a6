package com.dealerops.common.paging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.dealerops.common.error.ProblemException;

/**
 * The query parameters every list shares, parsed here (not by JAX-RS) so that a malformed value is a 400 naming
 * the parameter rather than the 404 the JAX-RS specification prescribes for unconvertible query parameters.
 */
public record ListQuery(int limit, String cursor, String sort, Instant updatedSince) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static ListQuery of(String limit, String cursor, String sort, String updatedSince) {
        return new ListQuery(limit(limit), cursor, sort, timestamp("updatedSince", updatedSince));
    }

    public static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    public static Instant timestamp(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return com.dealerops.common.time.Clocks.input(name, OffsetDateTime.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an RFC 3339 timestamp with offset, "
                    + "e.g. 2026-11-28T09:30:00+08:00");
        }
    }

    /** An optional day (YYYY-MM-DD): null when absent, 400 naming the parameter when it is not a date. */
    public static java.time.LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            java.time.LocalDate day = java.time.LocalDate.parse(value.trim());
            if (day.getYear() < 1900 || day.getYear() > 9999) {
                throw ProblemException.invalid(name, "must be between the years 1900 and 9999");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date, YYYY-MM-DD");
        }
    }

    /** An optional true/false filter: the fallback when absent, 400 naming the parameter otherwise. */
    public static Boolean bool(String name, String value, Boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }

    /** An optional id filter: null when absent, 400 naming the parameter when it is not a UUID. */
    public static java.util.UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }

    /** An optional staff filter: 'me' is the caller, anything else a staff id. */
    public static java.util.UUID staff(String name, String value, java.util.UUID me) {
        if (value != null && value.trim().equals("me")) {
            return me;
        }
        try {
            return uuid(name, value);
        } catch (ProblemException e) {
            throw ProblemException.invalid(name, "must be 'me' or a staff id");
        }
    }

    /**
     * A filter that takes several values of an enum, repeated ({@code ?status=A&status=B}) or comma-separated
     * ({@code ?status=A,B}); empty when absent, 400 naming the parameter for an unknown value.
     */
    public static <E extends Enum<E>> java.util.List<E> enums(String name, java.util.List<String> raw, Class<E> type) {
        java.util.List<E> values = new java.util.ArrayList<>();
        if (raw == null) {
            return values;
        }
        for (String part : raw) {
            for (String value : part.split(",")) {
                if (value.isBlank()) {
                    continue;
                }
                try {
                    E parsed = Enum.valueOf(type, value.trim());
                    if (!values.contains(parsed)) {
                        values.add(parsed);
                    }
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid(name, "must be one of "
                            + java.util.Arrays.toString(type.getEnumConstants()));
                }
            }
        }
        return values;
    }
}
