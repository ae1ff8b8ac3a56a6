package com.dealerops.delivery.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DeliveryCancel")
public record CancelInput(
        @NotBlank @Size(max = 500) @Schema(required = true, example = "客户要求改为下月提车") String reason) {
}
