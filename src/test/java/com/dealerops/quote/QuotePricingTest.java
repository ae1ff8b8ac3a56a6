package com.dealerops.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.dealerops.common.error.ProblemException;
import com.dealerops.common.money.Money;
import com.dealerops.quote.dto.QuoteInput;
import com.dealerops.settings.QuoteSettings;

/** Every expected figure here was worked out by hand (the comments show how), not by the code under test. */
class QuotePricingTest {

    private static final QuoteSettings RULES = new QuoteSettings(new BigDecimal("3.00"), new BigDecimal("5.00"), 7,
            Money.cny("2000.00"));

    @Test
    void aStockCarWithAccessoriesServicesAndAPercentDiscount() {
        QuoteInput input = input(
                List.of(new QuoteInput.AccessoryInput("全车脚垫", 2, Money.cny("399.50"))),
                List.of(new QuoteInput.ServiceInput(ServiceKind.INSURANCE, "商业险", Money.cny("6200.00")),
                        new QuoteInput.ServiceInput(ServiceKind.REGISTRATION, null, Money.cny("500.00"))),
                new QuoteInput.DiscountInput(null, new BigDecimal("2.50"), "店庆"), null, null);
        QuotePricing.Pricing p = QuotePricing.price(input, stockCar("200000.00", "185000.00"), RULES, "CNY");
        // accessories 2 × 399.50 = 799.00; subtotal 200000 + 799 + 6200 + 500 = 207499.00
        assertEquals(new BigDecimal("799.00"), p.document().accessories().get(0).lineTotal().amount());
        assertEquals(new BigDecimal("207499.00"), p.subtotal());
        // 2.5 % of the list price 200000.00 = 5000.00
        assertEquals(new BigDecimal("5000.00"), p.discount());
        assertEquals(new BigDecimal("202499.00"), p.total());
        // margin: (200000 − 5000) − 185000 = 10000.00, 10000 / 195000 = 5.128…% → 5.13
        assertEquals(new BigDecimal("10000.00"), p.grossMargin());
        assertEquals(new BigDecimal("5.13"), p.grossMarginPercent());
        assertEquals(List.of(), p.approvalReasons());
    }

    @Test
    void aPercentDiscountIsRoundedHalfUpOnItsLine() {
        // 0.5 % of 1001.00 = 5.005: HALF_UP gives 5.01 (HALF_EVEN would give 5.00)
        QuotePricing.Pricing small = QuotePricing.price(input(null, null,
                new QuoteInput.DiscountInput(null, new BigDecimal("0.50"), "r"), null, null),
                stockCar("1001.00", "900.00"), RULES, "CNY");
        assertEquals(new BigDecimal("5.01"), small.discount());
        assertEquals(new BigDecimal("995.99"), small.total());
        // 1.25 % of 123456.78 = 1543.20975 → 1543.21; percentOfList shown back: 1543.21 / 123456.78 = 1.2500… → 1.25
        QuotePricing.Pricing p = QuotePricing.price(input(null, null,
                new QuoteInput.DiscountInput(null, new BigDecimal("1.25"), "r"), null, null),
                stockCar("123456.78", "100000.00"), RULES, "CNY");
        assertEquals(new BigDecimal("1543.21"), p.discount());
        assertEquals(new BigDecimal("1.25"), p.document().discount().percentOfList());
        assertEquals(new BigDecimal("121913.57"), p.total());
    }

    @Test
    void zeroRateFinancingDividesTheFinancedAmountWithItsFees() {
        QuoteInput input = input(null, null, null, null, new QuoteInput.FinancingInput("厂家金融",
                Money.cny("60000.00"), 36, new BigDecimal("0"),
                List.of(new QuoteInput.FeeInput("贷款手续费", Money.cny("1500.00")))));
        QuotePricing.Pricing p = QuotePricing.price(input, stockCar("202499.00", "180000.00"), RULES, "CNY");
        // total 202499 + fee 1500 = 203999.00; financed 203999 − 60000 = 143999.00; 143999 / 36 = 3999.9722 → 3999.97
        assertEquals(new BigDecimal("203999.00"), p.total());
        assertEquals(new BigDecimal("1500.00"), p.fees());
        PricedQuote.Financing loan = p.document().financing();
        assertEquals(new BigDecimal("143999.00"), loan.financedAmount().amount());
        assertEquals(new BigDecimal("3999.97"), loan.monthlyPayment().amount());
        // 36 × 3999.97 = 143998.92: the rounding leaves the charge 8 cents below zero, shown as it is
        assertEquals(new BigDecimal("143998.92"), loan.totalOfPayments().amount());
        assertEquals(new BigDecimal("-0.08"), loan.financeCharge().amount());
        assertEquals(new BigDecimal("3999.97"), p.document().totals().monthlyPayment().amount());
    }

    @Test
    void anAnnuityAtARateMatchesTheTextbookPayment() {
        // 100000 at 4.5 % a year over 36 months: r = 0.00375, (1 + r)^36 = 1.1442474…,
        // 100000 × 0.00375 × 1.1442474 / 0.1442474 = 2974.69 (the figure every loan table gives)
        assertEquals(new BigDecimal("2974.69"), QuotePricing.monthlyPayment(new BigDecimal("100000.00"),
                new BigDecimal("4.5"), 36));
        QuoteInput input = input(null, null, null, null, new QuoteInput.FinancingInput(null, Money.cny("50000.00"),
                36, new BigDecimal("4.5000"), null));
        QuotePricing.Pricing p = QuotePricing.price(input, stockCar("150000.00", "140000.00"), RULES, "CNY");
        assertEquals(new BigDecimal("2974.69"), p.document().financing().monthlyPayment().amount());
        // 36 × 2974.69 = 107088.84; charge 7088.84
        assertEquals(new BigDecimal("7088.84"), p.document().financing().financeCharge().amount());
    }

    @Test
    void aTradeInLargerThanALineIsCreditedAndItsOverAllowanceCostsMargin() {
        QuoteInput input = input(List.of(new QuoteInput.AccessoryInput("行车记录仪", 1, Money.cny("1200.00"))), null,
                null, new QuoteInput.TradeInInput(null, "大众", "朗逸", 2018, 86000, Money.cny("28000.00"),
                        Money.cny("30000.00")), null);
        QuotePricing.Pricing p = QuotePricing.price(input, stockCar("150000.00", "138000.00"), RULES, "CNY");
        // subtotal 151200.00; total 151200 − 30000 = 121200.00
        assertEquals(new BigDecimal("30000.00"), p.tradeInAllowance());
        assertEquals(new BigDecimal("121200.00"), p.total());
        // 2000 above the appraisal is a hidden discount: net vehicle 150000 − 2000 = 148000, margin 10000 → 6.76 %
        assertEquals(new BigDecimal("148000.00"), p.netVehiclePrice());
        assertEquals(new BigDecimal("10000.00"), p.grossMargin());
        assertEquals(new BigDecimal("6.76"), p.grossMarginPercent());
        assertEquals(List.of(), p.approvalReasons());
    }

    @Test
    void aTradeInWorthMoreThanEverythingElseIsRefused() {
        QuoteInput input = input(null, null, null, new QuoteInput.TradeInInput(null, "宝马", "X5", 2022, 20000,
                Money.cny("400000.00"), Money.cny("400000.00")), null);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> QuotePricing.price(input, stockCar("150000.00", "138000.00"), RULES, "CNY"));
        assertEquals(422, refused.status());
    }

    @Test
    void aDiscountAtExactlyTheLimitIsWithinItAndOneCentMoreIsNot() {
        // 3 % of 200000.00 = 6000.00 exactly
        QuotePricing.Pricing atLimit = QuotePricing.price(input(null, null,
                new QuoteInput.DiscountInput(Money.cny("6000.00"), null, "r"), null, null),
                stockCar("200000.00", "180000.00"), RULES, "CNY");
        assertEquals(List.of(), atLimit.approvalReasons());
        assertEquals(new BigDecimal("3.00"), atLimit.document().discount().percentOfList());
        QuotePricing.Pricing above = QuotePricing.price(input(null, null,
                new QuoteInput.DiscountInput(Money.cny("6000.01"), null, "r"), null, null),
                stockCar("200000.00", "180000.00"), RULES, "CNY");
        assertEquals(List.of(ApprovalReason.DISCOUNT_ABOVE_LIMIT), above.approvalReasons());
        // shown rounded (3.00) although it is above the limit: the guard compares exactly
        assertEquals(new BigDecimal("3.00"), above.document().discount().percentOfList());
    }

    @Test
    void aThinMarginOrAnUnknownCostNeedsApproval() {
        // (200000 − 0) − 192000 = 8000 = 4 % < 5 %
        QuotePricing.Pricing thin = QuotePricing.price(input(null, null, null, null, null),
                stockCar("200000.00", "192000.00"), RULES, "CNY");
        assertEquals(List.of(ApprovalReason.MARGIN_BELOW_MINIMUM), thin.approvalReasons());
        // exactly 5 %: 200000 − 190000 = 10000 = 5.00 % is enough
        assertEquals(List.of(), QuotePricing.price(input(null, null, null, null, null),
                stockCar("200000.00", "190000.00"), RULES, "CNY").approvalReasons());
        QuotePricing.Pricing unknown = QuotePricing.price(input(null, null, null, null, null),
                new QuotePricing.VehicleFacts(line("200000.00"), null), RULES, "CNY");
        assertEquals(List.of(ApprovalReason.COST_UNKNOWN), unknown.approvalReasons());
        assertNull(unknown.grossMargin());
        assertTrue(unknown.approvalRequired());
    }

    @Test
    void anotherCurrencyOnAnyLineIsRefused() {
        QuoteInput input = input(List.of(new QuoteInput.AccessoryInput("x", 1, new Money(new BigDecimal("1.00"),
                "USD"))), null, null, null, null);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> QuotePricing.price(input, stockCar("1000.00", "900.00"), RULES, "CNY"));
        assertEquals(400, refused.status());
    }

    private static QuoteInput input(List<QuoteInput.AccessoryInput> accessories,
            List<QuoteInput.ServiceInput> services, QuoteInput.DiscountInput discount,
            QuoteInput.TradeInInput tradeIn, QuoteInput.FinancingInput financing) {
        return new QuoteInput(null, UUID.randomUUID(), UUID.randomUUID(), null, null, accessories, services,
                discount, tradeIn, financing, null);
    }

    private static QuotePricing.VehicleFacts stockCar(String price, String cost) {
        return new QuotePricing.VehicleFacts(line(price), new BigDecimal(cost));
    }

    private static PricedQuote.VehicleLine line(String price) {
        return new PricedQuote.VehicleLine(UUID.randomUUID(), "LGXCE4CB8N0000017", "S-1", "比亚迪", "汉 EV", null, null,
                2026, false, Money.cny(price));
    }
}
