package com.dealerops.testdrive.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TestDriveCancellation")
public record CancelInput(@NotBlank @Size(max = 500) @Schema(required = true, example = "客户改期")
        String reason) {
}
