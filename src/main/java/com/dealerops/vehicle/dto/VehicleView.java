package com.dealerops.vehicle.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.common.money.Money;
import com.dealerops.vehicle.VehicleStatus;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A vehicle as a caller may see it. Cost and purchase fields (costPrice, listMargin, listMarginPercent,
 * purchaseDate, supplier) go to finance, sales-manager and admin only. Integration sees IN_STOCK vehicles only,
 * without stockNumber, location, arrivalDate, stockAgeDays and cost fields; in its updatedSince lists a vehicle that
 * has left public stock (sold, reserved...) is a tombstone: id, version, deleted, updatedAt.
 */
@Schema(name = "Vehicle")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VehicleView(
        @Schema(required = true) UUID id,
        @Schema(required = true) long version,
        @Schema(description = "Only in integration's updatedSince lists: the vehicle left public stock; nothing but "
                + "id, version and updatedAt is given") Boolean deleted,
        @Schema(description = "Absent on tombstones") String vin,
        String stockNumber,
        @Schema(description = "Absent on tombstones") String make,
        @Schema(description = "Absent on tombstones") String model,
        String trim,
        Integer modelYear,
        String exteriorColour,
        String interiorColour,
        List<String> options,
        @Schema(description = "Absent on tombstones") VehicleStatus status,
        @Schema(description = "Status changes the vehicle allows now (for the caller's role or another)")
        List<VehicleStatus> nextStatuses,
        String unavailableReason,
        LocalDate arrivalDate,
        @Schema(description = "Days on the lot since arrival, in the dealer's calendar") Integer stockAgeDays,
        String location,
        @Schema(description = "指导价; absent on tombstones") Money listPrice,
        @Schema(description = "finance, sales-manager, admin") Money costPrice,
        @Schema(description = "listPrice − costPrice; finance, sales-manager, admin") Money listMargin,
        @Schema(description = "listMargin as a percent of listPrice, 2 places; finance, sales-manager, admin")
        BigDecimal listMarginPercent,
        @Schema(description = "finance, sales-manager, admin") LocalDate purchaseDate,
        @Schema(description = "finance, sales-manager, admin") String supplier,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
