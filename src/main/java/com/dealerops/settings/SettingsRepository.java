package com.dealerops.settings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Settings rows (JSON per section), read with their dealer in one statement. */
@ApplicationScoped
@WithSession
public class SettingsRepository {

    private final Pool pool;

    public SettingsRepository(Pool pool) {
        this.pool = pool;
    }

    /** The dealer's name and zone, and each stored section (section null when none is stored yet). */
    record Stored(String dealerName, String timeZone, String section, String json, Long version) {
    }

    /**
     * On the SQL client, not the Hibernate session: a read needs no persistence context, and writes are guarded by
     * their version, not by reading in the same transaction.
     */
    Uni<List<Stored>> load(UUID dealerId) {
        return pool.preparedQuery("""
                SELECT d.name, d.time_zone, s.section, CAST(s.settings AS text), s.version
                FROM dealer d LEFT JOIN dealer_settings s ON s.dealer_id = d.id
                WHERE d.id = $1""")
                .execute(Tuple.of(dealerId))
                .map(rows -> {
                    List<Stored> stored = new java.util.ArrayList<>();
                    for (Row row : rows) {
                        stored.add(new Stored(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                                row.getLong(4)));
                    }
                    return stored;
                });
    }

    /** Stores a section that was never stored; 0 when someone else stored it first. */
    Uni<Integer> insert(UUID dealerId, SettingsSection section, String json, Instant now, UUID staffId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO dealer_settings (dealer_id, section, settings, version, updated_at, updated_by)
                VALUES (:dealerId, :section, CAST(CAST(:json AS text) AS jsonb), 1, :now, :staffId)
                ON CONFLICT (dealer_id, section) DO NOTHING""")
                .setParameter("dealerId", dealerId)
                .setParameter("section", section.path())
                .setParameter("json", json)
                .setParameter("now", now)
                .setParameter("staffId", staffId)
                .executeUpdate());
    }

    /** Replaces a stored section if it is still at {@code expectedVersion}; 0 when it is not. */
    Uni<Integer> update(UUID dealerId, SettingsSection section, String json, long expectedVersion, Instant now,
            UUID staffId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                UPDATE dealer_settings SET settings = CAST(CAST(:json AS text) AS jsonb), version = version + 1,
                    updated_at = :now, updated_by = :staffId
                WHERE dealer_id = :dealerId AND section = :section AND version = :expected""")
                .setParameter("dealerId", dealerId)
                .setParameter("section", section.path())
                .setParameter("json", json)
                .setParameter("expected", expectedVersion)
                .setParameter("now", now)
                .setParameter("staffId", staffId)
                .executeUpdate());
    }

    /** The general section's name and zone also live on the dealer row, where every request reads them. */
    Uni<Integer> updateDealer(UUID dealerId, String name, String timeZone) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "UPDATE dealer SET name = :name, time_zone = :timeZone WHERE id = :dealerId")
                .setParameter("name", name)
                .setParameter("timeZone", timeZone)
                .setParameter("dealerId", dealerId)
                .executeUpdate());
    }
}
