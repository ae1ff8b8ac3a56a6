package com.dealerops.vehicle.dto;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.common.money.Money;
import com.dealerops.vehicle.VehicleStatus;

/** A vehicle as finance or an admin enters it. Its status changes through POST /vehicles/{id}/status. */
@Schema(name = "VehicleInput")
public record VehicleInput(
        @Schema(description = "Optional client-chosen id; accepted once") UUID id,
        @NotBlank @Schema(required = true, description = "17 characters, no I, O or Q, with a valid check digit "
                + "(position 9); lower case is accepted", example = "LGXCE4CB0R0123456") String vin,
        @Size(min = 1, max = 30) @Schema(example = "HZ-2026-0412") String stockNumber,
        @NotBlank @Size(max = 60) @Schema(required = true, example = "BYD") String make,
        @NotBlank @Size(max = 60) @Schema(required = true, example = "Seal") String model,
        @Size(min = 1, max = 60) @Schema(example = "650 Premium") String trim,
        @Min(1980) @Max(2100) @Schema(example = "2026") Integer modelYear,
        @Size(min = 1, max = 60) @Schema(example = "极光白 Aurora White") String exteriorColour,
        @Size(min = 1, max = 60) @Schema(example = "黑 Black") String interiorColour,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> options,
        @Schema(description = "IN_TRANSIT (the default) or IN_STOCK; later changes are status actions")
        VehicleStatus initialStatus,
        @Schema(description = "When it reached the lot (stock age counts from it); today when IN_STOCK and absent")
        LocalDate arrivalDate,
        @Size(min = 1, max = 60) @Schema(example = "A区-12") String location,
        @NotNull @Valid @Schema(required = true, description = "指导价, the manufacturer's list price") Money listPrice,
        @Valid @Schema(description = "What the dealer paid; finance, sales-manager and admin only") Money costPrice,
        @Schema(description = "Purchase data; finance, sales-manager and admin only") LocalDate purchaseDate,
        @Size(min = 1, max = 200) @Schema(description = "Purchase data; finance, sales-manager and admin only",
                example = "比亚迪汽车销售有限公司") String supplier) {
}
