package com.dealerops.testdrive.dto;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.testdrive.TestDriveStatus;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A salesperson's test drives of one day, with what the tablet shows of each, in one response. */
@Schema(name = "MyTestDrives")
public record MyDay(@Schema(required = true) LocalDate date, @Schema(required = true) List<Item> items) {

    @Schema(name = "MyTestDrive")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(@Schema(required = true) UUID id, @Schema(required = true) TestDriveStatus status,
            @Schema(required = true) OffsetDateTime startsAt, @Schema(required = true) OffsetDateTime endsAt,
            UUID leadId, @Schema(required = true) Customer customer, @Schema(required = true) Vehicle vehicle) {
    }

    @Schema(name = "MyTestDriveCustomer")
    public record Customer(@Schema(required = true) UUID id, @Schema(required = true) String name,
            @Schema(required = true, description = "The salesperson calls the customer") String phone) {
    }

    @Schema(name = "MyTestDriveVehicle")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Vehicle(@Schema(required = true) UUID id, @Schema(required = true) String vin,
            @Schema(required = true) String make, @Schema(required = true) String model, String trim,
            String exteriorColour, String location) {
    }
}
