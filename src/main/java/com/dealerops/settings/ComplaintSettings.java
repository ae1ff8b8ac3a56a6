package com.dealerops.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

/** Complaint SLAs per severity (及时) and escalation. */
@Schema(name = "ComplaintSettings")
public record ComplaintSettings(
        @NotNull @Valid @Schema(required = true) Sla low,
        @NotNull @Valid @Schema(required = true) Sla medium,
        @NotNull @Valid @Schema(required = true) Sla high,
        @NotNull @Valid @Schema(required = true) Sla critical,
        @NotNull @Range(min = 1, max = 720) @Schema(required = true, description = "Hours after the first escalation "
                + "(to the customer-service head) that a still-open complaint goes to the general manager",
                example = "24") Integer secondEscalationAfterHours) {

    @Schema(name = "Sla", description = "Deadlines of one severity; the resolution deadline is in hours or in "
            + "working days of the dealer's calendar (exactly one of the two)")
    public record Sla(
            @NotNull @Range(min = 1, max = 720) @Schema(required = true, example = "4") Integer acknowledgeHours,
            @Range(min = 1, max = 2160) @Schema(example = "72") Integer resolveHours,
            @Range(min = 1, max = 60) @Schema(example = "5") Integer resolveWorkingDays) {
    }
}
