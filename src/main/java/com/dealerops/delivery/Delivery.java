package com.dealerops.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A delivery (交车) of an order's car: when and where, its inspections' verdict, and the hand-over. */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    public UUID id;
    @Column(name = "dealer_id", nullable = false, updatable = false)
    public UUID dealerId;
    @Column(name = "order_id", nullable = false, updatable = false)
    public UUID orderId;
    @Column(name = "customer_id", nullable = false, updatable = false)
    public UUID customerId;
    @Column(name = "vehicle_id", nullable = false, updatable = false)
    public UUID vehicleId;
    @Column(name = "salesperson_id", nullable = false)
    public UUID salespersonId;
    @Column(name = "scheduled_at", nullable = false)
    public Instant scheduledAt;
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;
    @Column(nullable = false)
    public String bay;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "pdi_status", nullable = false)
    public PdiStatus pdiStatus;
    @Column(name = "pdi_count", nullable = false)
    public int pdiCount;
    /** Stored as {"items": [...]}: Hibernate Reactive maps JSON columns to objects, not arrays. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Documents documents;
    @Column(name = "key_count")
    public Integer keyCount;
    @Enumerated(EnumType.STRING)
    @Column(name = "plate_kind")
    public PlateKind plateKind;
    @Column(name = "plate_number")
    public String plateNumber;
    @Column(name = "signature_ref")
    public String signatureRef;
    @Column(name = "handover_sha256")
    public String handoverSha256;
    @Column(name = "completed_by")
    public UUID completedBy;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    public UUID createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    public record Documents(List<HandedOverDocument> items) {
    }

    /** A document of the dealer's list as handed over (or not) at the hand-over. */
    public record HandedOverDocument(String code, boolean handedOver, String note) {
    }
}
