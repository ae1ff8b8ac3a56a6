package com.dealerops.order.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.common.money.Money;

@Schema(name = "OrderCancelInput")
public record CancelInput(
        @NotBlank @Size(max = 1000) @Schema(required = true, example = "客户资金问题，取消购车") String reason,
        @Valid @Schema(description = "What the dealer keeps of what was paid (a forfeited deposit, 定金不退); "
                + "default nothing. The rest is the refund due.") Money retainedAmount) {
}
