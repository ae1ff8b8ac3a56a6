package com.dealerops.testdrive;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.dealerops.common.security.Caller;
import com.dealerops.common.security.CurrentCaller;
import com.dealerops.common.security.Roles;
import com.dealerops.testdrive.dto.MyDay;
import com.dealerops.common.web.CompletesDespiteDisconnect;

import io.smallrye.mutiny.Uni;

/** "My day" on a salesperson's tablet: one request, one SQL statement. */
@CompletesDespiteDisconnect
@Path("/api/v1/me/test-drives")
@Tag(name = "Test drives")
@Produces(MediaType.APPLICATION_JSON)
public class MyTestDrivesResource {

    private final TestDriveSchedule schedule;
    private final CurrentCaller caller;
    private final java.time.Clock clock;

    public MyTestDrivesResource(TestDriveSchedule schedule, CurrentCaller caller, java.time.Clock clock) {
        this.schedule = schedule;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "My test drives of a day", description = "The caller's drives starting that day (today in "
            + "the dealer's calendar by default), earliest first, each with the customer's name and phone and the "
            + "car's summary: one request, one SQL statement.")
    @APIResponse(responseCode = "200", description = "The day", content = @Content(
            schema = @Schema(implementation = MyDay.class), examples = @ExampleObject(name = "day", value = """
                    {"date":"2026-11-29","items":[{"id":"0193b0a8-4444-7c39-9a57-3c1f0a3e8f01","status":"SCHEDULED",
                      "startsAt":"2026-11-29T10:00:00+08:00","endsAt":"2026-11-29T10:45:00+08:00",
                      "leadId":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01",
                      "customer":{"id":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21","name":"王伟","phone":"+8613812345678"},
                      "vehicle":{"id":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01","vin":"LGXCE4CB0R0123456","make":"BYD",
                        "model":"Seal","trim":"650 Premium","exteriorColour":"极光白","location":"试驾车位-2"}}]}""")))
    public Uni<MyDay> myDay(@Parameter(description = "The day (YYYY-MM-DD); today when absent", schema = @Schema(
            type = SchemaType.STRING, format = "date")) @QueryParam("date") String date) {
        Caller who = caller.get();
        LocalDate day = date == null || date.isBlank() ? LocalDate.ofInstant(clock.instant(), who.zone())
                : TestDriveResource.requiredDate("date", date);
        return schedule.myDay(who, day);
    }
}
