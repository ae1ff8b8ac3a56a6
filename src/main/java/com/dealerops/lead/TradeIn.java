package com.dealerops.lead;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The car the customer would trade in (置换). */
@Schema(name = "TradeIn")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TradeIn(
        @NotBlank @Size(max = 60) @Schema(required = true, example = "Volkswagen") String make,
        @Size(max = 60) @Schema(example = "Lavida") String model,
        @Min(1950) @Max(2100) @Schema(example = "2018") Integer year,
        @Min(0) @Max(2_000_000) @Schema(description = "Kilometres", example = "86000") Integer mileageKm) {
}
