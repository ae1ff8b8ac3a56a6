package com.dealerops.complaint.dto;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.common.money.Money;
import com.dealerops.complaint.CompensationKind;
import com.dealerops.complaint.RootCause;

@Schema(name = "ComplaintResolution")
public record ResolutionInput(
        @NotNull @Valid @Schema(required = true) Cause rootCause,
        @NotBlank @Size(max = 4000) @Schema(required = true, example = "免费补漆，销售经理当面致歉") String actionsTaken,
        @Valid @Schema(description = "Above the dealer's limit (quotes settings, compensationApprovalThreshold) "
                + "only once a manager approved at least this amount") Compensation compensation,
        @Valid @Schema(description = "What the dealer changes so it does not happen again (持续改进)")
        CorrectiveAction correctiveAction) {

    @Schema(name = "RootCauseInput")
    public record Cause(@NotNull @Schema(required = true) RootCause category,
            @NotBlank @Size(max = 4000) @Schema(required = true, example = "交车前检查未覆盖车门下沿") String text) {
    }

    @Schema(name = "CompensationInput")
    public record Compensation(@NotNull @Schema(required = true) CompensationKind kind,
            @NotNull @Valid @Schema(required = true, description = "The cash, or the goodwill item's value")
            Money amount,
            @NotBlank @Size(max = 500) @Schema(required = true, example = "免费补漆一次") String description) {
    }

    @Schema(name = "CorrectiveActionInput")
    public record CorrectiveAction(@NotBlank @Size(max = 2000) @Schema(required = true,
            example = "PDI 外观检查增加车门下沿与底部") String description,
            @NotNull @Schema(required = true, description = "An active staff member who owns it") UUID ownerId,
            @NotNull @Schema(required = true, example = "2026-12-31") LocalDate dueOn) {
    }
}
