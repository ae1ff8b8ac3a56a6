package com.dealerops.followup.dto;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.settings.FollowUpChannel;

@Schema(name = "FollowUpReschedule")
public record RescheduleInput(
        @NotNull @Schema(required = true, example = "2026-12-02T15:00:00+08:00") OffsetDateTime dueAt,
        @Schema(description = "Unchanged when absent") FollowUpChannel channel,
        @NotBlank @Size(max = 500) @Schema(required = true, example = "客户出差，约下周二下午") String reason) {
}
