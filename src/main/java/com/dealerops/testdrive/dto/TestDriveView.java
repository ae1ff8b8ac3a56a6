package com.dealerops.testdrive.dto;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.testdrive.PurchaseIntent;
import com.dealerops.testdrive.TestDriveStatus;
import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "TestDrive")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestDriveView(
        @Schema(required = true) UUID id,
        @Schema(required = true) long version,
        @Schema(required = true) TestDriveStatus status,
        UUID leadId,
        @Schema(required = true) UUID customerId,
        @Schema(required = true) UUID vehicleId,
        @Schema(required = true) UUID salespersonId,
        @Schema(required = true) OffsetDateTime startsAt,
        @Schema(required = true) OffsetDateTime endsAt,
        String cancelReason,
        String licenceNumber,
        LocalDate licenceExpiresOn,
        String licencePhotoRef,
        String waiverRef,
        String waiverSha256,
        Integer odometerOut,
        OffsetDateTime startedAt,
        Integer odometerIn,
        Integer fuelLevelPercent,
        String damageNotes,
        Integer rating,
        String feedback,
        PurchaseIntent purchaseIntent,
        OffsetDateTime completedAt,
        @Schema(required = true) OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
