package com.dealerops.lead.dto;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.lead.TradeIn;
import com.dealerops.lead.VehicleInterest;

/** The plain fields of a lead; status, assignee and grade override change through actions. */
@Schema(name = "LeadPatch", description = "JSON Merge Patch of a lead: fields present are set, null clears one. "
        + "A new timeframe recomputes the grade.")
public record LeadPatch(
        @Size(max = 10) List<@NotNull @Valid VehicleInterest> interests,
        @Valid Timeframe timeframe,
        @Valid TradeIn tradeIn,
        @Size(max = 4000) String comments,
        @Schema(description = "When to follow up next; cannot be cleared") OffsetDateTime nextFollowUpAt) {
}
