package com.dealerops.followup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
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

import com.dealerops.settings.FollowUpChannel;

/** A follow-up visit or call (回访) due for a customer, and its result once recorded. */
@Entity
@Table(name = "follow_up")
public class FollowUp {

    @Id
    public UUID id;
    @Column(name = "dealer_id", nullable = false, updatable = false)
    public UUID dealerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public FollowUpKind kind;
    @Column(name = "customer_id", nullable = false, updatable = false)
    public UUID customerId;
    @Column(name = "lead_id", updatable = false)
    public UUID leadId;
    @Column(name = "delivery_id", updatable = false)
    public UUID deliveryId;
    @Column(name = "complaint_id", updatable = false)
    public UUID complaintId;
    @Column(name = "origin_id", updatable = false)
    public UUID originId;
    @Column(name = "plan_step", updatable = false)
    public Integer planStep;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FollowUpTeam team;
    @Column(name = "assignee_id")
    public UUID assigneeId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FollowUpChannel channel;
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
    @Column(nullable = false)
    public boolean survey;
    public String purpose;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FollowUpStatus status;
    @Column(name = "result_id")
    public UUID resultId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "recorded_by")
    public UUID recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "late_minutes")
    public Integer lateMinutes;
    public String outcome;
    public String notes;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Integer> answers;
    public Integer nps;
    @Column(name = "low_score")
    public Boolean lowScore;
    @Column(name = "resolution_accepted")
    public Boolean resolutionAccepted;
    @Column(name = "next_action")
    public String nextAction;
    public BigDecimal latitude;
    public BigDecimal longitude;
    public String address;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "rescheduled_to")
    public UUID rescheduledTo;
    @Column(name = "created_by", updatable = false)
    public UUID createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;
}
