package com.dealerops.settings;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

@Schema(name = "TestDriveSettings")
public record TestDriveSettings(
        @NotNull @Range(min = 15, max = 480) @Schema(required = true, example = "15") Integer minDurationMinutes,
        @NotNull @Range(min = 15, max = 480) @Schema(required = true, description = "At least minDurationMinutes",
                example = "180") Integer maxDurationMinutes,
        @NotNull @Range(min = 0, max = 120) @Schema(required = true, description = "Free minutes a demo car needs "
                + "between two drives", example = "15") Integer bufferMinutes,
        @NotNull @Range(min = 1, max = 365) @Schema(required = true, description = "How many days ahead a drive may "
                + "be booked", example = "30") Integer bookingHorizonDays) {
}
