package com.dealerops.lead.dto;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.lead.ActivityChannel;
import com.dealerops.lead.ActivityKind;
import com.dealerops.lead.ActivityOutcome;
import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "Activity")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID leadId,
        @Schema(required = true) ActivityKind kind,
        ActivityChannel channel,
        ActivityOutcome outcome,
        String notes,
        @Schema(description = "For INTEREST: what the duplicate intake asked for (source, interests, timeframe, "
                + "comments)") Map<String, Object> details,
        @Schema(required = true) UUID staffId,
        @Schema(required = true) OffsetDateTime occurredAt,
        @Schema(required = true) OffsetDateTime recordedAt) {
}
