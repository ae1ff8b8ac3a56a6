package com.dealerops.delivery.dto;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.dealerops.delivery.DeliveryStatus;
import com.dealerops.delivery.PdiStatus;
import com.dealerops.delivery.PlateKind;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Delivery", description = "A delivery (交车) of an order's car")
public record DeliveryView(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "0") long version,
        @Schema(required = true) DeliveryStatus status,
        @Schema(required = true) UUID orderId,
        @Schema(required = true) UUID customerId,
        @Schema(required = true) UUID vehicleId,
        @Schema(required = true) UUID salespersonId,
        @Schema(required = true) OffsetDateTime scheduledAt,
        @Schema(required = true) OffsetDateTime endsAt,
        @Schema(required = true, example = "交车区-1") String bay,
        @Schema(required = true) Pdi pdi,
        @Schema(description = "Present once handed over") HandOver handOver,
        String cancelReason,
        @Schema(required = true, description = "What the caller may do next: pdi, complete, reschedule, cancel")
        List<String> allowedActions,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DeliveryPdi", description = "The verdict of the latest inspection")
    public record Pdi(@Schema(required = true) PdiStatus status,
            @Schema(required = true, description = "Inspections recorded", example = "1") int inspections) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HandOver")
    public record HandOver(@Schema(required = true) List<Document> documents,
            @Schema(required = true, example = "2") int keyCount,
            @Schema(required = true) PlateKind plateKind,
            @Schema(required = true, example = "浙A·D12345") String plateNumber,
            @Schema(required = true) String signatureRef,
            @Schema(required = true) String documentSha256,
            @Schema(required = true) UUID completedBy,
            @Schema(required = true) OffsetDateTime completedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HandedOverDocument")
    public record Document(@Schema(required = true, example = "INVOICE") String code,
            @Schema(required = true, example = "true") boolean handedOver, String note) {
    }
}
