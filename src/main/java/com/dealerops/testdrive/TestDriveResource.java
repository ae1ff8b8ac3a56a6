package com.dealerops.testdrive;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.dealerops.common.concurrency.EntityTags;
import com.dealerops.common.error.Problem;
import com.dealerops.common.error.ProblemException;
import com.dealerops.common.idempotency.Idempotency;
import com.dealerops.common.openapi.ApiDocs;
import com.dealerops.common.paging.ListQuery;
import com.dealerops.common.paging.PageResponses;
import com.dealerops.common.security.Caller;
import com.dealerops.common.security.CurrentCaller;
import com.dealerops.common.security.Roles;
import com.dealerops.settings.GeneralSettings;
import com.dealerops.settings.LeadSettings;
import com.dealerops.settings.SettingsSection;
import com.dealerops.settings.SettingsService;
import com.dealerops.settings.TestDriveSettings;
import com.dealerops.testdrive.dto.Availability;
import com.dealerops.testdrive.dto.BookingInput;
import com.dealerops.testdrive.dto.CancelInput;
import com.dealerops.testdrive.dto.CompleteInput;
import com.dealerops.testdrive.dto.StartInput;
import com.dealerops.testdrive.dto.TestDriveView;
import com.dealerops.common.web.CompletesDespiteDisconnect;

import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/api/v1/test-drives")
@Tag(name = "Test drives", description = "Test drives (试乘试驾), never double-booked")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TestDriveResource {

    private static final String EXAMPLE_BOOKING = """
            {"leadId":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01","vehicleId":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01",
             "startsAt":"2026-11-29T10:00:00+08:00","endsAt":"2026-11-29T10:45:00+08:00"}""";
    private static final String EXAMPLE_VIEW = """
            {"id":"0193b0a8-4444-7c39-9a57-3c1f0a3e8f01","version":0,"status":"SCHEDULED",
             "leadId":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01","customerId":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21",
             "vehicleId":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01","salespersonId":"0193b0a4-0000-7000-8000-000000000101",
             "startsAt":"2026-11-29T10:00:00+08:00","endsAt":"2026-11-29T10:45:00+08:00",
             "createdAt":"2026-11-28T15:00:00+08:00","updatedAt":"2026-11-28T15:00:00+08:00"}""";
    private static final String EXAMPLE_CLASH = """
            {"type":"urn:dealerops:problem:test-drive-clash","title":"Already booked","status":409,
             "detail":"The car is booked for an overlapping time (with the dealer's buffer between drives); it clashes with test drive 0193b0a8-4444-7c39-9a57-3c1f0a3e8f01",
             "instance":"/api/v1/test-drives","requestId":"5f0c6bb2-6f4e-4c55-9d1e-0b8b8ab3d1c7",
             "clashesWith":"vehicle","conflictingTestDriveId":"0193b0a8-4444-7c39-9a57-3c1f0a3e8f01"}""";
    private static final String EXAMPLE_PAGE = "{\"items\":[" + EXAMPLE_VIEW + "]}";
    private static final String EXAMPLE_IN_PROGRESS = """
            {"id":"0193b0a8-4444-7c39-9a57-3c1f0a3e8f01","version":1,"status":"IN_PROGRESS",
             "leadId":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01","customerId":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21",
             "vehicleId":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01","salespersonId":"0193b0a4-0000-7000-8000-000000000101",
             "startsAt":"2026-11-29T10:00:00+08:00","endsAt":"2026-11-29T10:45:00+08:00",
             "licenceNumber":"330106199001011234","licenceExpiresOn":"2030-05-31",
             "waiverRef":"https://files.dealerops.example/waivers/8f3c.pdf",
             "waiverSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","odometerOut":1520,
             "startedAt":"2026-11-29T10:02:00+08:00",
             "createdAt":"2026-11-28T15:00:00+08:00","updatedAt":"2026-11-29T10:44:00+08:00"}""";
    private static final String EXAMPLE_COMPLETED = """
            {"id":"0193b0a8-4444-7c39-9a57-3c1f0a3e8f01","version":2,"status":"COMPLETED",
             "leadId":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01","customerId":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21",
             "vehicleId":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01","salespersonId":"0193b0a4-0000-7000-8000-000000000101",
             "startsAt":"2026-11-29T10:00:00+08:00","endsAt":"2026-11-29T10:45:00+08:00",
             "licenceNumber":"330106199001011234","licenceExpiresOn":"2030-05-31",
             "waiverRef":"https://files.dealerops.example/waivers/8f3c.pdf",
             "waiverSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","odometerOut":1520,
             "startedAt":"2026-11-29T10:02:00+08:00",
             "odometerIn":1538,"fuelLevelPercent":85,"rating":5,"feedback":"加速很满意","purchaseIntent":"HIGH",
             "completedAt":"2026-11-29T10:44:00+08:00",
             "createdAt":"2026-11-28T15:00:00+08:00","updatedAt":"2026-11-29T10:44:00+08:00"}""";
    private static final String EXAMPLE_CANCELLED = """
            {"id":"0193b0a8-4444-7c39-9a57-3c1f0a3e8f01","version":1,"status":"CANCELLED",
             "leadId":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01","customerId":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21",
             "vehicleId":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01","salespersonId":"0193b0a4-0000-7000-8000-000000000101",
             "startsAt":"2026-11-29T10:00:00+08:00","endsAt":"2026-11-29T10:45:00+08:00","cancelReason":"客户改期",
             "createdAt":"2026-11-28T15:00:00+08:00","updatedAt":"2026-11-29T10:44:00+08:00"}""";
    private static final String EXAMPLE_NO_SHOW = """
            {"id":"0193b0a8-4444-7c39-9a57-3c1f0a3e8f01","version":1,"status":"NO_SHOW",
             "leadId":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01","customerId":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21",
             "vehicleId":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01","salespersonId":"0193b0a4-0000-7000-8000-000000000101",
             "startsAt":"2026-11-29T10:00:00+08:00","endsAt":"2026-11-29T10:45:00+08:00",
             "createdAt":"2026-11-28T15:00:00+08:00","updatedAt":"2026-11-29T10:44:00+08:00"}""";
    private static final String RUN_DOC = " Roles: the drive's salesperson, sales-manager. If-Match optional (412 "
            + "when stale); 409 illegal-transition names the current status and the allowed actions.";

    private final TestDriveService drives;
    private final TestDriveSchedule schedule;
    private final SettingsService settings;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public TestDriveResource(TestDriveService drives, TestDriveSchedule schedule, SettingsService settings,
            Idempotency idempotency, CurrentCaller caller) {
        this.drives = drives;
        this.schedule = schedule;
        this.settings = settings;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Book a test drive", description = "Roles: sales (for themselves, for their own leads or "
            + "customers), sales-manager (any salesperson). A demo car (status DEMO), 15 minutes to 3 hours (the "
            + "dealer's test-drive settings), within one day's opening hours, not in the past, within the booking "
            + "horizon. The same car (with the dealer's buffer after each drive) or the same salesperson is never "
            + "booked twice for overlapping times: PostgreSQL refuses it, and the answer is 409 test-drive-clash "
            + "naming the conflicting booking.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BookingInput.class),
            examples = @ExampleObject(name = "booking", value = EXAMPLE_BOOKING)))
    @APIResponse(responseCode = "201", description = "Booked",
            headers = { @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = TestDriveView.class),
                    examples = @ExampleObject(name = "booked", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "409", description = "test-drive-clash (conflictingTestDriveId, clashesWith "
            + "vehicle or salesperson), id-taken, or the same Idempotency-Key still in progress", content = @Content(
                    mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "clash", value = EXAMPLE_CLASH)))
    @APIResponse(responseCode = "404", description = "The lead or customer is not one the caller may book for",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "not-a-demo-car, unknown-vehicle, unknown-salesperson, "
            + "in-the-past, beyond-horizon, outside-opening-hours, or an Idempotency-Key reused", content = @Content(
                    mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> book(
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull BookingInput body) {
        Caller who = caller.get();
        return settings.section(who.dealerId(), SettingsSection.TEST_DRIVES, TestDriveSettings.class)
                .chain(rules -> settings.calendar(who.dealerId()).chain(calendar -> Uni.createFrom()
                        .deferred(() -> idempotency.execute(who, idempotencyKey, "POST /api/v1/test-drives", body,
                                () -> drives.book(who, body, rules.settings(), calendar)))
                        // two clashing inserts at once can deadlock on each other's exclusion check: run the loser
                        // again, and it meets the winner's committed booking as a plain clash
                        .onFailure(TestDriveService::isDeadlock).retry().atMost(2)
                        .onFailure().recoverWithUni(failure -> drives.clash(who, body, rules.settings(), failure)
                                .replaceWith((Response) null))));
    }

    @GET
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "List test drives", description = "Earliest first. Salespeople see their own; sales "
            + "managers, after-sales (who prepare the cars) and customer service see all.")
    @APIResponse(responseCode = "200", description = "A page of test drives",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TestDrivePage.class),
                    examples = @ExampleObject(name = "page", value = EXAMPLE_PAGE)))
    public Uni<Response> list(
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = ApiDocs.CURSOR) @QueryParam("cursor") String cursor,
            @Parameter(description = "Only this salesperson's drives ('me' or a staff id)")
            @QueryParam("salesperson") String salesperson,
            @Parameter(description = "Only drives ending after this time (RFC 3339)", schema = @Schema(
                    type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Only drives starting before this time (RFC 3339)", schema = @Schema(
                    type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Context UriInfo uriInfo) {
        Caller who = caller.get();
        UUID salespersonId = ListQuery.staff("salesperson", salesperson, who.staffId());
        return drives.list(who, salespersonId, ListQuery.timestamp("from", from), ListQuery.timestamp("to", to),
                cursor, ListQuery.limit(limit)).map(page -> PageResponses.ok(page, uriInfo));
    }

    @GET
    @Path("/availability")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "When a demo car is free on a day", description = "The day's opening hours minus the car's "
            + "bookings and the buffer each needs after it, from now on; periods shorter than the shortest drive are "
            + "left out. 422 not-a-demo-car for a car that is not in the demo fleet.")
    @APIResponse(responseCode = "200", description = "Free periods", content = @Content(
            schema = @Schema(implementation = Availability.class), examples = @ExampleObject(name = "free",
                    value = """
                            {"vehicleId":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01","date":"2026-11-29",
                             "free":[{"from":"2026-11-29T08:30:00+08:00","to":"2026-11-29T09:45:00+08:00"},
                                     {"from":"2026-11-29T11:00:00+08:00","to":"2026-11-29T18:00:00+08:00"}],
                             "minDurationMinutes":15,"maxDurationMinutes":180,"bufferMinutes":15}""")))
    @APIResponse(responseCode = "422", description = "Not a demo car", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such vehicle at this dealer", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Availability> availability(
            @Parameter(description = "A demo car", required = true) @QueryParam("vehicleId") String vehicleId,
            @Parameter(description = "The day, in the dealer's calendar (YYYY-MM-DD)", required = true, schema =
                    @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("date") String date) {
        Caller who = caller.get();
        UUID vehicle = requiredUuid("vehicleId", vehicleId);
        LocalDate day = requiredDate("date", date);
        return settings.section(who.dealerId(), SettingsSection.GENERAL, GeneralSettings.class)
                .chain(general -> settings.section(who.dealerId(), SettingsSection.TEST_DRIVES,
                        TestDriveSettings.class).chain(rules -> schedule.availability(who, vehicle, day,
                                general.settings(), rules.settings())));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "Get a test drive", description = "404 for other dealers' drives and, for salespeople, "
            + "colleagues' drives.")
    @APIResponse(responseCode = "200", description = "The test drive",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TestDriveView.class),
                    examples = @ExampleObject(name = "scheduled", value = EXAMPLE_VIEW)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return drives.get(caller.get(), id).map(view -> Response.ok(view).tag(EntityTags.of(view.version())).build());
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Check the car out (SCHEDULED → IN_PROGRESS)", description = "Driving licence (an expired "
            + "one is a 422 licence-expired), licence photo reference, the signed waiver's reference and SHA-256, "
            + "odometer out. A linked lead that was NEW, CONTACTED or QUALIFIED moves to TEST_DRIVE." + RUN_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StartInput.class),
            examples = @ExampleObject(name = "check-out", value = """
                    {"licenceNumber":"330106199001011234","licenceExpiresOn":"2030-05-31",
                     "licencePhotoRef":"https://files.dealerops.example/licences/8f3c.jpg",
                     "waiverRef":"https://files.dealerops.example/waivers/8f3c.pdf",
                     "waiverSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     "odometerOut":1520}""")))
    @APIResponse(responseCode = "200", description = "Checked out",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TestDriveView.class),
                    examples = @ExampleObject(name = "in_progress", value = EXAMPLE_IN_PROGRESS)))
    @APIResponse(responseCode = "409", description = "licence-expired (422), or the drive is not SCHEDULED (409 illegal-transition); or the same Idempotency-Key still in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "licence-expired; or an Idempotency-Key reused for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> start(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull StartInput body) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return settings.section(who.dealerId(), SettingsSection.LEADS, LeadSettings.class)
                .chain(leads -> idempotency.execute(who, idempotencyKey, "POST /api/v1/test-drives/" + id + "/start",
                        body, () -> drives.start(who, id, version, body, leads.settings())));
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Return the car (IN_PROGRESS → COMPLETED)", description = "Odometer in (not below out: 422 "
            + "odometer-backwards), fuel or charge level, damage notes, the customer's rating 1-5, comments and "
            + "purchase intent." + RUN_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CompleteInput.class),
            examples = @ExampleObject(name = "return", value = """
                    {"odometerIn":1538,"fuelLevelPercent":85,"rating":5,"feedback":"加速很满意",
                     "purchaseIntent":"HIGH"}""")))
    @APIResponse(responseCode = "200", description = "Returned",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TestDriveView.class),
                    examples = @ExampleObject(name = "completed", value = EXAMPLE_COMPLETED)))
    @APIResponse(responseCode = "409", description = "odometer-backwards (422), or the drive is not IN_PROGRESS (409 illegal-transition); or the same Idempotency-Key still in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "odometer-backwards; or an Idempotency-Key reused for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> complete(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull CompleteInput body) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/test-drives/" + id + "/complete", body,
                () -> drives.complete(who, id, version, body));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Cancel a booking (SCHEDULED → CANCELLED)", description = "The reason is required; the time "
            + "is free again." + RUN_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CancelInput.class),
            examples = @ExampleObject(name = "cancel", value = "{\"reason\":\"客户改期\"}")))
    @APIResponse(responseCode = "200", description = "Cancelled",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TestDriveView.class),
                    examples = @ExampleObject(name = "cancelled", value = EXAMPLE_CANCELLED)))
    @APIResponse(responseCode = "409", description = "the drive is not SCHEDULED (409 illegal-transition); or the same Idempotency-Key still in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> cancel(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull CancelInput body) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/test-drives/" + id + "/cancel", body,
                () -> drives.cancel(who, id, version, body.reason()));
    }

    @POST
    @Path("/{id}/no-show")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Record that the customer did not come (SCHEDULED → NO_SHOW)", description = "Only once the "
            + "start time has passed (409 not-started-yet before)." + RUN_DOC)
    @APIResponse(responseCode = "200", description = "Recorded",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TestDriveView.class),
                    examples = @ExampleObject(name = "no_show", value = EXAMPLE_NO_SHOW)))
    @APIResponse(responseCode = "409", description = "the start time has not passed (409 not-started-yet), or the drive is not SCHEDULED (409 illegal-transition); or the same Idempotency-Key still in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> noShow(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/test-drives/" + id + "/no-show", "",
                () -> drives.noShow(who, id, version));
    }

    static UUID requiredUuid(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(name, "is required");
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }

    static LocalDate requiredDate(String name, String value) {
        LocalDate day = ListQuery.date(name, value);
        if (day == null) {
            throw ProblemException.invalid(name, "is required");
        }
        return day;
    }

    @Schema(name = "TestDrivePage")
    static final class TestDrivePage {
        @Schema(required = true)
        public List<TestDriveView> items;
        @Schema(description = "Pass as cursor to get the next page; absent on the last page")
        public String nextCursor;
    }
}
