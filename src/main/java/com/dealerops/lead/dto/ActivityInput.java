package com.dealerops.lead.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.lead.ActivityChannel;
import com.dealerops.lead.ActivityOutcome;

/** A call, message, visit or note to record on a lead. */
@Schema(name = "ActivityInput", description = "A CALL or VISIT on a NEW lead is its first contact (status CONTACTED).")
public record ActivityInput(
        @Schema(description = "Optional client-chosen id (recorded offline); accepted once") UUID id,
        @NotNull @Schema(required = true) Kind kind,
        ActivityChannel channel,
        ActivityOutcome outcome,
        @Size(max = 4000) @Schema(example = "客户周六上午来店试驾") String notes,
        @Schema(description = "When it happened (not in the future); now when absent") OffsetDateTime occurredAt) {

    /** What a client may record (INTEREST is the service's own). */
    @Schema(name = "ActivityInputKind")
    public enum Kind {
        CALL, MESSAGE, VISIT, NOTE
    }
}
