package com.dealerops.complaint;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One wait for the customer: the SLA's resolution clock stood still from startedAt to endedAt. */
@Entity
@Table(name = "complaint_pause")
public class ComplaintPause {

    @EmbeddedId
    public Key key;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(nullable = false)
    public String reason;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "dealer_id")
        public UUID dealerId;
        @Column(name = "complaint_id")
        public UUID complaintId;
        @Column(name = "started_at")
        public Instant startedAt;

        public Key() {
        }

        public Key(UUID dealerId, UUID complaintId, Instant startedAt) {
            this.dealerId = dealerId;
            this.complaintId = complaintId;
            this.startedAt = startedAt;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && dealerId.equals(key.dealerId) && complaintId.equals(key.complaintId)
                    && startedAt.equals(key.startedAt);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(dealerId, complaintId, startedAt);
        }
    }
}
