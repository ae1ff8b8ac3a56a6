package com.dealerops.complaint.dto;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ComplaintNote", description = "Investigation notes (appended, with who and when)")
public record NoteInput(
        @Size(max = 4000) @Schema(example = "调取交车检查记录：PDI 外观项为通过，交车照片显示划痕存在") String note) {
}
