package com.dealerops.lead;

import java.time.Instant;
import java.time.LocalDate;
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

import com.dealerops.customer.Source;

/** One customer's interest in buying (销售线索), from intake to won or lost. */
@Entity
@Table(name = "lead")
public class Lead {

    @Id
    public UUID id;
    @Column(name = "dealer_id", nullable = false, updatable = false)
    public UUID dealerId;
    @Column(name = "customer_id", nullable = false, updatable = false)
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadStatus status;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Source source;
    @Column(updatable = false)
    public String provider;
    @Column(name = "provider_lead_id", updatable = false)
    public String providerLeadId;
    /** A JSON object around the list: Hibernate Reactive reads JSON columns as objects, not arrays. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Interests interests = new Interests(List.of());
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "trade_in")
    public TradeIn tradeIn;
    @Column(name = "timeframe_earliest")
    public LocalDate timeframeEarliest;
    @Column(name = "timeframe_latest")
    public LocalDate timeframeLatest;
    @Enumerated(EnumType.STRING)
    @Column(name = "computed_grade", nullable = false)
    public Grade computedGrade;
    @Enumerated(EnumType.STRING)
    @Column(name = "grade_override")
    public Grade gradeOverride;
    @Column(name = "grade_override_reason")
    public String gradeOverrideReason;
    /** The effective grade (the override, else the computed one): stored so lists can filter and sort on it. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Grade grade;
    @Column(name = "assignee_id")
    public UUID assigneeId;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @Column(name = "next_follow_up_at", nullable = false)
    public Instant nextFollowUpAt;
    @Column(name = "response_due_at", nullable = false)
    public Instant responseDueAt;
    @Column(name = "first_contact_at")
    public Instant firstContactAt;
    @Column(name = "first_response_seconds")
    public Long firstResponseSeconds;
    @Column(name = "response_missed_at")
    public Instant responseMissedAt;
    @Column(name = "lost_reason")
    public String lostReason;
    public String comments;
    @Column(name = "requested_at", updatable = false)
    public Instant requestedAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    public UUID createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    public record Interests(List<VehicleInterest> items) {
        public Interests {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    void setGrade(Grade computed, Grade override, String overrideReason) {
        computedGrade = computed;
        gradeOverride = override;
        gradeOverrideReason = override == null ? null : overrideReason;
        grade = override != null ? override : computed;
    }
}
