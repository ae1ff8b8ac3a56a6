package com.dealerops.settings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who the dealer is and when it works: the calendar SLAs and bookings are computed with, in its time zone. */
@Schema(name = "GeneralSettings")
public record GeneralSettings(
        @NotBlank @Size(max = 200) @Schema(required = true, example = "杭州西湖汽车销售服务有限公司") String displayName,
        @NotBlank @Size(max = 64) @Schema(required = true, description = "IANA time zone; every date and time of the "
                + "dealer is computed in it", example = "Asia/Shanghai") String timeZone,
        @NotBlank @Pattern(regexp = "[A-Z]{3}") @Schema(required = true, description = "ISO 4217", example = "CNY")
        String currency,
        @NotNull @Size(max = 7) @Schema(required = true, description = "Showroom hours; a weekday not listed "
                + "is closed") List<@Valid OpeningHours> openingHours,
        @NotNull @Size(max = 7) @Schema(required = true, description = "Weekdays that count as working days for "
                + "SLAs (complaints' working-day deadlines)") Set<DayOfWeek> workingDays,
        @NotNull @Size(max = 100) @Schema(required = true, description = "Public holidays: never working "
                + "days") List<@Valid Holiday> holidays,
        @NotNull @Size(max = 50) @Schema(required = true, description = "Make-up working days (调休) that fall on a "
                + "weekday not in workingDays") List<LocalDate> extraWorkingDays) {

    @Schema(name = "OpeningHours")
    public record OpeningHours(@NotNull @Schema(required = true) DayOfWeek day,
            @NotNull @Schema(required = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    format = "time", example = "08:30") LocalTime opens,
            @NotNull @Schema(required = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    format = "time", example = "18:00") LocalTime closes) {
    }

    @Schema(name = "Holiday")
    public record Holiday(@NotNull @Schema(required = true, example = "2026-10-01") LocalDate date,
            @NotBlank @Size(max = 100) @Schema(required = true, example = "国庆节") String name) {
    }
}
