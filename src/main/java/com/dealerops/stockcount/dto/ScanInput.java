package com.dealerops.stockcount.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StockCountScanInput")
public record ScanInput(
        @NotBlank @Schema(required = true, description = "As scanned; checked like any VIN (a misread fails its "
                + "check digit: scan again)", example = "LGXCE4CB0R0123456") String vin,
        @Size(min = 1, max = 60) @Schema(description = "Where on the lot it was found", example = "A区-12")
        String location) {
}
