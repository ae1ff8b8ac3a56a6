package com.dealerops.followup.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.followup.FollowUpKind;
import com.dealerops.settings.FollowUpChannel;

@Schema(name = "FollowUpInput", description = "A follow-up scheduled by hand. POST_DELIVERY, LEAD_NURTURE and "
        + "CARE_CALLBACK follow-ups are scheduled by the service itself (hand-over plan, lead grade, low score).")
public record FollowUpInput(
        @Schema(description = "Client-chosen id (offline creation); accepted once") UUID id,
        @NotNull @Schema(required = true, enumeration = { "POST_SERVICE", "SURVEY" }) FollowUpKind kind,
        @NotNull @Schema(required = true) UUID customerId,
        @Schema(description = "Whom it is for; the caller when absent. Customer service may give it to a "
                + "colleague, sales managers to a salesperson") UUID assigneeId,
        @NotNull @Schema(required = true) FollowUpChannel channel,
        @NotNull @Schema(required = true, example = "2026-12-01T10:00:00+08:00") OffsetDateTime dueAt,
        @Schema(description = "Carries the dealer's satisfaction survey", example = "true") Boolean survey,
        @Size(max = 500) @Schema(example = "保养后回访：确认刹车异响已解决") String purpose) {
}
