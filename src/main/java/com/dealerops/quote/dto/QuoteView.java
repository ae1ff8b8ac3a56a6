package com.dealerops.quote.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.common.money.Money;
import com.dealerops.quote.ApprovalReason;
import com.dealerops.quote.PricedQuote;
import com.dealerops.quote.QuoteStatus;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A quote as the caller may see it: profit only for sales managers and finance. */
@JsonIgnoreProperties(ignoreUnknown = true) // stored as jsonb: read older rows after fields change
@Schema(name = "Quote")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuoteView(
        @Schema(required = true) UUID id,
        @Schema(required = true) long version,
        @Schema(required = true, description = "Q- and the id's first 8 characters, as printed") String number,
        @Schema(required = true, description = "1 for the first; an edit after sending makes the next") int revision,
        @Schema(required = true) QuoteStatus status,
        @Schema(required = true) UUID leadId,
        @Schema(required = true) UUID customerId,
        @Schema(required = true) UUID salespersonId,
        @Schema(required = true) String currency,
        @Schema(required = true) PricedQuote priced,
        @Schema(description = "Cost and gross margin: sales-manager and finance only") Profit profit,
        @Schema(required = true) Approval approval,
        @Schema(description = "Set when the quote is sent: the last day it may be accepted, in the dealer's "
                + "calendar") LocalDate validUntil,
        OffsetDateTime sentAt,
        @Schema(description = "When the customer accepted or rejected it, or it expired") OffsetDateTime answeredAt,
        String rejectionReason,
        @Schema(required = true, description = "Actions the caller may take now") List<String> allowedActions,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "QuoteProfit", description = "Front-end gross on the vehicle: (list price − discount − trade-in "
            + "allowance above the appraised value) − vehicle cost. Cost and margin are absent while the cost of a "
            + "factory order is unknown.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Profit(@Schema(required = true) Money netVehiclePrice, Money cost, Money grossMargin,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, example = "6.25", description = "Of the net vehicle price, 2 places, "
                    + "HALF_UP") BigDecimal grossMarginPercent) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "QuoteApproval", description = "The margin guard: a quote beyond the salesperson's discount limit "
            + "or below the minimum gross margin needs a sales manager's approval (never the author's own)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Approval(@Schema(required = true) boolean required,
            @Schema(required = true) List<ApprovalReason> reasons,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(required = true, type = SchemaType.STRING, example = "3.00") BigDecimal discountLimitPercent,
            @Schema(description = "APPROVED or REJECTED, once a manager decided on this revision") String decision,
            UUID decidedBy, OffsetDateTime decidedAt, String note) {
    }
}
