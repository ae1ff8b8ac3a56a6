package com.dealerops.delivery.dto;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.delivery.PdiResult;

@Schema(name = "PdiInput", description = "A pre-delivery inspection: every item of the dealer's PDI checklist, once")
public record PdiInput(
        @NotEmpty @Size(max = 50) @Schema(required = true) List<@Valid @NotNull Item> items,
        @Size(max = 2000) @Schema(example = "左后轮胎压偏低，已调整后复检") String notes) {

    @Schema(name = "PdiItemInput")
    public record Item(
            @NotBlank @Size(max = 40) @Schema(required = true, example = "TYRES") String code,
            @NotNull @Schema(required = true) PdiResult result,
            @Size(max = 500) @Schema(description = "Required for FAIL", example = "左后轮胎压 1.9 bar") String note,
            @Size(max = 500) @Schema(description = "Reference of a photo in the dealer's file store",
                    example = "https://files.dealerops.example/pdi/7f1e.jpg") String photoRef) {
    }
}
