package com.dealerops.testdrive.dto;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Check-out: the driver's licence, the signed waiver, the odometer. */
@Schema(name = "TestDriveCheckOut")
public record StartInput(
        @NotBlank @Size(min = 5, max = 30) @Schema(required = true, example = "330106199001011234")
        String licenceNumber,
        @NotNull @Schema(required = true, description = "An expired licence is a 422", example = "2030-05-31")
        LocalDate licenceExpiresOn,
        @Size(min = 1, max = 500) @Schema(description = "Where the licence photo is stored",
                example = "https://files.dealerops.example/licences/8f3c.jpg") String licencePhotoRef,
        @NotBlank @Size(max = 500) @Schema(required = true, description = "Where the signed waiver is stored",
                example = "https://files.dealerops.example/waivers/8f3c.pdf") String waiverRef,
        @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}") @Schema(required = true, description = "SHA-256 of the signed "
                + "waiver, hex", example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        String waiverSha256,
        @NotNull @Min(0) @Max(2_000_000) @Schema(required = true, example = "1520") Integer odometerOut) {
}
