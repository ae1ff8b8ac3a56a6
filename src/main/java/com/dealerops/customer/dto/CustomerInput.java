package com.dealerops.customer.dto;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.customer.ContactChannel;
import com.dealerops.customer.ContactTime;
import com.dealerops.customer.Gender;
import com.dealerops.customer.Source;
import com.dealerops.common.phone.ValidPhone;

/** What a client sends to create a customer (POST) or to replace one (PUT). */
@Schema(name = "CustomerInput", description = "A customer as a client writes it. On PUT, an absent field is "
        + "cleared (consents become false).")
public record CustomerInput(
        @Schema(description = "Optional client-chosen id (for records created offline); accepted once. "
                + "On PUT it must be absent or equal to the path id.",
                example = "0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21") UUID id,
        @NotBlank @Size(max = 100) @Schema(required = true, example = "王芳") String name,
        @NotBlank @ValidPhone @Schema(required = true, description = "Mobile number in E.164, or a Chinese mobile "
                + "number without +86", example = "13812345678") String phone,
        @Email @Size(max = 254) @Schema(example = "wang.fang@example.cn") String email,
        @Size(min = 1, max = 64) @Schema(example = "wangfang_88") String wechatId,
        Gender gender,
        @Size(max = 100) @Schema(example = "杭州") String city,
        ContactChannel preferredChannel,
        ContactTime preferredContactTime,
        @Schema(description = "Consent to be contacted (calls, follow-up visits); false when absent",
                example = "true") Boolean contactConsent,
        @Schema(description = "Consent to marketing; requires contactConsent", example = "false")
        Boolean marketingConsent,
        @Size(max = 4000) @Schema(example = "对比了两款SUV, 周末带家人再来") String notes,
        @Schema(description = "The salesperson responsible. A salesperson may only name themselves (or leave it "
                + "empty, which means themselves); a sales manager may name any active salesperson or manager.")
        UUID ownerId,
        Source source) {
}
