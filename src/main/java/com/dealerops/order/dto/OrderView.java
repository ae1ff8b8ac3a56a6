package com.dealerops.order.dto;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.common.money.Money;
import com.dealerops.order.OrderStatus;
import com.dealerops.quote.PricedQuote;
import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "Order")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(
        @Schema(required = true) UUID id,
        @Schema(required = true) long version,
        @Schema(required = true, description = "O- and the id's first 8 characters") String number,
        @Schema(required = true) OrderStatus status,
        @Schema(required = true) UUID quoteId,
        @Schema(required = true) int quoteRevision,
        @Schema(required = true) UUID leadId,
        @Schema(required = true) UUID customerId,
        @Schema(required = true) UUID salespersonId,
        @Schema(description = "The stock car, RESERVED for this order; absent for a factory order") UUID vehicleId,
        @Schema(required = true) String currency,
        @Schema(required = true, description = "The accepted quote's lines and totals") PricedQuote priced,
        @Schema(description = "sales-manager and finance only") Profit profit,
        @Schema(required = true) Payments payments,
        String cancelReason,
        OffsetDateTime cancelledAt,
        @Schema(required = true, description = "Actions the caller may take now") List<String> allowedActions,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt) {

    @Schema(name = "OrderProfit")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Profit(Money cost, Money grossMargin) {
    }

    @Schema(name = "OrderPayments", description = "What is paid, net of refunds, and what is still owed either way")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payments(@Schema(required = true) Money total, @Schema(required = true) Money paid,
            @Schema(required = true, description = "total − paid; zero once cancelled") Money outstanding,
            @Schema(description = "Cancelled orders: what the dealer keeps") Money retained,
            @Schema(description = "Cancelled orders: paid − retained, still to be refunded") Money refundDue) {
    }
}
