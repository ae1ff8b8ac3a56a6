package com.dealerops.delivery.dto;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

import com.dealerops.delivery.PlateKind;

@Schema(name = "HandOverInput", description = "What was handed over and the customer's sign-off. Anything missing "
        + "is reported with the other blockers in one 422, so the tablet can show the whole list.")
public record HandOverInput(
        @Size(max = 30) @Schema(description = "The dealer's required documents, each ticked")
        List<@Valid @NotNull DocumentTick> documents,
        @Range(min = 1, max = 10) @Schema(description = "Keys handed over", example = "2") Integer keyCount,
        @Valid @Schema(description = "The plate the car leaves with") Plate plate,
        @Valid @Schema(description = "The customer's signature and the hash of the signed hand-over document")
        SignOff signOff) {

    @Schema(name = "DocumentTick")
    public record DocumentTick(
            @NotBlank @Size(max = 40) @Schema(required = true, example = "CERTIFICATE_OF_CONFORMITY") String code,
            @NotNull @Schema(required = true, example = "true") Boolean handedOver,
            @Size(max = 500) @Schema(example = "原件") String note) {
    }

    @Schema(name = "Plate")
    public record Plate(
            @NotNull @Schema(required = true) PlateKind kind,
            @NotBlank @Size(min = 2, max = 20) @Schema(required = true, example = "浙A·D12345") String number) {
    }

    @Schema(name = "SignOff")
    public record SignOff(
            @NotBlank @Size(max = 500) @Schema(required = true, description = "Reference of the signature image",
                    example = "https://files.dealerops.example/signatures/2b9d.png") String signatureRef,
            @NotNull @Pattern(regexp = "[0-9a-f]{64}") @Schema(required = true, description = "SHA-256 of the "
                    + "signed hand-over document, lower-case hex",
                    example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            String documentSha256) {
    }
}
