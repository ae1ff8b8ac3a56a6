package com.dealerops.followup.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FollowUpCancel")
public record CancelInput(
        @NotBlank @Size(max = 500) @Schema(required = true, example = "客户已到店面谈") String reason) {
}
