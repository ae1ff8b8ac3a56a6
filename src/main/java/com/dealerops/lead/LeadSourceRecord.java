package com.dealerops.lead;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What a third party sent for a lead, as sent, with the fields that mapped to nothing. Written once. */
@Entity
@Table(name = "lead_source_record")
public class LeadSourceRecord {

    /** Lead ids are unique across dealers (lead_id_uq), so the lead id alone identifies the record. */
    @Id
    @Column(name = "lead_id")
    public UUID leadId;
    @Column(name = "dealer_id", nullable = false, updatable = false)
    public UUID dealerId;
    @Column(nullable = false, updatable = false)
    public String format;
    @Column(nullable = false, updatable = false)
    public String payload;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public Map<String, Object> unmapped;
    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;
}
