package com.dealerops.settings;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** All sections of one dealer's settings, with the version (ETag) of each. */
@Schema(name = "DealerSettings")
public record DealerSettings(
        @Schema(required = true) GeneralSettings general,
        @Schema(required = true) LeadSettings leads,
        @JsonProperty("test-drives") @Schema(required = true) TestDriveSettings testDrives,
        @Schema(required = true) QuoteSettings quotes,
        @Schema(required = true) DeliverySettings deliveries,
        @JsonProperty("follow-ups") @Schema(required = true) FollowUpSettings followUps,
        @Schema(required = true) ComplaintSettings complaints,
        @Schema(required = true, description = "Version of each section: send it as If-Match (\"3\") when you PUT "
                + "that section", example = "{\"general\":0,\"leads\":2,\"test-drives\":0,\"quotes\":1,"
                        + "\"deliveries\":0,\"follow-ups\":0,\"complaints\":0}") Map<String, Long> versions) {

    public <T extends Record> T section(SettingsSection section, Class<T> type) {
        return type.cast(switch (section) {
            case GENERAL -> general;
            case LEADS -> leads;
            case TEST_DRIVES -> testDrives;
            case QUOTES -> quotes;
            case DELIVERIES -> deliveries;
            case FOLLOW_UPS -> followUps;
            case COMPLAINTS -> complaints;
        });
    }
}
