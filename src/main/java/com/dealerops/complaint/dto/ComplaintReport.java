package com.dealerops.complaint.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.dealerops.complaint.ComplaintCategory;
import com.dealerops.complaint.Severity;

@Schema(name = "ComplaintReport", description = "Open complaints by age and severity (now), SLA compliance per "
        + "category and month and repeat complainants (complaints received in [from, to))")
public record ComplaintReport(
        @Schema(required = true) LocalDate from,
        @Schema(required = true) LocalDate to,
        @Schema(required = true) List<OpenByAge> open,
        @Schema(required = true) List<SlaCompliance> sla,
        @Schema(required = true) List<RepeatComplainant> repeatComplainants) {

    public enum AgeBand {
        UNDER_1_DAY, DAYS_1_TO_3, DAYS_3_TO_7, OVER_7_DAYS
    }

    @Schema(name = "OpenComplaintsByAge")
    public record OpenByAge(@Schema(required = true) AgeBand age, @Schema(required = true) Severity severity,
            @Schema(required = true, example = "2") long count) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SlaCompliance", description = "Percentages of the complaints whose clock is decided (met or "
            + "missed), one decimal; absent when none is")
    public record SlaCompliance(@Schema(required = true) ComplaintCategory category,
            @Schema(required = true, example = "2026-11") String month,
            @Schema(required = true, example = "4") long received,
            @Schema(example = "75.0") BigDecimal acknowledgedOnTimePercent,
            @Schema(example = "50.0") BigDecimal resolvedOnTimePercent) {
    }

    @Schema(name = "RepeatComplainant")
    public record RepeatComplainant(@Schema(required = true) UUID customerId,
            @Schema(required = true, example = "王芳") String name,
            @Schema(required = true, example = "3") long complaints,
            @Schema(required = true) OffsetDateTime lastReceivedAt) {
    }
}
