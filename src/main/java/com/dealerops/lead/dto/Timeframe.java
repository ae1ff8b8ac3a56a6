package com.dealerops.lead.dto;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** When the customer means to buy; the lead's grade comes from it. */
@Schema(name = "Timeframe", description = "Purchase timeframe; at least one date. The grade counts from the latest "
        + "date (or the earliest when only that is given): H within 7 days, A 15, B 30, C later or none.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Timeframe(
        @Schema(example = "2026-11-28") LocalDate earliest,
        @Schema(example = "2026-12-04") LocalDate latest) {
}
