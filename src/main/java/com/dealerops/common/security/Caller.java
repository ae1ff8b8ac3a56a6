package com.dealerops.common.security;

import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: one staff member of one dealer, with their roles. Every query is scoped by {@link #dealerId()}.
 */
public record Caller(UUID dealerId, UUID staffId, String subject, String name, Set<Role> roles, ZoneId zone) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        for (Role role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The staff id the service uses for a token subject: the subject itself when it is a UUID. */
    public static UUID staffIdFor(String subject) {
        try {
            UUID id = UUID.fromString(subject);
            if (id.toString().equalsIgnoreCase(subject)) {
                return id;
            }
        } catch (IllegalArgumentException notAUuid) {
            // derived below
        }
        return UUID.nameUUIDFromBytes(("staff:" + subject).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
