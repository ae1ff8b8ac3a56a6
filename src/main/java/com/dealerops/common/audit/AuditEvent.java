package com.dealerops.common.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One change to one resource: who, when, what (field by field, old and new). Never updated. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    public UUID id;
    @Column(name = "dealer_id", nullable = false, updatable = false)
    public UUID dealerId;
    @Column(name = "resource_type", nullable = false, updatable = false)
    public String resourceType;
    @Column(name = "resource_id", nullable = false, updatable = false)
    public UUID resourceId;
    @Column(nullable = false, updatable = false)
    public String action;
    @Column(name = "actor_id", updatable = false)
    public UUID actorId;
    @Column(name = "actor_name", updatable = false)
    public String actorName;
    @Column(name = "request_id", updatable = false)
    public String requestId;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public Map<String, Map<String, Object>> changes;
}
