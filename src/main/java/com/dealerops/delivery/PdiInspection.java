package com.dealerops.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One pre-delivery inspection of a delivery; a re-inspection is the next number, never an edit. */
@Entity
@Immutable
@Table(name = "pdi_inspection")
public class PdiInspection {

    @Id
    public UUID id;
    @Column(name = "dealer_id", nullable = false)
    public UUID dealerId;
    @Column(name = "delivery_id", nullable = false)
    public UUID deliveryId;
    @Column(nullable = false)
    public int number;
    /** Stored as {"items": [...]}: Hibernate Reactive maps JSON columns to objects, not arrays. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "items", nullable = false)
    public Results results;
    @Column(nullable = false)
    public boolean passed;
    public String notes;
    @Column(name = "performed_by", nullable = false)
    public UUID performedBy;
    @Column(name = "performed_at", nullable = false)
    public Instant performedAt;

    public record Results(List<Item> items) {
    }

    /** One checklist item's result, stored as the inspector gave it. */
    public record Item(String code, PdiResult result, String note, String photoRef) {
    }
}
