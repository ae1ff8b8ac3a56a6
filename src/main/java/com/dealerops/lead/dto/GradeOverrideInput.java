package com.dealerops.lead.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.lead.Grade;

@Schema(name = "GradeOverrideInput")
public record GradeOverrideInput(
        @NotNull @Schema(required = true) Grade grade,
        @NotBlank @Size(max = 500) @Schema(required = true, example = "已付意向金 (paid an intent deposit)")
        String reason) {
}
