package com.dealerops.lead;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.common.money.Money;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A vehicle the customer is interested in, and what they mean to spend on it. */
@Schema(name = "VehicleInterest")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VehicleInterest(
        @NotBlank @Size(max = 60) @Schema(required = true, example = "BYD") String make,
        @Size(max = 60) @Schema(example = "Seal") String model,
        @Size(max = 60) @Schema(example = "650 Premium") String trim,
        @Size(max = 60) @Schema(example = "Aurora White") String colour,
        @Min(1900) @Max(2100) @Schema(example = "2026") Integer modelYear,
        @Schema(description = "New or used car") VehicleCondition condition,
        @Valid @Schema(description = "Lowest budget") Money budgetMin,
        @Valid @Schema(description = "Highest budget; not below budgetMin") Money budgetMax) {
}
