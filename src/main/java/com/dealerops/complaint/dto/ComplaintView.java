package com.dealerops.complaint.dto;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.dealerops.common.money.Money;
import com.dealerops.complaint.ComplaintCategory;
import com.dealerops.complaint.ComplaintChannel;
import com.dealerops.complaint.ComplaintStatus;
import com.dealerops.complaint.CompensationKind;
import com.dealerops.complaint.RootCause;
import com.dealerops.complaint.Severity;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Complaint", description = "A complaint (投诉). Staff it names, and whoever registered it, see the "
        + "summary (access SUMMARY: no investigation, no compensation); finance sees the compensation too")
public record ComplaintView(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "0") long version,
        @Schema(required = true, example = "C-0193B0E1") String number,
        @Schema(required = true, description = "FULL, or SUMMARY for staff the complaint names and registrants")
        Access access,
        @Schema(required = true) ComplaintStatus status,
        @Schema(required = true) UUID customerId,
        UUID orderId,
        UUID deliveryId,
        UUID vehicleId,
        UUID leadId,
        @Schema(required = true) ComplaintCategory category,
        @Schema(required = true) Severity severity,
        @Schema(required = true) boolean safetyIssue,
        @Schema(required = true) ComplaintChannel channel,
        @Schema(required = true) String description,
        String desiredOutcome,
        @Schema(required = true) List<UUID> staffInvolved,
        @Schema(required = true) List<String> attachments,
        UUID handlerId,
        @Schema(required = true) Sla sla,
        @Schema(required = true) Escalation escalation,
        @Schema(description = "FULL access only") Investigation investigation,
        @Schema(description = "FULL access and finance") CompensationView compensation,
        @Schema(required = true, example = "0") int reopenedCount,
        @Schema(required = true, description = "What the caller may do next") List<String> allowedActions,
        @Schema(required = true) UUID createdBy,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt) {

    public enum Access {
        FULL, SUMMARY
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ComplaintSla", description = "Deadlines from the dealer's settings for the severity; the "
            + "resolution deadline moves by the time spent waiting for the customer. onTime is absent while the "
            + "clock still runs")
    public record Sla(@Schema(required = true) OffsetDateTime receivedAt,
            @Schema(required = true) OffsetDateTime acknowledgeBy, OffsetDateTime acknowledgedAt,
            Boolean acknowledgedOnTime,
            @Schema(required = true) OffsetDateTime resolveBy, OffsetDateTime resolvedAt, Boolean resolvedOnTime,
            @Schema(required = true, description = "Waiting for the customer now") boolean paused,
            @Schema(required = true, description = "Minutes waited for the customer so far", example = "0")
            long pausedMinutes,
            @Schema(description = "Every wait for the customer (single complaint only)") List<Pause> pauses) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ComplaintPause")
    public record Pause(@Schema(required = true) OffsetDateTime startedAt, OffsetDateTime endedAt,
            @Schema(required = true) String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ComplaintEscalation")
    public record Escalation(@Schema(required = true, description = "0 none, 1 customer service's head, 2 the "
            + "general manager", example = "0") int level, OffsetDateTime escalatedAt, UUID escalatedTo) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ComplaintInvestigation")
    public record Investigation(String notes, RootCause rootCauseCategory, String rootCause, String actionsTaken,
            String correctiveAction, UUID correctiveOwnerId, LocalDate correctiveDueOn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ComplaintCompensation")
    public record CompensationView(CompensationKind kind, Money amount, String description,
            @Schema(description = "The most a manager approved") Money approvedAmount, UUID approvedBy,
            @Schema(required = true, description = "Above this a manager's approval is needed") Money limit) {
    }
}
