package com.dealerops.stockcount.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "StockCountScan")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanView(
        @Schema(required = true) UUID countId,
        @Schema(required = true) String vin,
        String location,
        @Schema(required = true) UUID scannedBy,
        @Schema(required = true) OffsetDateTime scannedAt,
        @Schema(required = true, description = "Scans so far in this count") long scanned) {
}
