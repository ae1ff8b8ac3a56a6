package com.dealerops.quote.dto;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.common.money.Money;
import com.dealerops.quote.ServiceKind;
import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * What a salesperson puts on a quote. Prices of lines are the client's; every total is the server's. A stock car's
 * price and cost come from the vehicle record.
 */
@Schema(name = "QuoteInput", description = "Name either vehicleId (a car in stock) or configuration (a factory "
        + "order). Every amount is in the dealer's currency.")
public record QuoteInput(
        @Schema(description = "Client-chosen id (create only, accepted once)") UUID id,
        @NotNull @Schema(required = true) UUID leadId,
        @Schema(description = "A car IN_STOCK (a demo car or one in transit is moved to stock first); its list "
                + "price is the vehicle price, its cost the vehicle's cost") UUID vehicleId,
        @Valid Configuration configuration,
        @Size(max = 30) List<@NotNull @Valid OptionInput> factoryOptions,
        @Size(max = 50) List<@NotNull @Valid AccessoryInput> accessories,
        @Size(max = 20) List<@NotNull @Valid ServiceInput> services,
        @Valid DiscountInput discount,
        @Valid TradeInInput tradeIn,
        @Valid FinancingInput financing,
        @Size(max = 1000) @Schema(description = "Printed on the customer's document") String notes) {

    @Schema(name = "QuoteConfiguration", description = "A car to order from the factory")
    public record Configuration(
            @NotBlank @Size(max = 60) @Schema(required = true, example = "比亚迪") String make,
            @NotBlank @Size(max = 60) @Schema(required = true, example = "汉 EV") String model,
            @Size(max = 60) String trim,
            @Size(max = 60) String colour,
            @Min(1990) @Max(2100) Integer modelYear,
            @NotNull @Valid @Schema(required = true, description = "List price of the car as configured") Money price,
            @Valid @Schema(description = "What the car with its factory options costs the dealer. Only sales managers "
                    + "may give it (403 for others); without it the quote needs a manager's approval "
                    + "(COST_UNKNOWN).") Money cost) {
    }

    @Schema(name = "QuoteOptionInput")
    public record OptionInput(@NotBlank @Size(max = 120) @Schema(required = true) String name,
            @NotNull @Valid @Schema(required = true) Money price) {
    }

    @Schema(name = "QuoteAccessoryInput")
    public record AccessoryInput(@NotBlank @Size(max = 120) @Schema(required = true, example = "全车脚垫") String name,
            @NotNull @Min(1) @Max(99) @Schema(required = true, example = "1") Integer quantity,
            @NotNull @Valid @Schema(required = true) Money unitPrice) {
    }

    @Schema(name = "QuoteServiceInput")
    public record ServiceInput(@NotNull @Schema(required = true) ServiceKind kind,
            @Size(max = 200) String description,
            @NotNull @Valid @Schema(required = true) Money price) {
    }

    @Schema(name = "QuoteDiscountInput", description = "Exactly one of amount or percent (of the list price: vehicle "
            + "and factory options), with the reason")
    public record DiscountInput(@Valid Money amount,
            @DecimalMin(value = "0.00", inclusive = false) @DecimalMax("100.00") @Digits(integer = 3, fraction = 2)
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, example = "3.00") BigDecimal percent,
            @NotBlank @Size(max = 500) @Schema(required = true, example = "店庆优惠") String reason) {
    }

    @Schema(name = "QuoteTradeInInput")
    public record TradeInInput(@Size(min = 17, max = 17) String vin,
            @NotBlank @Size(max = 60) @Schema(required = true) String make,
            @NotBlank @Size(max = 60) @Schema(required = true) String model,
            @Min(1950) @Max(2100) Integer modelYear,
            @Min(0) @Max(2_000_000) Integer mileageKm,
            @NotNull @Valid @Schema(required = true, description = "The appraiser's value; an allowance above it is a "
                    + "hidden discount and lowers the margin") Money appraisedValue,
            @NotNull @Valid @Schema(required = true) Money allowance) {
    }

    @Schema(name = "QuoteFinancingInput")
    public record FinancingInput(@Size(max = 120) String lender,
            @NotNull @Valid @Schema(required = true) Money downPayment,
            @NotNull @Min(12) @Max(60) @Schema(required = true, example = "36") Integer termMonths,
            @NotNull @DecimalMin("0.00") @DecimalMax("36.00") @Digits(integer = 2, fraction = 4)
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(required = true, type = SchemaType.STRING, description = "0 for a zero-rate promotion",
                    example = "3.99") BigDecimal annualRatePercent,
            @Size(max = 10) List<@NotNull @Valid FeeInput> fees) {
    }

    @Schema(name = "QuoteFeeInput", description = "A fee financed with the loan (handling fee, GPS, mortgage "
            + "registration)")
    public record FeeInput(@NotBlank @Size(max = 120) @Schema(required = true, example = "贷款手续费") String name,
            @NotNull @Valid @Schema(required = true) Money amount) {
    }
}
