package com.dealerops.stockcount.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.stockcount.StockCount;
import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "StockCount")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StockCountView(
        @Schema(required = true) UUID id,
        @Schema(required = true) long version,
        @Schema(required = true) StockCount.Status status,
        String note,
        @Schema(required = true) UUID openedBy,
        @Schema(required = true) OffsetDateTime openedAt,
        UUID closedBy,
        OffsetDateTime closedAt,
        @Schema(description = "Once closed: what the count found") Discrepancies discrepancies) {
}
