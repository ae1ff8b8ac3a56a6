package com.dealerops.testdrive.dto;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** When a demo car is free on a day, for a tablet to offer. */
@Schema(name = "TestDriveAvailability")
public record Availability(
        @Schema(required = true) UUID vehicleId,
        @Schema(required = true) LocalDate date,
        @Schema(required = true, description = "Free periods within the day's opening hours, from now on, each "
                + "long enough for the shortest drive. Their ends already leave the buffer the car needs before its "
                + "next booking: any drive inside a period can be booked")
        List<Slot> free,
        @Schema(required = true) int minDurationMinutes,
        @Schema(required = true) int maxDurationMinutes,
        @Schema(required = true) int bufferMinutes) {

    @Schema(name = "TestDriveSlot")
    public record Slot(@Schema(required = true) OffsetDateTime from, @Schema(required = true) OffsetDateTime to) {
    }
}
