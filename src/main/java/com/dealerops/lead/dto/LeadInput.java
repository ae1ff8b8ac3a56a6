package com.dealerops.lead.dto;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.customer.Source;
import com.dealerops.lead.TradeIn;
import com.dealerops.lead.VehicleInterest;

/** A new lead, as a tablet or a third party sends it. */
@Schema(name = "LeadInput", description = "Give either customerId or customer.")
public record LeadInput(
        @Schema(description = "Optional client-chosen id (offline capture); accepted once") UUID id,
        @Schema(description = "An existing customer of the dealer (a salesperson: one they own)") UUID customerId,
        @Valid @Schema(description = "The person, when customerId is not known") NewCustomer customer,
        @NotNull @Schema(required = true, example = "WALK_IN") Source source,
        @Size(min = 1, max = 100) @Schema(description = "Lead provider (portal) name; for the integration role the "
                + "token's name when absent", example = "AutoPortal") String provider,
        @Size(min = 1, max = 100) @Schema(description = "The provider's own lead id: the same provider lead is one "
                + "lead, however often it is sent", example = "AP-2026-118733") String providerLeadId,
        @Size(max = 10) List<@NotNull @Valid VehicleInterest> interests,
        @Valid Timeframe timeframe,
        @Valid TradeIn tradeIn,
        @Size(max = 4000) @Schema(example = "周末想试驾") String comments,
        @Schema(description = "Sales managers only: give the lead to this salesperson instead of routing it")
        UUID assigneeId,
        @Schema(description = "When to follow up next; by default the first-response deadline")
        OffsetDateTime nextFollowUpAt,
        @Schema(description = "When the customer made the request, if earlier than now (a portal's request date)")
        OffsetDateTime requestedAt) {
}
