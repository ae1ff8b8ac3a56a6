package com.dealerops.common.concurrency;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.EntityTag;

import com.dealerops.common.error.Problem;
import com.dealerops.common.error.ProblemException;

/**
 * ETags are the resource's version in quotes ({@code "3"}). Writes name the version they were based on in
 * If-Match; reads answer 304 to an If-None-Match that still matches.
 */
public final class EntityTags {

    public static final String IF_MATCH = "If-Match";
    public static final String IF_NONE_MATCH = "If-None-Match";

    private EntityTags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version a write is based on; 428 without If-Match, 400 when it is not an entity tag. */
    public static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "Send If-Match with the ETag you last read, so that concurrent changes are not overwritten");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            throw stale(); // a weak tag never matches for a write (RFC 9110 13.1.1)
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProblemException(400, "validation-failed", "Validation failed",
                "If-Match: must be an ETag such as \"3\"",
                List.of(new Problem.FieldError(IF_MATCH, "must be an ETag such as \"3\"")), Map.of(), Map.of());
    }

    /** The version an action is based on when If-Match is optional: null without it, else as {@link #requiredVersion}. */
    public static Long optionalVersion(String ifMatch) {
        return ifMatch == null ? null : requiredVersion(ifMatch);
    }

    public static void ensureCurrent(long expected, long current) {
        if (expected != current) {
            throw stale();
        }
    }

    /** True when the client's copy is current (If-None-Match lists this version, or is {@code *}). */
    public static boolean notModified(String ifNoneMatch, long version) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String current = Long.toString(version);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (tag.equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException stale() {
        return new ProblemException(412, "stale-version", "Precondition failed",
                "The resource was changed by someone else; fetch it again and reapply your change");
    }
}
