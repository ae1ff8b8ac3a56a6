package com.dealerops.complaint.dto;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.complaint.ComplaintCategory;
import com.dealerops.complaint.ComplaintChannel;
import com.dealerops.complaint.Severity;

@Schema(name = "ComplaintInput", description = "A complaint registered on the customer's behalf")
public record ComplaintInput(
        @Schema(description = "Client-chosen id (offline creation); accepted once") UUID id,
        @NotNull @Schema(required = true) UUID customerId,
        UUID orderId,
        UUID deliveryId,
        UUID vehicleId,
        UUID leadId,
        @NotNull @Schema(required = true) ComplaintCategory category,
        @NotNull @Schema(required = true, description = "CRITICAL whatever is sent when safetyIssue is true")
        Severity severity,
        @Schema(description = "A safety issue (brakes, airbags, fire...): always CRITICAL", example = "false")
        Boolean safetyIssue,
        @NotNull @Schema(required = true) ComplaintChannel channel,
        @NotBlank @Size(max = 4000) @Schema(required = true, example = "交车时发现左后门有划痕，销售顾问称会处理但一周无人回复")
        String description,
        @Size(max = 1000) @Schema(example = "免费补漆并书面道歉") String desiredOutcome,
        @Size(max = 20) @Schema(description = "Staff the complaint names; they never handle it and read only its "
                + "summary") List<@NotNull UUID> staffInvolved,
        @Size(max = 20) @Schema(description = "References of photos, recordings, documents")
        List<@NotBlank @Size(max = 500) String> attachments) {
}
