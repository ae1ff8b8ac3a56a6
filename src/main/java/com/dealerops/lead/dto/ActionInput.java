package com.dealerops.lead.dto;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LeadActionInput", description = "Optional note kept in the lead's history")
public record ActionInput(@Size(max = 500) @Schema(example = "客户确认预算和车型") String note) {
}
