package com.dealerops.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Makes a staff member (and their dealer) known to the service from their first valid token, so that
 * assignments can name them. One statement on first sight; afterwards a cache answers, and the row is refreshed
 * (name, roles, last seen) when the cache entry expires or the token says something new.
 */
@ApplicationScoped
public class StaffRegistry {

    private static final String REGISTER = """
            WITH new_dealer AS (
                INSERT INTO dealer (id, name) VALUES ($1, $2)
                ON CONFLICT (id) DO NOTHING
                RETURNING time_zone
            ), seen AS (
                INSERT INTO staff (dealer_id, id, subject, name, roles, department, first_seen_at, last_seen_at)
                VALUES ($1, $3, $4, $5, $6, $8, $7, $7)
                ON CONFLICT (dealer_id, id) DO UPDATE SET
                    name = excluded.name,
                    roles = excluded.roles,
                    first_seen_at = coalesce(staff.first_seen_at, excluded.first_seen_at),
                    last_seen_at = excluded.last_seen_at,
                    updated_at = CASE WHEN staff.name <> excluded.name OR staff.roles <> excluded.roles
                                      THEN excluded.last_seen_at ELSE staff.updated_at END,
                    version = staff.version + CASE WHEN staff.name <> excluded.name
                                                     OR staff.roles <> excluded.roles THEN 1 ELSE 0 END
                -- a known staff member is written only when the token says something new, or hourly for
                -- last_seen_at: authenticating is not a write
                WHERE staff.name <> excluded.name OR staff.roles <> excluded.roles OR staff.first_seen_at IS NULL
                   OR staff.last_seen_at < excluded.last_seen_at - interval '1 hour'
                RETURNING active
            )
            SELECT coalesce((SELECT time_zone FROM new_dealer), (SELECT time_zone FROM dealer WHERE id = $1))
                   AS time_zone,
                   coalesce((SELECT active FROM seen), (SELECT active FROM staff WHERE dealer_id = $1 AND id = $3))
                   AS active
            """;

    private final Pool pool;
    private final Clock clock;
    /** What the service knows of a caller: their dealer's time zone, and whether the directory lets them in. */
    public record Registration(ZoneId zone, boolean active) {
    }

    private final Cache<Key, Registration> known = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    public StaffRegistry(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    private record Key(UUID dealerId, UUID staffId, String name, java.util.Set<Role> roles) {
    }

    /** Records the caller if needed, and tells the dealer's time zone and whether the caller is active. */
    public Uni<Registration> register(UUID dealerId, String dealerName, UUID staffId, String subject, String name,
            java.util.Set<Role> roles) {
        Key key = new Key(dealerId, staffId, name, roles);
        Registration cached = known.getIfPresent(key);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        String[] roleClaims = roles.stream().map(Role::claimValue).sorted().toArray(String[]::new);
        Tuple params = Tuple.tuple()
                .addUUID(dealerId)
                .addString(dealerName)
                .addUUID(staffId)
                .addString(subject)
                .addString(name)
                .addArrayOfString(roleClaims)
                .addOffsetDateTime(clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .addString(Department.fromRoles(roles).name());
        // two first requests of one staff member (or dealer) at once: the second statement waits for the first
        // insert, changes nothing, and its snapshot predates that insert, so it sees no row; asked again, it does
        return registerOnce(params).onItem().ifNull().switchTo(() -> registerOnce(params))
                .onItem().ifNull().failWith(() -> new IllegalStateException("staff " + staffId + " not registered"))
                .invoke(registration -> known.put(key, registration));
    }

    private Uni<Registration> registerOnce(Tuple params) {
        return pool.preparedQuery(REGISTER).execute(params).map(rows -> {
            Row row = rows.iterator().next();
            Boolean active = row.getBoolean("active");
            String zone = row.getString("time_zone");
            return active == null || zone == null ? null : new Registration(ZoneId.of(zone), active);
        });
    }

    /**
     * Forget what is cached for a dealer (its time zone changed) or for one staff member (deactivated). Other
     * instances notice within the cache's 10 minutes.
     */
    public void forgetDealer(UUID dealerId) {
        known.asMap().keySet().removeIf(key -> key.dealerId().equals(dealerId));
    }

    public void forgetStaff(UUID dealerId, UUID staffId) {
        known.asMap().keySet().removeIf(key -> key.dealerId().equals(dealerId) && key.staffId().equals(staffId));
    }
}
