package com.dealerops.lead.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LoseInput")
public record LoseInput(
        @NotBlank @Size(max = 500) @Schema(required = true, example = "买了竞品 (bought a competitor's car)")
        String reason) {
}
