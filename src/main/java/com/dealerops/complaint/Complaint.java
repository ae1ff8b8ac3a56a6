package com.dealerops.complaint;

import java.math.BigDecimal;
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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A customer's complaint (投诉), its SLA clocks, escalation, investigation and resolution. */
@Entity
@Table(name = "complaint")
public class Complaint {

    @Id
    public UUID id;
    @Column(name = "dealer_id", nullable = false, updatable = false)
    public UUID dealerId;
    @Column(name = "customer_id", nullable = false, updatable = false)
    public UUID customerId;
    @Column(name = "order_id", updatable = false)
    public UUID orderId;
    @Column(name = "delivery_id", updatable = false)
    public UUID deliveryId;
    @Column(name = "vehicle_id", updatable = false)
    public UUID vehicleId;
    @Column(name = "lead_id", updatable = false)
    public UUID leadId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintCategory category;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;
    @Column(name = "safety_issue", nullable = false)
    public boolean safetyIssue;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ComplaintChannel channel;
    @Column(nullable = false, updatable = false)
    public String description;
    @Column(name = "desired_outcome", updatable = false)
    public String desiredOutcome;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "staff_involved", nullable = false, updatable = false)
    public UUID[] staffInvolved;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, updatable = false)
    public String[] attachments;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintStatus status;
    @Column(name = "handler_id")
    public UUID handlerId;
    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;
    @Column(name = "acknowledge_due_at", nullable = false, updatable = false)
    public Instant acknowledgeDueAt;
    @Column(name = "resolve_due_at", nullable = false, updatable = false)
    public Instant resolveDueAt;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "paused_seconds", nullable = false)
    public long pausedSeconds;
    @Column(name = "paused_since")
    public Instant pausedSince;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "second_escalation_hours", nullable = false, updatable = false)
    public int secondEscalationHours;
    @Column(name = "escalation_level", nullable = false)
    public int escalationLevel;
    @Column(name = "escalation_paused_seconds", nullable = false)
    public long escalationPausedSeconds;
    @Column(name = "escalated_at")
    public Instant escalatedAt;
    @Column(name = "escalated_to")
    public UUID escalatedTo;
    @Column(name = "investigation_notes")
    public String investigationNotes;
    @Enumerated(EnumType.STRING)
    @Column(name = "root_cause_category")
    public RootCause rootCauseCategory;
    @Column(name = "root_cause")
    public String rootCause;
    @Column(name = "actions_taken")
    public String actionsTaken;
    @Column(nullable = false, updatable = false)
    public String currency;
    @Enumerated(EnumType.STRING)
    @Column(name = "compensation_kind")
    public CompensationKind compensationKind;
    @Column(name = "compensation_amount")
    public BigDecimal compensationAmount;
    @Column(name = "compensation_description")
    public String compensationDescription;
    @Column(name = "compensation_limit")
    public BigDecimal compensationLimit;
    @Column(name = "approved_amount")
    public BigDecimal approvedAmount;
    @Column(name = "approved_by")
    public UUID approvedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "corrective_action")
    public String correctiveAction;
    @Column(name = "corrective_owner_id")
    public UUID correctiveOwnerId;
    @Column(name = "corrective_due_on")
    public LocalDate correctiveDueOn;
    @Column(name = "reopened_count", nullable = false)
    public int reopenedCount;
    @Column(name = "created_by", nullable = false, updatable = false)
    public UUID createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    boolean names(UUID staffId) {
        for (UUID involved : staffInvolved) {
            if (involved.equals(staffId)) {
                return true;
            }
        }
        return false;
    }

    boolean isOpen() {
        return status != ComplaintStatus.RESOLVED && status != ComplaintStatus.CLOSED;
    }
}
