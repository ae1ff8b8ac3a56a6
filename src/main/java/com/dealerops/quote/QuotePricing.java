package com.dealerops.quote;

import static com.dealerops.common.Texts.blankToNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import com.dealerops.common.error.ProblemException;
import com.dealerops.common.money.Money;
import com.dealerops.quote.dto.QuoteInput;
import com.dealerops.settings.QuoteSettings;

/**
 * Prices a quote. Amounts are exact decimals with 2 places; the only roundings are where a rate or a percentage
 * meets money (a percent discount, the monthly payment, the percentages shown), each HALF_UP to 2 places on its
 * own line, and sums are of those rounded lines. The margin guard compares exactly, without rounding: a discount
 * at exactly the limit is within it.
 * <p>
 * The margin is the front-end gross on the vehicle: the list price (vehicle and factory options) less the discount
 * and less any trade-in allowance above the appraised value, minus the vehicle's cost. Accessories, services and
 * financing fees are priced on the quote but are not part of it.
 */
public final class QuotePricing {

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal MONTHS = new BigDecimal("12");
    private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL128;
    /** 13 digits before the point, as every Money field and the numeric(15,2) columns */
    static final BigDecimal LARGEST = new BigDecimal("9999999999999.99");

    /** What the vehicle contributes: its line on the quote and what it costs the dealer (null when unknown). */
    public record VehicleFacts(PricedQuote.VehicleLine line, BigDecimal cost) {
    }

    /** The result: the customer's document, the figures stored alongside it, and the guard's verdict. */
    public record Pricing(PricedQuote document, BigDecimal listPrice, BigDecimal subtotal, BigDecimal discount,
            BigDecimal tradeInAllowance, BigDecimal fees, BigDecimal total, BigDecimal netVehiclePrice,
            BigDecimal cost, BigDecimal grossMargin, BigDecimal grossMarginPercent, BigDecimal discountLimitPercent,
            BigDecimal minimumMarginPercent, List<ApprovalReason> approvalReasons) {

        public boolean approvalRequired() {
            return !approvalReasons.isEmpty();
        }
    }

    private QuotePricing() {
    }

    public static Pricing price(QuoteInput input, VehicleFacts vehicle, QuoteSettings rules, String currency) {
        Amounts money = new Amounts(currency);
        BigDecimal vehiclePrice = money.of("vehicle price", vehicle.line().price());

        List<PricedQuote.OptionLine> options = new ArrayList<>();
        BigDecimal optionsTotal = BigDecimal.ZERO.setScale(2);
        for (QuoteInput.OptionInput option : orEmpty(input.factoryOptions())) {
            BigDecimal price = money.of("factoryOptions.price", option.price());
            optionsTotal = optionsTotal.add(price);
            options.add(new PricedQuote.OptionLine(option.name().trim(), money.money(price)));
        }
        BigDecimal listPrice = vehiclePrice.add(optionsTotal);

        List<PricedQuote.AccessoryLine> accessories = new ArrayList<>();
        BigDecimal accessoriesTotal = BigDecimal.ZERO.setScale(2);
        for (QuoteInput.AccessoryInput accessory : orEmpty(input.accessories())) {
            BigDecimal unit = money.of("accessories.unitPrice", accessory.unitPrice());
            BigDecimal line = round(unit.multiply(BigDecimal.valueOf(accessory.quantity())));
            accessoriesTotal = accessoriesTotal.add(line);
            accessories.add(new PricedQuote.AccessoryLine(accessory.name().trim(), accessory.quantity(),
                    money.money(unit), money.money(line)));
        }

        List<PricedQuote.ServiceLine> services = new ArrayList<>();
        BigDecimal servicesTotal = BigDecimal.ZERO.setScale(2);
        for (QuoteInput.ServiceInput service : orEmpty(input.services())) {
            BigDecimal price = money.of("services.price", service.price());
            servicesTotal = servicesTotal.add(price);
            services.add(new PricedQuote.ServiceLine(service.kind(), blankToNull(service.description()),
                    money.money(price)));
        }
        BigDecimal subtotal = listPrice.add(accessoriesTotal).add(servicesTotal);

        BigDecimal discount = BigDecimal.ZERO.setScale(2);
        PricedQuote.Discount discountLine = null;
        if (input.discount() != null) {
            QuoteInput.DiscountInput given = input.discount();
            if ((given.amount() == null) == (given.percent() == null)) {
                throw ProblemException.invalid("discount", "give exactly one of amount or percent");
            }
            discount = given.amount() != null ? money.of("discount.amount", given.amount())
                    : round(listPrice.multiply(given.percent()).divide(HUNDRED));
            if (discount.compareTo(listPrice) > 0) {
                throw ProblemException.invalid("discount", "cannot exceed the list price (" + listPrice + ")");
            }
            discountLine = new PricedQuote.Discount(money.money(discount), percentOf(discount, listPrice),
                    given.reason().trim());
        }

        BigDecimal tradeInAllowance = BigDecimal.ZERO.setScale(2);
        BigDecimal overAllowance = BigDecimal.ZERO.setScale(2);
        PricedQuote.TradeIn tradeInLine = null;
        if (input.tradeIn() != null) {
            QuoteInput.TradeInInput tradeIn = input.tradeIn();
            BigDecimal appraised = money.of("tradeIn.appraisedValue", tradeIn.appraisedValue());
            tradeInAllowance = money.of("tradeIn.allowance", tradeIn.allowance());
            overAllowance = tradeInAllowance.subtract(appraised).max(BigDecimal.ZERO.setScale(2));
            tradeInLine = new PricedQuote.TradeIn(blankToNull(tradeIn.vin()), tradeIn.make().trim(),
                    tradeIn.model().trim(), tradeIn.modelYear(), tradeIn.mileageKm(), money.money(appraised),
                    money.money(tradeInAllowance));
        }

        BigDecimal fees = BigDecimal.ZERO.setScale(2);
        List<PricedQuote.Fee> feeLines = new ArrayList<>();
        if (input.financing() != null) {
            for (QuoteInput.FeeInput fee : orEmpty(input.financing().fees())) {
                BigDecimal amount = money.of("financing.fees.amount", fee.amount());
                fees = fees.add(amount);
                feeLines.add(new PricedQuote.Fee(fee.name().trim(), money.money(amount)));
            }
        }

        BigDecimal total = subtotal.subtract(discount).subtract(tradeInAllowance).add(fees);
        for (BigDecimal sum : List.of(subtotal, fees, total)) {
            if (sum.compareTo(LARGEST) > 0) {
                throw ProblemException.unprocessable("amount-too-large", "Amount too large",
                        "The quote adds up to more than " + LARGEST + ", the largest amount an amount field holds");
            }
        }
        if (total.signum() < 0) {
            throw ProblemException.unprocessable("trade-in-exceeds-price", "Trade-in exceeds the price",
                    "The trade-in allowance (" + tradeInAllowance + ") is more than the rest of the quote is worth ("
                            + subtotal.subtract(discount).add(fees) + "); the dealer would owe the customer");
        }

        PricedQuote.Financing financing = null;
        BigDecimal financedAmount = null;
        BigDecimal monthly = null;
        if (input.financing() != null) {
            QuoteInput.FinancingInput loan = input.financing();
            BigDecimal down = money.of("financing.downPayment", loan.downPayment());
            financedAmount = total.subtract(down);
            if (financedAmount.signum() <= 0) {
                throw ProblemException.invalid("financing.downPayment", "leaves nothing to finance: the total is "
                        + total);
            }
            BigDecimal rate = loan.annualRatePercent().stripTrailingZeros();
            monthly = monthlyPayment(financedAmount, rate, loan.termMonths());
            BigDecimal totalOfPayments = monthly.multiply(BigDecimal.valueOf(loan.termMonths()));
            financing = new PricedQuote.Financing(blankToNull(loan.lender()), money.money(down), loan.termMonths(),
                    loan.annualRatePercent(), feeLines, money.money(financedAmount), money.money(monthly),
                    money.money(totalOfPayments), money.money(totalOfPayments.subtract(financedAmount)));
        }

        BigDecimal netVehiclePrice = listPrice.subtract(discount).subtract(overAllowance);
        BigDecimal cost = vehicle.cost() == null ? null : vehicle.cost().setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal grossMargin = cost == null ? null : netVehiclePrice.subtract(cost);
        BigDecimal grossMarginPercent = grossMargin == null || netVehiclePrice.signum() <= 0 ? null
                : percentOf(grossMargin, netVehiclePrice);

        BigDecimal discountLimit = rules.salesDiscountLimitPercent().setScale(2);
        BigDecimal minimumMargin = rules.minimumGrossMarginPercent().setScale(2);
        List<ApprovalReason> reasons = guard(listPrice, discount, discountLimit, netVehiclePrice, grossMargin,
                minimumMargin);

        PricedQuote.Totals totals = new PricedQuote.Totals(money.money(listPrice), money.money(subtotal),
                money.money(discount), money.money(tradeInAllowance), money.money(fees), money.money(total),
                financedAmount == null ? null : money.money(financedAmount),
                monthly == null ? null : money.money(monthly));
        PricedQuote document = new PricedQuote(vehicle.line(), options, accessories, services, discountLine,
                tradeInLine, financing, totals, blankToNull(input.notes()));
        return new Pricing(document, listPrice, subtotal, discount, tradeInAllowance, fees, total, netVehiclePrice,
                cost, grossMargin, grossMarginPercent, discountLimit, minimumMargin, reasons);
    }

    /**
     * The margin guard, compared exactly (no rounding): a discount above the limit (percent of the list price), a
     * margin below the minimum (percent of the net vehicle price), or no cost to measure it against. The same rule
     * reads stored quotes, and PostgreSQL's quote_guard_matches_figures holds it too.
     */
    static List<ApprovalReason> guard(BigDecimal listPrice, BigDecimal discount, BigDecimal discountLimitPercent,
            BigDecimal netVehiclePrice, BigDecimal grossMargin, BigDecimal minimumMarginPercent) {
        List<ApprovalReason> reasons = new ArrayList<>();
        if (discount.multiply(HUNDRED).compareTo(discountLimitPercent.multiply(listPrice)) > 0) {
            reasons.add(ApprovalReason.DISCOUNT_ABOVE_LIMIT);
        }
        if (grossMargin == null) {
            reasons.add(ApprovalReason.COST_UNKNOWN);
        } else if (netVehiclePrice.signum() <= 0
                || grossMargin.multiply(HUNDRED).compareTo(minimumMarginPercent.multiply(netVehiclePrice)) < 0) {
            reasons.add(ApprovalReason.MARGIN_BELOW_MINIMUM);
        }
        return List.copyOf(reasons);
    }

    /**
     * The annuity payment P·r / (1 − (1 + r)^−n) with r the monthly rate, or P / n at 0 %; HALF_UP to 2 places.
     */
    static BigDecimal monthlyPayment(BigDecimal principal, BigDecimal annualRatePercent, int months) {
        if (annualRatePercent.signum() == 0) {
            return principal.divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_UP);
        }
        BigDecimal r = annualRatePercent.divide(HUNDRED, EXACT_ENOUGH).divide(MONTHS, EXACT_ENOUGH);
        BigDecimal growth = BigDecimal.ONE.add(r).pow(months, EXACT_ENOUGH);
        return principal.multiply(r).multiply(growth)
                .divide(growth.subtract(BigDecimal.ONE), EXACT_ENOUGH)
                .setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal percentOf(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }


    /** Amounts in the dealer's currency only: another currency on any line is a 400 naming it. */
    private record Amounts(String currency) {
        BigDecimal of(String field, Money money) {
            if (!currency.equals(money.currency())) {
                throw ProblemException.invalid(field, "must be in " + currency + ", the dealer's currency");
            }
            return money.amount().setScale(2, RoundingMode.UNNECESSARY);
        }

        Money money(BigDecimal amount) {
            return new Money(amount, currency);
        }
    }
}
