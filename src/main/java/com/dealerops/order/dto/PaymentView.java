package com.dealerops.order.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.common.money.Money;
import com.dealerops.order.PaymentKind;
import com.dealerops.order.PaymentMethod;
import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "Payment")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID orderId,
        @Schema(required = true) PaymentKind kind,
        @Schema(required = true) Money amount,
        @Schema(required = true) PaymentMethod method,
        @Schema(required = true) String payerName,
        @Schema(description = "finance only") String payerAccount,
        @Schema(required = true) String reference,
        @Schema(required = true) OffsetDateTime paidAt,
        String note,
        @Schema(required = true) UUID recordedBy,
        @Schema(required = true) OffsetDateTime recordedAt) {
}
