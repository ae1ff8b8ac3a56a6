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

import org.hibernate.annotations.Immutable;

/** Money received for an order or refunded, recorded by finance; never changed (a trigger refuses it). */
@Entity
@Immutable
@Table(name = "order_payment")
public class OrderPayment {

    @Id
    public UUID id;
    @Column(name = "dealer_id", nullable = false)
    public UUID dealerId;
    @Column(name = "order_id", nullable = false)
    public UUID orderId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentKind kind;
    @Column(nullable = false)
    public BigDecimal amount;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentMethod method;
    @Column(name = "payer_name", nullable = false)
    public String payerName;
    @Column(name = "payer_account")
    public String payerAccount;
    @Column(nullable = false)
    public String reference;
    @Column(name = "paid_at", nullable = false)
    public Instant paidAt;
    public String note;
    @Column(name = "recorded_by", nullable = false)
    public UUID recordedBy;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
