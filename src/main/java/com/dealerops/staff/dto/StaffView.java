package com.dealerops.staff.dto;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.common.security.Department;
import com.dealerops.staff.Staff;

/**
 * A staff member as the directory shows them. Admins (and the staff member, on /me) see every field; other roles
 * see id, version, name, department, head, onDuty and active only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Staff", description = "A staff member. Roles other than admin see only id, version, name, "
        + "department, head, onDuty and active.")
public record StaffView(
        @Schema(required = true, example = "0193b0a4-0000-7000-8000-000000000101") UUID id,
        @Schema(required = true, example = "2") long version,
        @Schema(required = true, example = "李伟") String name,
        @Schema(required = true) Department department,
        @Schema(description = "DEPARTMENT: head of their department; DEALER: general manager") Staff.Head head,
        @Schema(required = true, description = "Takes part in lead routing", example = "true") boolean onDuty,
        @Schema(required = true, example = "true") boolean active,
        @Schema(description = "The sub claim of their tokens (admin only)", example = "li.wei@dealer.example")
        String subject,
        @Schema(description = "Roles of their last token, or those expected at pre-registration (admin only)",
                example = "[\"sales\"]") List<String> roles,
        @Schema(description = "E.164 (admin only)", example = "+8613600000101") String phone,
        OffsetDateTime onDutyChangedAt,
        @Schema(description = "First request with a valid token") OffsetDateTime firstSeenAt,
        OffsetDateTime lastSeenAt,
        OffsetDateTime deactivatedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
