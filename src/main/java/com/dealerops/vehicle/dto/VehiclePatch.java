package com.dealerops.vehicle.dto;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.common.money.Money;

/** The fields of a vehicle a merge patch may change; status changes through POST /vehicles/{id}/status. */
@Schema(name = "VehiclePatch", description = "JSON Merge Patch of a vehicle: fields present are set, null clears "
        + "one (vin, make, model and listPrice cannot be cleared)")
public record VehiclePatch(
        String vin,
        @Size(min = 1, max = 30) String stockNumber,
        @Size(min = 1, max = 60) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String make,
        @Size(min = 1, max = 60) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String model,
        @Size(min = 1, max = 60) String trim,
        @Min(1980) @Max(2100) Integer modelYear,
        @Size(min = 1, max = 60) String exteriorColour,
        @Size(min = 1, max = 60) String interiorColour,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> options,
        LocalDate arrivalDate,
        @Size(min = 1, max = 60) String location,
        @Valid Money listPrice,
        @Valid Money costPrice,
        LocalDate purchaseDate,
        @Size(min = 1, max = 200) String supplier) {
}
