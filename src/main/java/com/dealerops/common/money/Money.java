package com.dealerops.common.money;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

/** An amount of money: a decimal string with 2 places and an ISO 4217 currency, {"amount":"189900.00","currency":"CNY"}. */
@Schema(name = "Money", description = "A decimal amount (as a string, 2 places) and its ISO 4217 currency")
public record Money(
        @NotNull @DecimalMin("0.00") @Digits(integer = 13, fraction = 2)
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, required = true,
                pattern = "^-?[0-9]{1,13}(\\.[0-9]{1,2})?$", example = "2000.00") BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}") @Schema(required = true, example = "CNY") String currency) {

    public static Money cny(String amount) {
        return new Money(new BigDecimal(amount).setScale(2), "CNY");
    }
}
