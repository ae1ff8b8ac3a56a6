package com.dealerops.stockcount.dto;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StockCountInput")
public record StockCountInput(@Size(max = 500) @Schema(example = "2026年11月月末盘点") String note) {
}
