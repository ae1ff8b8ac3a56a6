package com.dealerops.lead.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.lead.LeadStatus;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A lead whose first contact did not happen in time, for the sales managers. */
@Schema(name = "ResponseMiss")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseMissView(
        @Schema(required = true) UUID leadId,
        @Schema(required = true) String customerName,
        @Schema(description = "Who had the lead when it was missed; absent when it was unassigned") UUID assigneeId,
        String assigneeName,
        @Schema(required = true) OffsetDateTime dueAt,
        @Schema(required = true) OffsetDateTime detectedAt,
        @Schema(required = true, description = "The lead's status now") LeadStatus status,
        @Schema(description = "Who has the lead now") UUID currentAssigneeId,
        @Schema(description = "When the customer was eventually contacted") OffsetDateTime firstContactAt) {
}
