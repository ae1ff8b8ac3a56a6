package com.dealerops.delivery.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

@Schema(name = "DeliveryReschedule", description = "A new time, bay or salesperson for a scheduled delivery")
public record RescheduleInput(
        @NotNull @Schema(required = true, example = "2026-12-06T14:00:00+08:00") OffsetDateTime scheduledAt,
        @Range(min = 15, max = 480) @Schema(description = "The current duration when absent", example = "60")
        Integer durationMinutes,
        @NotBlank @Size(max = 50) @Schema(required = true, example = "交车区-2") String bay,
        @Schema(description = "Sales managers only; unchanged when absent") UUID salespersonId) {
}
