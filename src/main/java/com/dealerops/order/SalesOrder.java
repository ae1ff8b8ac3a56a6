package com.dealerops.order;

import java.math.BigDecimal;
import java.time.Instant;
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

import com.dealerops.quote.PricedQuote;

/** An order (订单) made from an accepted quote, with the quote's final figures and what has been paid. */
@Entity
@Table(name = "sales_order")
public class SalesOrder {

    @Id
    public UUID id;
    @Column(name = "dealer_id", nullable = false, updatable = false)
    public UUID dealerId;
    @Column(name = "quote_id", nullable = false, updatable = false)
    public UUID quoteId;
    @Column(name = "quote_revision", nullable = false, updatable = false)
    public int quoteRevision;
    @Column(name = "lead_id", nullable = false, updatable = false)
    public UUID leadId;
    @Column(name = "customer_id", nullable = false, updatable = false)
    public UUID customerId;
    @Column(name = "salesperson_id", nullable = false, updatable = false)
    public UUID salespersonId;
    @Column(name = "vehicle_id", updatable = false)
    public UUID vehicleId;
    @Column(nullable = false, updatable = false)
    public String currency;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public PricedQuote content;
    @Column(nullable = false, updatable = false)
    public BigDecimal total;
    @Column(nullable = false)
    public BigDecimal paid;
    @Column(updatable = false)
    public BigDecimal cost;
    @Column(name = "gross_margin", updatable = false)
    public BigDecimal grossMargin;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "retained_amount")
    public BigDecimal retainedAmount;
    @Column(name = "cancelled_by")
    public UUID cancelledBy;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    public UUID createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;
}
