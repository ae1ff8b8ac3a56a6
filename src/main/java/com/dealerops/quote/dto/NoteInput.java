package com.dealerops.quote.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A manager's decision note, or the customer's reason for rejecting a quote. */
@Schema(name = "QuoteNoteInput")
public record NoteInput(@NotBlank @Size(max = 1000) @Schema(required = true, example = "同意，客户为老客户转介绍")
        String note) {
}
