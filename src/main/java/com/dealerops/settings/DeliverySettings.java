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

/** The delivery standard (交车标准): what is inspected, what is handed over, and who calls the customer after. */
@Schema(name = "DeliverySettings")
public record DeliverySettings(
        @NotEmpty @Size(max = 50) @Schema(required = true, description = "PDI checklist, in order")
        List<@Valid ChecklistItem> pdiChecklist,
        @NotEmpty @Size(max = 30) @Schema(required = true, description = "Documents handed over at delivery")
        List<@Valid ChecklistItem> requiredDocuments,
        @NotNull @Size(max = 10) @Schema(required = true, description = "Follow-ups scheduled when a car is "
                + "delivered") List<@Valid PlannedFollowUp> followUpPlan) {

    @Schema(name = "ChecklistItem")
    public record ChecklistItem(
            @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") @Schema(required = true, example = "TYRES") String code,
            @NotBlank @Size(max = 100) @Schema(required = true, example = "轮胎及胎压") String labelZh,
            @NotBlank @Size(max = 100) @Schema(required = true, example = "Tyres and pressure") String labelEn) {
    }

    @Schema(name = "PlannedFollowUp")
    public record PlannedFollowUp(
            @NotNull @Range(min = 0, max = 365) @Schema(required = true, description = "Days after delivery",
                    example = "7") Integer dayOffset,
            @NotNull @Schema(required = true) FollowUpChannel channel,
            @NotNull @Schema(required = true) FollowUpOwner assignee,
            @NotNull @Schema(required = true, description = "Whether this follow-up carries the satisfaction survey",
                    example = "true") Boolean survey) {
    }

    /** Who a planned follow-up is given to. */
    public enum FollowUpOwner {
        SALESPERSON, CUSTOMER_SERVICE
    }
}
