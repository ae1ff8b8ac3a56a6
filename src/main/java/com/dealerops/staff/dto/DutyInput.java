package com.dealerops.staff.dto;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DutyInput")
public record DutyInput(@NotNull @Schema(required = true, description = "On duty: receives routed leads",
        example = "true") Boolean onDuty) {
}
