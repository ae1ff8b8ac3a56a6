package com.dealerops.stockcount.dto;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What a closed stock count found, as of its closing. */
@Schema(name = "StockCountDiscrepancies")
public record Discrepancies(
        @Schema(required = true, description = "Vehicles IN_STOCK or DEMO in the system when the count closed")
        long expected,
        @Schema(required = true, description = "Distinct VINs scanned") long scanned,
        @Schema(required = true, description = "In the system (IN_STOCK or DEMO) but not scanned")
        List<Missing> missing,
        @Schema(required = true, description = "Scanned, but no vehicle of the dealer has this VIN")
        List<Unknown> notInSystem,
        @Schema(required = true, description = "Scanned, but the vehicle's status says it should not be on the lot "
                + "(IN_TRANSIT, RESERVED, SOLD, DELIVERED, UNAVAILABLE)") List<Misplaced> notInStock) {

    @Schema(name = "StockCountMissingVehicle")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Missing(@Schema(required = true) UUID vehicleId, @Schema(required = true) String vin,
            String make, String model, String status, String location) {
    }

    @Schema(name = "StockCountUnknownVin")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Unknown(@Schema(required = true) String vin, String location) {
    }

    @Schema(name = "StockCountMisplacedVehicle")
    public record Misplaced(@Schema(required = true) UUID vehicleId, @Schema(required = true) String vin,
            @Schema(required = true) String status) {
    }
}
