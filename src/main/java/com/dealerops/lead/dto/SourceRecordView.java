package com.dealerops.lead.dto;

import java.time.OffsetDateTime;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LeadSourceRecord", description = "What a third party sent for this lead, as sent")
public record SourceRecordView(
        @Schema(required = true, enumeration = { "JSON", "ADF_XML" }) String format,
        @Schema(required = true) String payload,
        @Schema(required = true, description = "Fields of the payload that map to no lead field, by path")
        Map<String, Object> unmapped,
        @Schema(required = true) OffsetDateTime receivedAt) {
}
