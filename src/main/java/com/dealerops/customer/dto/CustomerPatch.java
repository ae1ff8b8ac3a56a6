package com.dealerops.customer.dto;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.customer.ContactChannel;
import com.dealerops.customer.ContactTime;
import com.dealerops.customer.Gender;
import com.dealerops.customer.Source;

/**
 * A JSON Merge Patch (RFC 7396) of a customer: only the fields present change; null clears a field. The result
 * is validated as a {@link CustomerInput}.
 */
@Schema(name = "CustomerPatch", description = "JSON Merge Patch of a customer: fields present are changed, "
        + "null clears one, absent ones stay. The result must still be a valid CustomerInput.",
        example = "{\"city\":\"杭州\",\"notes\":null}")
public record CustomerPatch(
        @Schema(nullable = true) String name,
        @Schema(nullable = true) String phone,
        @Schema(nullable = true) String email,
        @Schema(nullable = true) String wechatId,
        @Schema(nullable = true) Gender gender,
        @Schema(nullable = true) String city,
        @Schema(nullable = true) ContactChannel preferredChannel,
        @Schema(nullable = true) ContactTime preferredContactTime,
        @Schema(nullable = true) Boolean contactConsent,
        @Schema(nullable = true) Boolean marketingConsent,
        @Schema(nullable = true) String notes,
        @Schema(nullable = true) UUID ownerId,
        @Schema(nullable = true) Source source) {
}
