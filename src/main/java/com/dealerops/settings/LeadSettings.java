package com.dealerops.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How fast leads must be answered and how often they are nurtured. Sales managers may edit. */
@Schema(name = "LeadSettings")
public record LeadSettings(
        @NotNull @Range(min = 1, max = 1440) @Schema(required = true, description = "Minutes from a lead's creation "
                + "to its first contact before it returns to the pool", example = "15") Integer firstResponseMinutes,
        @NotNull @Valid @Schema(required = true) GradeIntervals followUpIntervalDays,
        @NotNull @Schema(required = true, description = "Give unassigned leads to on-duty salespeople "
                + "automatically", example = "true") Boolean autoRouting) {

    @Schema(name = "GradeIntervals", description = "Days between nurture follow-ups, per lead grade")
    public record GradeIntervals(
            @JsonProperty("H") @NotNull @Range(min = 1, max = 90) @Schema(required = true, example = "2") Integer h,
            @JsonProperty("A") @NotNull @Range(min = 1, max = 90) @Schema(required = true, example = "5") Integer a,
            @JsonProperty("B") @NotNull @Range(min = 1, max = 90) @Schema(required = true, example = "7") Integer b,
            @JsonProperty("C") @NotNull @Range(min = 1, max = 90) @Schema(required = true, example = "15") Integer c) {
    }
}
