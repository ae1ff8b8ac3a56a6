package com.dealerops.lead;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A call, message, visit or note on a lead; written once, never changed. */
@Entity
@Table(name = "lead_activity")
public class LeadActivity {

    @Id
    public UUID id;
    @Column(name = "dealer_id", nullable = false, updatable = false)
    public UUID dealerId;
    @Column(name = "lead_id", nullable = false, updatable = false)
    public UUID leadId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ActivityKind kind;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public ActivityChannel channel;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public ActivityOutcome outcome;
    @Column(updatable = false)
    public String notes;
    /** For INTEREST: what the duplicate intake asked for. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public Map<String, Object> details;
    @Column(name = "staff_id", nullable = false, updatable = false)
    public UUID staffId;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;
    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
