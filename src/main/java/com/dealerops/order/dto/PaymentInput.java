package com.dealerops.order.dto;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.common.money.Money;
import com.dealerops.order.PaymentKind;
import com.dealerops.order.PaymentMethod;

@Schema(name = "PaymentInput")
public record PaymentInput(
        @NotNull @Schema(required = true, description = "DEPOSIT (定金, only while nothing is paid), PAYMENT or "
                + "REFUND") PaymentKind kind,
        @NotNull @Valid @Schema(required = true) Money amount,
        @NotNull @Schema(required = true) PaymentMethod method,
        @NotBlank @Size(max = 200) @Schema(required = true, example = "张伟") String payerName,
        @Size(min = 1, max = 100) @Schema(description = "Bank account or card (finance only sees it back)",
                example = "6222 0212 3456 7890") String payerAccount,
        @NotBlank @Size(max = 100) @Schema(required = true, description = "The bank's or the till's reference; a "
                + "payment is recorded once per reference", example = "ICBC20261128000123") String reference,
        @NotNull @Schema(required = true, description = "When the money moved (not in the future)")
        OffsetDateTime paidAt,
        @Size(max = 1000) String note) {
}
