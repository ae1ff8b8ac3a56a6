package com.dealerops.order.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PaymentReceipt", description = "The payment and the order as it stands after it")
public record PaymentReceipt(@Schema(required = true) PaymentView payment, @Schema(required = true) OrderView order) {
}
