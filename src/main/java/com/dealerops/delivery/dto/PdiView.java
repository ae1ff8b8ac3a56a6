package com.dealerops.delivery.dto;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.dealerops.delivery.PdiResult;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PdiInspection", description = "A recorded pre-delivery inspection; re-inspections get the next "
        + "number and never replace an earlier one")
public record PdiView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID deliveryId,
        @Schema(required = true, example = "1") int number,
        @Schema(required = true, description = "True when no item failed", example = "true") boolean passed,
        @Schema(required = true) List<Item> items,
        String notes,
        @Schema(required = true) UUID performedBy,
        @Schema(required = true) OffsetDateTime performedAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PdiItem")
    public record Item(@Schema(required = true, example = "TYRES") String code,
            @Schema(required = true, example = "轮胎及胎压") String labelZh,
            @Schema(required = true, example = "Tyres and pressure") String labelEn,
            @Schema(required = true) PdiResult result, String note, String photoRef) {
    }
}
