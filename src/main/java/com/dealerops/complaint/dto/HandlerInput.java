package com.dealerops.complaint.dto;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ComplaintHandler")
public record HandlerInput(
        @NotNull @Schema(required = true, description = "An active customer-service staff member the complaint does "
                + "not name", example = "0193b0a4-0000-7000-8000-000000000401") UUID handlerId) {
}
