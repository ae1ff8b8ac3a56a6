package com.dealerops.settings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Settings rows (JSON per section), read with their dealer in one statement. */
@ApplicationScoped
@WithSession
public class SettingsRepository {

    /** The dealer's name and zone, and each stored section (section null when none is stored yet). */
    record Stored(String dealerName, String timeZone, String section, String json, Long version) {
    }

    Uni<List<Stored>> load(UUID dealerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT d.name, d.time_zone, s.section, CAST(s.settings AS text), s.version
                FROM dealer d LEFT JOIN dealer_settings s ON s.dealer_id = d.id
                WHERE d.id = :dealerId""", Object[].class)
                .setParameter("dealerId", dealerId)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new Stored((String) row[0], (String) row[1], (String) row[2],
                        (String) row[3], row[4] == null ? null : ((Number) row[4]).longValue())).toList()));
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
