package com.dealerops.complaint.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.common.money.Money;

@Schema(name = "CompensationApproval", description = "A manager approves compensation up to this amount")
public record ApprovalInput(
        @NotNull @Valid @Schema(required = true) Money amount) {
}
