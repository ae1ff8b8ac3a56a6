package com.dealerops.order.dto;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrderInput")
public record OrderInput(
        @Schema(description = "Client-chosen id (accepted once)") UUID id,
        @NotNull @Schema(required = true, description = "An ACCEPTED quote; the order copies its figures") UUID quoteId) {
}
