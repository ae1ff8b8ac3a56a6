package com.dealerops.agenda;

import java.time.Clock;
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

import com.dealerops.agenda.dto.AgendaView;
import com.dealerops.common.paging.ListQuery;
import com.dealerops.common.security.Caller;
import com.dealerops.common.security.CurrentCaller;
import com.dealerops.common.security.Roles;
import com.dealerops.common.web.CompletesDespiteDisconnect;

import io.smallrye.mutiny.Uni;

/** The phone's one-request screen: the caller's day. */
@CompletesDespiteDisconnect
@Path("/api/v1/me/agenda")
@Tag(name = "Me")
@Produces(MediaType.APPLICATION_JSON)
public class AgendaResource {

    private final AgendaQuery agenda;
    private final CurrentCaller caller;
    private final Clock clock;

    public AgendaResource(AgendaQuery agenda, CurrentCaller caller, Clock clock) {
        this.agenda = agenda;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "My agenda for a day", description = "For the phone of field staff, in one request and "
            + "one SQL statement: the caller's follow-ups due that day or earlier and still DUE (overdue when due "
            + "before now), their test drives and deliveries of the day, and for after-sales the day's deliveries "
            + "still waiting for a passing PDI. Each item has the customer's name and masked phone, the car (or "
            + "the lead's first interest) and the customer's latest contact, earliest first: at most 150 "
            + "follow-ups (the earliest due; truncated says there were more) and every test drive and delivery of "
            + "the day. "
            + "Compressed with gzip when the client accepts it.")
    @APIResponse(responseCode = "200", description = "The day", content = @Content(schema = @Schema(
            implementation = AgendaView.class), examples = @ExampleObject(name = "day", value = """
                    {"date":"2026-12-12","truncated":false,"items":[
                     {"type":"FOLLOW_UP","id":"0193b0d1-5555-7c39-9a57-3c1f0a3e9d01","at":"2026-12-12T10:30:00+08:00",
                      "status":"DUE","overdue":true,"kind":"POST_DELIVERY","channel":"PHONE",
                      "purpose":"交车后第7天回访 / Day 7 after delivery",
                      "customer":{"id":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21","name":"李伟","phone":"138****5678"},
                      "vehicle":{"id":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01","vin":"LGXCE4CB8N0000017",
                        "make":"比亚迪","model":"汉 EV","colour":"雪域白"},
                      "lastContact":{"at":"2026-12-06T09:12:00+08:00","summary":"FOLLOW_UP DONE: 客户对车辆满意"}},
                     {"type":"TEST_DRIVE","id":"0193b0a8-4444-7c39-9a57-3c1f0a3e8f01","at":"2026-12-12T14:00:00+08:00",
                      "endsAt":"2026-12-12T14:45:00+08:00","status":"SCHEDULED","overdue":false,
                      "leadId":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01",
                      "customer":{"id":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b22","name":"王芳","phone":"139****1234"},
                      "vehicle":{"id":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d02","vin":"LGXCE4CB8N0000018",
                        "make":"BYD","model":"Seal","trim":"650 Premium"}}]}""")))
    public Uni<AgendaView> agenda(@Parameter(description = "The day (YYYY-MM-DD); today in the dealer's calendar "
            + "when absent", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("date")
            String date) {
        Caller who = caller.get();
        LocalDate day = ListQuery.date("date", date);
        return agenda.day(who, day != null ? day : LocalDate.ofInstant(clock.instant(), who.zone()));
    }
}
