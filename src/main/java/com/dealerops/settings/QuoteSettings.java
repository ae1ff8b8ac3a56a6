package com.dealerops.settings;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

import com.dealerops.common.money.Money;
import com.fasterxml.jackson.annotation.JsonFormat;

/** The margin guard of quotes (确保利润空间). Sales managers may edit. */
@Schema(name = "QuoteSettings")
public record QuoteSettings(
        @NotNull @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2)
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(required = true, type = SchemaType.STRING, description = "Largest discount, in percent of the "
                + "list price, a salesperson may give without a manager's approval", example = "3.00")
        BigDecimal salesDiscountLimitPercent,
        @NotNull @DecimalMin("-100.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2)
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(required = true, type = SchemaType.STRING, description = "Quotes below this gross margin need a "
                + "manager's approval", example = "5.00") BigDecimal minimumGrossMarginPercent,
        @NotNull @Range(min = 1, max = 90) @Schema(required = true, example = "7") Integer validityDays,
        @NotNull @Valid @Schema(required = true, description = "Complaint compensation above this needs a manager's "
                + "approval") Money compensationApprovalThreshold) {
}
