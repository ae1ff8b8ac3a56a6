package com.dealerops.lead.dto;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AssignInput")
public record AssignInput(
        @NotNull @Schema(required = true, description = "An active salesperson of the dealer") UUID assigneeId) {
}
