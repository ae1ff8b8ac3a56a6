package com.dealerops.staff.dto;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.settings.DealerSettings;


/** What an app needs at start-up, in one response. */
@Schema(name = "Me")
public record MeView(
        @Schema(required = true, description = "The caller's directory entry, every field") StaffView staff,
        @Schema(required = true, description = "Roles of the caller's token", example = "[\"sales\"]")
        List<String> roles,
        @Schema(required = true) Dealer dealer,
        @Schema(required = true, description = "Today in the dealer's time zone", example = "2026-11-28")
        LocalDate today,
        @Schema(required = true, description = "Whether today is a working day of the dealer's calendar")
        boolean workingDay,
        @Schema(required = true, description = "Whether the showroom is open now") boolean openNow,
        @Schema(required = true) DealerSettings settings) {

    @Schema(name = "MeDealer")
    public record Dealer(@Schema(required = true) UUID id,
            @Schema(required = true, example = "杭州西湖汽车销售服务有限公司") String name,
            @Schema(required = true, example = "Asia/Shanghai") String timeZone,
            @Schema(required = true, example = "CNY") String currency) {
    }
}
