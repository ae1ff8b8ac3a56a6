package com.dealerops.followup.dto;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FollowUpAssignment")
public record AssignInput(
        @Schema(description = "An active member of the follow-up's team; null puts a customer-service follow-up "
                + "back in the team's queue", example = "0193b0a4-0000-7000-8000-000000000401") UUID assigneeId) {
}
