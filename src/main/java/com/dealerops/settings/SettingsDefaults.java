package com.dealerops.settings;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import com.dealerops.common.money.Money;
import com.dealerops.settings.DeliverySettings.ChecklistItem;
import com.dealerops.settings.DeliverySettings.FollowUpOwner;
import com.dealerops.settings.DeliverySettings.PlannedFollowUp;
import com.dealerops.settings.FollowUpSettings.SurveyQuestion;
import com.dealerops.settings.GeneralSettings.OpeningHours;

/** What a new dealer starts with: the practice of the operations manual, in Chinese and English. */
public final class SettingsDefaults {

    private SettingsDefaults() {
    }

    /** Every section as a new dealer has it (all at version 0). */
    public static DealerSettings all(String dealerName, String timeZone) {
        java.util.Map<String, Long> versions = new java.util.LinkedHashMap<>();
        for (SettingsSection section : SettingsSection.values()) {
            versions.put(section.path(), 0L);
        }
        return new DealerSettings(
                (GeneralSettings) of(SettingsSection.GENERAL, dealerName, timeZone),
                (LeadSettings) of(SettingsSection.LEADS, dealerName, timeZone),
                (TestDriveSettings) of(SettingsSection.TEST_DRIVES, dealerName, timeZone),
                (QuoteSettings) of(SettingsSection.QUOTES, dealerName, timeZone),
                (DeliverySettings) of(SettingsSection.DELIVERIES, dealerName, timeZone),
                (FollowUpSettings) of(SettingsSection.FOLLOW_UPS, dealerName, timeZone),
                (ComplaintSettings) of(SettingsSection.COMPLAINTS, dealerName, timeZone),
                versions);
    }

    static Record of(SettingsSection section, String dealerName, String timeZone) {
        return switch (section) {
            case GENERAL -> new GeneralSettings(dealerName, timeZone, "CNY",
                    EnumSet.allOf(DayOfWeek.class).stream()
                            .map(day -> new OpeningHours(day, LocalTime.of(8, 30), LocalTime.of(18, 0))).toList(),
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(), List.of());
            case LEADS -> new LeadSettings(15, new LeadSettings.GradeIntervals(2, 5, 7, 15), true);
            case TEST_DRIVES -> new TestDriveSettings(15, 180, 15, 30);
            case QUOTES -> new QuoteSettings(new BigDecimal("3.00"), new BigDecimal("5.00"), 7, Money.cny("2000.00"));
            case DELIVERIES -> new DeliverySettings(
                    List.of(item("EXTERIOR", "车身外观及漆面", "Exterior and paint"),
                            item("INTERIOR", "内饰及座椅", "Interior and seats"),
                            item("FLUIDS", "油液检查", "Fluid levels"),
                            item("TYRES", "轮胎及胎压", "Tyres and pressure"),
                            item("ELECTRONICS", "电气及灯光", "Electrics and lights"),
                            item("SOFTWARE_VERSION", "车机软件版本", "Software version"),
                            item("ACCESSORIES_FITTED", "精品附件安装", "Accessories fitted"),
                            item("CLEANING", "车辆清洁", "Cleaning"),
                            item("FUEL_CHARGE", "燃油或电量", "Fuel or charge level")),
                    List.of(item("INVOICE", "购车发票", "Invoice"),
                            item("CERTIFICATE_OF_CONFORMITY", "车辆合格证", "Certificate of conformity"),
                            item("WARRANTY_BOOKLET", "保修手册", "Warranty booklet"),
                            item("USER_MANUAL", "使用说明书", "User manual"),
                            item("KEYS", "钥匙", "Keys"),
                            item("LICENCE_PLATE", "车牌或临时牌照", "Licence plate or temporary plate"),
                            item("INSURANCE_POLICY", "保险单", "Insurance policy")),
                    List.of(new PlannedFollowUp(1, FollowUpChannel.PHONE, FollowUpOwner.SALESPERSON, false),
                            new PlannedFollowUp(7, FollowUpChannel.PHONE, FollowUpOwner.CUSTOMER_SERVICE, true),
                            new PlannedFollowUp(30, FollowUpChannel.PHONE, FollowUpOwner.CUSTOMER_SERVICE, false)));
            case FOLLOW_UPS -> new FollowUpSettings(new FollowUpSettings.SurveyTemplate(5, List.of(
                    new SurveyQuestion("SALES_CONSULTANT", "您对销售顾问的服务是否满意?",
                            "How satisfied are you with your sales consultant?"),
                    new SurveyQuestion("DELIVERY_PROCESS", "您对交车过程是否满意?",
                            "How satisfied were you with the delivery?"),
                    new SurveyQuestion("VEHICLE", "您对车辆本身是否满意?", "How satisfied are you with the vehicle?"))),
                    2, 6, 24);
            case COMPLAINTS -> new ComplaintSettings(
                    new ComplaintSettings.Sla(24, null, 5),
                    new ComplaintSettings.Sla(24, null, 5),
                    new ComplaintSettings.Sla(4, 72, null),
                    new ComplaintSettings.Sla(1, 24, null),
                    24);
        };
    }

    private static ChecklistItem item(String code, String zh, String en) {
        return new ChecklistItem(code, zh, en);
    }
}
