package com.dealerops.staff.dto;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Identity", description = "The caller as the service reads them from their token")
public record IdentityView(
        @Schema(required = true) UUID staffId,
        @Schema(required = true, description = "The sub claim") String subject,
        @Schema(required = true) String name,
        @Schema(required = true) UUID dealerId,
        @Schema(required = true) List<String> roles,
        @Schema(required = true, description = "The dealer's time zone", example = "Asia/Shanghai") String timeZone) {
}
