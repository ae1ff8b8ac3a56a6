package com.dealerops.testdrive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;

/** A booked test drive (试乘试驾) of a demo car with a salesperson. */
@Entity
@Table(name = "test_drive")
public class TestDrive {

    @Id
    public UUID id;
    @Column(name = "dealer_id", nullable = false, updatable = false)
    public UUID dealerId;
    @Column(name = "lead_id", updatable = false)
    public UUID leadId;
    @Column(name = "customer_id", nullable = false, updatable = false)
    public UUID customerId;
    @Column(name = "vehicle_id", nullable = false, updatable = false)
    public UUID vehicleId;
    @Column(name = "salesperson_id", nullable = false, updatable = false)
    public UUID salespersonId;
    @Column(name = "starts_at", nullable = false, updatable = false)
    public Instant startsAt;
    @Column(name = "ends_at", nullable = false, updatable = false)
    public Instant endsAt;
    /** tstzrange text, e.g. ["2026-11-28 02:00:00+00","2026-11-28 03:00:00+00") */
    @Column(name = "salesperson_slot", nullable = false, updatable = false)
    @ColumnTransformer(read = "salesperson_slot::text", write = "?::tstzrange")
    public String salespersonSlot;
    @Column(name = "vehicle_slot", nullable = false, updatable = false)
    @ColumnTransformer(read = "vehicle_slot::text", write = "?::tstzrange")
    public String vehicleSlot;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TestDriveStatus status;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "licence_number")
    public String licenceNumber;
    @Column(name = "licence_expires_on")
    public LocalDate licenceExpiresOn;
    @Column(name = "licence_photo_ref")
    public String licencePhotoRef;
    @Column(name = "waiver_ref")
    public String waiverRef;
    @Column(name = "waiver_sha256")
    public String waiverSha256;
    @Column(name = "odometer_out")
    public Integer odometerOut;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "odometer_in")
    public Integer odometerIn;
    @Column(name = "fuel_level_percent")
    public Integer fuelLevelPercent;
    @Column(name = "damage_notes")
    public String damageNotes;
    public Integer rating;
    public String feedback;
    @Enumerated(EnumType.STRING)
    @Column(name = "purchase_intent")
    public PurchaseIntent purchaseIntent;
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
}
