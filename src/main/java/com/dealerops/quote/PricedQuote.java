package com.dealerops.quote;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.common.money.Money;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A quote as the server priced it: every line with its amount and every total, computed by {@link QuotePricing}.
 * Stored as it is (jsonb) and shown as it is; it never holds cost or margin, which only some roles may see.
 */
@JsonIgnoreProperties(ignoreUnknown = true) // stored as jsonb: read older rows after fields change
@Schema(name = "PricedQuote", description = "The quote's lines and totals, computed by the server")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PricedQuote(
        @Schema(required = true) VehicleLine vehicle,
        @Schema(required = true) List<OptionLine> factoryOptions,
        @Schema(required = true) List<AccessoryLine> accessories,
        @Schema(required = true) List<ServiceLine> services,
        @Schema(description = "Absent when there is no discount") Discount discount,
        @Schema(description = "Absent when there is no trade-in") TradeIn tradeIn,
        @Schema(description = "Absent for a cash purchase") Financing financing,
        @Schema(required = true) Totals totals,
        @Schema(description = "Shown on the customer's document") String notes) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "QuoteVehicleLine", description = "A car in stock (vehicleId) or a configuration ordered from the "
            + "factory (factoryOrder true)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VehicleLine(UUID vehicleId, String vin, String stockNumber,
            @Schema(required = true) String make, @Schema(required = true) String model, String trim, String colour,
            Integer modelYear, @Schema(required = true) boolean factoryOrder,
            @Schema(required = true, description = "The vehicle's list price") Money price) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "QuoteOptionLine")
    public record OptionLine(@Schema(required = true) String name, @Schema(required = true) Money price) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "QuoteAccessoryLine")
    public record AccessoryLine(@Schema(required = true) String name, @Schema(required = true) int quantity,
            @Schema(required = true) Money unitPrice,
            @Schema(required = true, description = "quantity × unitPrice") Money lineTotal) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "QuoteServiceLine")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceLine(@Schema(required = true) ServiceKind kind, String description,
            @Schema(required = true) Money price) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "QuoteDiscount")
    public record Discount(@Schema(required = true) Money amount,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(required = true, type = SchemaType.STRING, description = "Of the list price (vehicle and factory "
                    + "options), 2 places, HALF_UP", example = "3.00") BigDecimal percentOfList,
            @Schema(required = true) String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "QuoteTradeIn", description = "The customer's car taken in part exchange")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TradeIn(String vin, @Schema(required = true) String make, @Schema(required = true) String model,
            Integer modelYear, Integer mileageKm,
            @Schema(required = true, description = "What the appraiser says the car is worth") Money appraisedValue,
            @Schema(required = true, description = "What the customer is credited") Money allowance) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "QuoteFinancing", description = "A loan for part of the price: the monthly payment is the annuity "
            + "payment for the financed amount (total − down payment, fees included) at annualRatePercent / 12 per "
            + "month, or financed amount / term at 0 %; rounded HALF_UP to 2 places")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Financing(String lender, @Schema(required = true) Money downPayment,
            @Schema(required = true, minimum = "12", maximum = "60") int termMonths,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(required = true, type = SchemaType.STRING, example = "3.99") BigDecimal annualRatePercent,
            @Schema(required = true) List<Fee> fees,
            @Schema(required = true) Money financedAmount, @Schema(required = true) Money monthlyPayment,
            @Schema(required = true, description = "monthlyPayment × termMonths") Money totalOfPayments,
            @Schema(required = true, description = "totalOfPayments − financedAmount") Money financeCharge) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "QuoteFee")
    public record Fee(@Schema(required = true) String name, @Schema(required = true) Money amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "QuoteTotals", description = "total = subtotal − discount − tradeInAllowance + fees")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Totals(
            @Schema(required = true, description = "Vehicle and factory options") Money listPrice,
            @Schema(required = true, description = "Vehicle, factory options, accessories and services") Money subtotal,
            @Schema(required = true) Money discount, @Schema(required = true) Money tradeInAllowance,
            @Schema(required = true, description = "Financing fees") Money fees,
            @Schema(required = true, description = "What the customer pays") Money total,
            Money financedAmount, Money monthlyPayment) {
    }
}
