package com.dealerops.vehicle.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.vehicle.VehicleStatus;

@Schema(name = "VehicleStatusChange")
public record StatusChangeInput(
        @NotNull @Schema(required = true, example = "DEMO") VehicleStatus status,
        @Size(min = 1, max = 500) @Schema(description = "Required for UNAVAILABLE and for undoing a sale (SOLD → "
                + "IN_STOCK); kept in the history", example = "客户退订, 经理批准撤销销售") String reason) {
}
