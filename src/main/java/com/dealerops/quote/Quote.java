package com.dealerops.quote;

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

/** A quote (报价) for a lead: its current revision, priced by the server, and where it stands. */
@Entity
@Table(name = "quote")
public class Quote {

    @Id
    public UUID id;
    @Column(name = "dealer_id", nullable = false, updatable = false)
    public UUID dealerId;
    @Column(name = "lead_id", nullable = false, updatable = false)
    public UUID leadId;
    @Column(name = "customer_id", nullable = false, updatable = false)
    public UUID customerId;
    @Column(name = "salesperson_id", nullable = false, updatable = false)
    public UUID salespersonId;
    @Column(name = "created_by", nullable = false, updatable = false)
    public UUID createdBy;
    @Column(name = "priced_by", nullable = false)
    public UUID pricedBy;
    @Column(nullable = false)
    public int revision;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public QuoteStatus status;
    @Column(name = "vehicle_id")
    public UUID vehicleId;
    @Column(nullable = false)
    public String currency;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public PricedQuote content;
    @Column(name = "list_price", nullable = false)
    public BigDecimal listPrice;
    @Column(nullable = false)
    public BigDecimal subtotal;
    @Column(name = "discount_amount", nullable = false)
    public BigDecimal discountAmount;
    @Column(name = "trade_in_allowance", nullable = false)
    public BigDecimal tradeInAllowance;
    @Column(nullable = false)
    public BigDecimal fees;
    @Column(nullable = false)
    public BigDecimal total;
    @Column(name = "net_vehicle_price", nullable = false)
    public BigDecimal netVehiclePrice;
    public BigDecimal cost;
    @Column(name = "gross_margin")
    public BigDecimal grossMargin;
    @Column(name = "discount_limit_percent", nullable = false)
    public BigDecimal discountLimitPercent;
    @Column(name = "minimum_margin_percent", nullable = false)
    public BigDecimal minimumMarginPercent;
    @Column(name = "approval_required", nullable = false)
    public boolean approvalRequired;
    @Enumerated(EnumType.STRING)
    public Decision decision;
    @Column(name = "decided_by")
    public UUID decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Column(name = "rejection_reason")
    public String rejectionReason;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    public enum Decision {
        APPROVED, REJECTED
    }

    /** A SENT quote past its validity is EXPIRED even before the scheduler has written so. */
    public QuoteStatus statusAt(Instant now) {
        return status == QuoteStatus.SENT && expiresAt != null && !now.isBefore(expiresAt) ? QuoteStatus.EXPIRED
                : status;
    }
}
