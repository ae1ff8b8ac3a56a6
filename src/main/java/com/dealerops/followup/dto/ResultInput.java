package com.dealerops.followup.dto;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

import com.dealerops.followup.ResultStatus;

@Schema(name = "FollowUpResult", description = "The result of a follow-up, as recorded on a phone that may have "
        + "been offline: the phone gives the result its own id, so sending it again never records it twice")
public record ResultInput(
        @NotNull @Schema(required = true, description = "The result's id, chosen by the recording device")
        UUID id,
        @NotNull @Schema(required = true) ResultStatus status,
        @NotNull @Schema(required = true, description = "When the call or visit took place (not in the future)",
                example = "2026-11-29T10:20:00+08:00") OffsetDateTime occurredAt,
        @NotBlank @Size(max = 200) @Schema(required = true, example = "客户对车辆满意，询问首保时间") String outcome,
        @Size(max = 4000) String notes,
        @Valid @Schema(description = "The survey's answers and the NPS; DONE only") Satisfaction satisfaction,
        @Size(max = 500) @Schema(example = "12月10日提醒首保") String nextAction,
        @Schema(description = "A complaint's closure call (COMPLAINT_CLOSURE, DONE only, then required): whether "
                + "the customer accepts the resolution; false reopens the complaint") Boolean resolutionAccepted,
        @Schema(description = "With a low score only (400 otherwise): also register a complaint (RECEIVED) for "
                + "customer service from this call", example = "false") Boolean openComplaint,
        @Valid @Schema(description = "Where a visit took place") Location location) {

    @Schema(name = "Satisfaction")
    public record Satisfaction(
            @Size(max = 20) @Schema(description = "One answer per question of the dealer's survey template")
            List<@Valid @NotNull Answer> answers,
            @Range(min = 0, max = 10) @Schema(description = "Net promoter score 0-10", example = "9") Integer nps) {
    }

    @Schema(name = "SurveyAnswer")
    public record Answer(
            @NotBlank @Size(max = 40) @Schema(required = true, example = "DELIVERY_PROCESS") String question,
            @NotNull @Range(min = 1, max = 10) @Schema(required = true, description = "1 to the template's "
                    + "scaleMax", example = "5") Integer score) {
    }

    @Schema(name = "Location")
    public record Location(
            @NotNull @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 2, fraction = 6)
            @Schema(required = true, example = "30.274085") BigDecimal latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 6)
            @Schema(required = true, example = "120.155070") BigDecimal longitude,
            @Size(max = 300) @Schema(example = "杭州市西湖区文三路 90 号") String address) {
    }
}
