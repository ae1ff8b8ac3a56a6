package com.dealerops.vehicle.dto;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.common.money.Money;

/** Stock on the lot by age (库存积压 risk): counts, list value and cost value per bucket. */
@Schema(name = "StockAgeing")
public record AgeingReport(
        @Schema(required = true, description = "The day ages are counted to, in the dealer's calendar") LocalDate asOf,
        @Schema(required = true, description = "Statuses counted as stock on the lot")
        List<String> statuses,
        @Schema(required = true) List<Bucket> buckets,
        @Schema(required = true) Bucket total) {

    @Schema(name = "StockAgeingBucket")
    public record Bucket(
            @Schema(required = true, example = "0-30") String ageDays,
            @Schema(required = true) long vehicles,
            @Schema(required = true, description = "Sum of list prices") Money listValue,
            @Schema(required = true, description = "Sum of cost prices (vehicles without one count 0)")
            Money costValue,
            @Schema(description = "Vehicles in the bucket without a cost price") long withoutCost) {
    }
}
