package com.dealerops.settings;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

/** Satisfaction surveys (满意度调查) and when a follow-up counts as late. */
@Schema(name = "FollowUpSettings")
public record FollowUpSettings(
        @NotNull @Valid @Schema(required = true) SurveyTemplate survey,
        @NotNull @Range(min = 1, max = 9) @Schema(required = true, description = "An answer at or below this score "
                + "(on any question) opens a task for customer service; below survey.scaleMax", example = "2")
        Integer lowScoreThreshold,
        @NotNull @Range(min = 0, max = 10) @Schema(required = true, description = "An NPS at or below this opens a "
                + "task too", example = "6") Integer npsLowThreshold,
        @NotNull @Range(min = 0, max = 720) @Schema(required = true, description = "Hours after its due time a "
                + "follow-up is shown to managers as overdue", example = "24") Integer overdueToleranceHours) {

    @Schema(name = "SurveyTemplate")
    public record SurveyTemplate(
            @NotNull @Range(min = 3, max = 10) @Schema(required = true, description = "Answers go from 1 to this",
                    example = "5") Integer scaleMax,
            @NotEmpty @Size(max = 20) @Schema(required = true) List<@Valid SurveyQuestion> questions) {
    }

    @Schema(name = "SurveyQuestion")
    public record SurveyQuestion(
            @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") @Schema(required = true, example = "DELIVERY_PROCESS")
            String code,
            @NotBlank @Size(max = 200) @Schema(required = true, example = "您对交车过程是否满意?") String textZh,
            @NotBlank @Size(max = 200) @Schema(required = true, example = "How satisfied were you with the delivery?")
            String textEn) {
    }
}
