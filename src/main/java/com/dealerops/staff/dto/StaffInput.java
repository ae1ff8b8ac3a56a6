package com.dealerops.staff.dto;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.common.phone.ValidPhone;
import com.dealerops.common.security.Department;
import com.dealerops.staff.Staff;

/** A staff member an admin registers ahead of their first login, or edits. */
@Schema(name = "StaffInput", description = "Name and roles are refreshed from the staff member's token each time they "
        + "sign in; department, head and phone are the directory's own.")
public record StaffInput(
        @Size(min = 1, max = 255) @Schema(description = "The sub claim the identity provider will send (POST only; "
                + "absent or unchanged on PUT)", example = "li.wei@dealer.example") String subject,
        @NotBlank @Size(max = 200) @Schema(required = true, example = "李伟") String name,
        @NotNull @Schema(required = true) Department department,
        Staff.Head head,
        @NotNull @Size(max = 7) @Schema(required = true, description = "Roles expected in their tokens",
                example = "[\"sales\"]") Set<@Pattern(regexp = "sales|sales-manager|after-sales|customer-service|"
                        + "finance|admin|integration", message = "must be one of the seven roles") String> roles,
        @ValidPhone @Schema(example = "13600000101") String phone) {
}
