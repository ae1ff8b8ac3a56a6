package com.dealerops.delivery.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

@Schema(name = "DeliveryInput", description = "A delivery appointment for an order")
public record DeliveryInput(
        @Schema(description = "Client-chosen id (offline creation); accepted once") UUID id,
        @NotNull @Schema(required = true) UUID orderId,
        @NotNull @Schema(required = true, example = "2026-12-05T10:00:00+08:00") OffsetDateTime scheduledAt,
        @Range(min = 15, max = 480) @Schema(description = "60 when absent", example = "60") Integer durationMinutes,
        @NotBlank @Size(max = 50) @Schema(required = true, description = "The delivery bay (交车区)",
                example = "交车区-1") String bay,
        @Schema(description = "Who hands the car over; the order's salesperson when absent (sales managers may "
                + "name another salesperson)") UUID salespersonId) {
}
