package com.dealerops.customer.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.customer.ContactChannel;
import com.dealerops.customer.ContactTime;
import com.dealerops.customer.Gender;
import com.dealerops.customer.Source;

/**
 * A customer as the service shows it. Absent fields are empty. A deleted customer appears in delta sync as a
 * tombstone: only id, version, deleted and updatedAt.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Customer", description = "A customer file. For after-sales staff the phone and email are masked "
        + "and wechatId is absent. A tombstone (deleted=true, only in updatedSince lists) has only id, version, "
        + "deleted and updatedAt.")
public record CustomerView(
        @Schema(required = true, example = "0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21") UUID id,
        @Schema(required = true, description = "Changes on every write; the ETag is this number in quotes",
                example = "3") long version,
        @Schema(required = true, example = "false") boolean deleted,
        @Schema(example = "王芳") String name,
        @Schema(description = "E.164, or masked (138****5678) for roles that do not call customers",
                example = "+8613812345678") String phone,
        @Schema(example = "wang.fang@example.cn") String email,
        @Schema(example = "wangfang_88") String wechatId,
        Gender gender,
        @Schema(example = "杭州") String city,
        ContactChannel preferredChannel,
        ContactTime preferredContactTime,
        @Schema(example = "true") Boolean contactConsent,
        @Schema(description = "When contact consent was last given or withdrawn",
                example = "2026-11-28T09:30:00+08:00") OffsetDateTime contactConsentChangedAt,
        @Schema(example = "false") Boolean marketingConsent,
        @Schema(description = "When marketing consent was last given or withdrawn")
        OffsetDateTime marketingConsentChangedAt,
        @Schema(example = "对比了两款SUV, 周末带家人再来") String notes,
        @Schema(description = "The salesperson responsible") UUID ownerId,
        Source source,
        @Schema(example = "2026-11-28T09:30:00+08:00") OffsetDateTime createdAt,
        @Schema(required = true, example = "2026-11-28T09:30:00+08:00") OffsetDateTime updatedAt) {
}
