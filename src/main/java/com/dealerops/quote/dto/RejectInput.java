package com.dealerops.quote.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the customer turned the quote down. */
@Schema(name = "QuoteRejectInput")
public record RejectInput(@NotBlank @Size(max = 1000) @Schema(required = true, example = "价格高于竞品报价")
        String reason) {
}
