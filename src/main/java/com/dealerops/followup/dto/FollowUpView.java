package com.dealerops.followup.dto;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.dealerops.followup.FollowUpKind;
import com.dealerops.followup.FollowUpStatus;
import com.dealerops.followup.FollowUpTeam;
import com.dealerops.followup.ResultStatus;
import com.dealerops.settings.FollowUpChannel;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FollowUp", description = "A follow-up visit or call (回访)")
public record FollowUpView(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "0") long version,
        @Schema(required = true) FollowUpKind kind,
        @Schema(required = true) FollowUpStatus status,
        @Schema(required = true) UUID customerId,
        UUID leadId,
        UUID deliveryId,
        UUID complaintId,
        @Schema(description = "The follow-up this one replaces (rescheduled) or whose low score opened it")
        UUID originId,
        @Schema(required = true) FollowUpTeam team,
        @Schema(description = "Absent while in customer service's queue") UUID assigneeId,
        @Schema(required = true) FollowUpChannel channel,
        @Schema(required = true) OffsetDateTime dueAt,
        @Schema(required = true, description = "DUE and more than the dealer's tolerance past its due time")
        boolean overdue,
        @Schema(required = true, description = "Carries the satisfaction survey") boolean survey,
        String purpose,
        @Schema(description = "Present once DONE or MISSED") Result result,
        String cancelReason,
        @Schema(description = "The follow-up that replaced this one") UUID rescheduledTo,
        @Schema(required = true, description = "What the caller may do: result, assign, reschedule, cancel")
        List<String> allowedActions,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FollowUpResultView")
    public record Result(@Schema(required = true) UUID id,
            @Schema(required = true) ResultStatus status,
            @Schema(required = true) OffsetDateTime occurredAt,
            @Schema(required = true, description = "How long after the due time it took place; 0 when on time",
                    example = "0") int lateMinutes,
            @Schema(required = true) String outcome,
            String notes,
            Satisfaction satisfaction,
            @Schema(required = true, description = "A score at or below the dealer's thresholds; customer service "
                    + "was given a CARE_CALLBACK") boolean lowScore,
            String nextAction,
            @Schema(description = "A complaint's closure call: whether the customer accepted the resolution")
            Boolean resolutionAccepted,
            Location location,
            @Schema(required = true) UUID recordedBy,
            @Schema(required = true) OffsetDateTime recordedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SatisfactionView")
    public record Satisfaction(@Schema(required = true) List<Answer> answers, Integer nps) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SurveyAnswerView")
    public record Answer(@Schema(required = true) String question, @Schema(required = true) int score) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "LocationView")
    public record Location(@Schema(required = true) BigDecimal latitude, @Schema(required = true)
            BigDecimal longitude, String address) {
    }
}
