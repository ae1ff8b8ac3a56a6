package com.dealerops.quote;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.dealerops.quote.dto.QuoteView;

/** A revision replaced by an edit after the quote was sent, kept exactly as it was (a trigger refuses changes). */
@Entity
@Table(name = "quote_revision")
@IdClass(QuoteRevision.Key.class)
public class QuoteRevision {

    @Id
    @Column(name = "quote_id")
    public UUID quoteId;
    @Id
    public int revision;
    @Column(name = "dealer_id", nullable = false, updatable = false)
    public UUID dealerId;
    @Column(nullable = false, updatable = false)
    public String status;
    /** The full view, cost and margin included; callers get what their role may see. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public QuoteView snapshot;
    @Column(name = "superseded_at", nullable = false, updatable = false)
    public Instant supersededAt;
    @Column(name = "superseded_by", nullable = false, updatable = false)
    public UUID supersededBy;

    public static class Key implements Serializable {
        public UUID quoteId;
        public int revision;

        public Key() {
        }

        public Key(UUID quoteId, int revision) {
            this.quoteId = quoteId;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.quoteId.equals(quoteId) && key.revision == revision;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(quoteId, revision);
        }
    }
}
