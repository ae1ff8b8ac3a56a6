package com.dealerops.agenda.dto;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A field worker's day on one screen: what is due, earliest first, with what the phone needs to act on each. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Agenda")
public record AgendaView(
        @Schema(required = true) LocalDate date,
        @Schema(required = true) List<Item> items,
        @Schema(required = true, description = "More follow-ups were due than the 150 (earliest) shown",
                example = "false")
        boolean truncated) {

    public enum Type {
        FOLLOW_UP, TEST_DRIVE, DELIVERY
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AgendaItem")
    public record Item(
            @Schema(required = true) Type type,
            @Schema(required = true) UUID id,
            @Schema(required = true, description = "Due time (follow-ups) or start") OffsetDateTime at,
            @Schema(description = "End of a test drive or delivery") OffsetDateTime endsAt,
            @Schema(required = true, description = "The item's own status", example = "DUE") String status,
            @Schema(required = true, description = "A follow-up due before now", example = "false")
            boolean overdue,
            @Schema(description = "Follow-up kind, e.g. POST_DELIVERY", example = "POST_DELIVERY") String kind,
            @Schema(description = "Follow-up channel", example = "PHONE") String channel,
            @Schema(description = "Follow-up purpose") String purpose,
            @Schema(description = "Delivery bay", example = "交车区-1") String bay,
            @Schema(description = "Delivery's PDI verdict", example = "PASSED") String pdiStatus,
            UUID leadId,
            @Schema(required = true) Customer customer,
            @Schema(description = "The car (test drive, delivery, post-delivery follow-up) or the lead's first "
                    + "interest") Vehicle vehicle,
            @Schema(description = "The customer's latest recorded contact") LastContact lastContact) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AgendaCustomer")
    public record Customer(@Schema(required = true) UUID id, @Schema(required = true, example = "李伟") String name,
            @Schema(required = true, description = "Masked; the app dials through the customer's file",
                    example = "138****5678") String phone) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AgendaVehicle")
    public record Vehicle(UUID id, String vin, @Schema(example = "比亚迪") String make,
            @Schema(example = "汉 EV") String model, String trim, String colour) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AgendaLastContact")
    public record LastContact(@Schema(required = true) OffsetDateTime at,
            @Schema(required = true, example = "CALL REACHED") String summary) {
    }
}
