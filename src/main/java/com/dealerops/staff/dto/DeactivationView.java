package com.dealerops.staff.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.staff.OpenWork;

@Schema(name = "Deactivation", description = "The deactivated staff member, and the work they still hold")
public record DeactivationView(@Schema(required = true) StaffView staff, @Schema(required = true) OpenWork openWork) {
}
