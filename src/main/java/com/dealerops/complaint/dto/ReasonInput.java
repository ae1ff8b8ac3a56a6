package com.dealerops.complaint.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ComplaintReason")
public record ReasonInput(
        @NotBlank @Size(max = 500) @Schema(required = true, example = "等待客户提供维修发票照片") String reason) {
}
