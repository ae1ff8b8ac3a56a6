package com.dealerops.stockcount;

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

import com.dealerops.stockcount.dto.Discrepancies;

/** A stock count (盘点) of a dealer's lot. Closed, it never changes again (database triggers see to that). */
@Entity
@Table(name = "stock_count")
public class StockCount {

    public enum Status {
        OPEN, CLOSED
    }

    @Id
    public UUID id;
    @Column(name = "dealer_id", nullable = false, updatable = false)
    public UUID dealerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    public String note;
    @Column(name = "opened_by", nullable = false, updatable = false)
    public UUID openedBy;
    @Column(name = "opened_at", nullable = false, updatable = false)
    public Instant openedAt;
    @Column(name = "closed_by")
    public UUID closedBy;
    @Column(name = "closed_at")
    public Instant closedAt;
    /** What the count found, fixed when it was closed. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Discrepancies discrepancies;
    @Version
    public long version;
}
