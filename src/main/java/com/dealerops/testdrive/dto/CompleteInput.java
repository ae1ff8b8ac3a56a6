package com.dealerops.testdrive.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.testdrive.PurchaseIntent;

/** The car is back: odometer, fuel or charge, damage, and what the customer thought. */
@Schema(name = "TestDriveReturn")
public record CompleteInput(
        @NotNull @Min(0) @Max(2_000_000) @Schema(required = true, description = "Not below odometerOut",
                example = "1538") Integer odometerIn,
        @Min(0) @Max(100) @Schema(example = "85") Integer fuelLevelPercent,
        @Size(max = 2000) @Schema(example = "无") String damageNotes,
        @Min(1) @Max(5) @Schema(example = "5") Integer rating,
        @Size(max = 2000) @Schema(example = "加速很满意, 后排空间略小") String feedback,
        PurchaseIntent purchaseIntent) {
}
