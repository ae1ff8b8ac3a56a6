package com.dealerops.testdrive.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A test drive to book. Give a lead (its customer drives) or a customer. */
@Schema(name = "TestDriveBooking")
public record BookingInput(
        @Schema(description = "Optional client-chosen id; accepted once") UUID id,
        @Schema(description = "The lead this drive belongs to; starting the drive moves it to TEST_DRIVE") UUID leadId,
        @Schema(description = "The customer, when there is no lead") UUID customerId,
        @NotNull @Schema(required = true, description = "A demo car (status DEMO)") UUID vehicleId,
        @Schema(description = "Sales managers may book for any salesperson; salespeople book for themselves")
        UUID salespersonId,
        @NotNull @Schema(required = true, example = "2026-11-29T10:00:00+08:00") OffsetDateTime startsAt,
        @NotNull @Schema(required = true, example = "2026-11-29T10:45:00+08:00") OffsetDateTime endsAt) {
}
