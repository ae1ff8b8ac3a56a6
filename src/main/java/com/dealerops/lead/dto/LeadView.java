package com.dealerops.lead.dto;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.customer.Source;
import com.dealerops.lead.Grade;
import com.dealerops.lead.LeadStatus;
import com.dealerops.lead.TradeIn;
import com.dealerops.lead.VehicleInterest;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A lead as a client sees it. The integration role (and a caller whose intake matched a lead they may not read)
 * gets only the intake fields: id, version, status, source, provider, providerLeadId, createdAt and, for a
 * duplicate, duplicateOf and duplicateMatch.
 */
@Schema(name = "Lead")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeadView(
        @Schema(required = true) UUID id,
        @Schema(required = true) long version,
        @Schema(required = true) LeadStatus status,
        Grade grade,
        @Schema(description = "The grade from the timeframe, whatever a manager set") Grade computedGrade,
        GradeOverride gradeOverride,
        @Schema(required = true) Source source,
        String provider,
        String providerLeadId,
        LeadCustomer customer,
        List<VehicleInterest> interests,
        Timeframe timeframe,
        TradeIn tradeIn,
        UUID assigneeId,
        OffsetDateTime assignedAt,
        OffsetDateTime nextFollowUpAt,
        @Schema(description = "First contact is due by then (dealer setting leads.firstResponseMinutes)")
        OffsetDateTime responseDueAt,
        OffsetDateTime firstContactAt,
        @Schema(description = "Seconds from creation to the first contact") Long firstResponseSeconds,
        @Schema(description = "When the service found the first contact overdue and returned the lead to the pool")
        OffsetDateTime responseMissedAt,
        String lostReason,
        String comments,
        @Schema(description = "When the customer made the request (a portal's request date)")
        OffsetDateTime requestedAt,
        @Schema(description = "Actions the lead's status allows now (POST /api/v1/leads/{id}/<action>)")
        List<String> allowedActions,
        @Schema(required = true) OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Set when this intake was not created but matched this existing lead")
        UUID duplicateOf,
        @Schema(description = "What matched the existing lead") DuplicateMatch duplicateMatch) {

    @Schema(name = "GradeOverride", description = "A manager's grade, which wins over the computed one")
    public record GradeOverride(@Schema(required = true) Grade grade, @Schema(required = true) String reason) {
    }

    @Schema(name = "LeadCustomer", description = "The lead's customer, enough for a list row: the full phone only "
            + "on a single lead and for callers who may contact the customer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LeadCustomer(@Schema(required = true) UUID id, @Schema(required = true) String name,
            @Schema(required = true, example = "138****5678") String maskedPhone,
            @Schema(example = "+8613812345678") String phone) {
    }

    public enum DuplicateMatch {
        PROVIDER_LEAD_ID, PHONE, EMAIL, CUSTOMER
    }
}
