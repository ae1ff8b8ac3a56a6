package com.dealerops.complaint;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

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
import com.dealerops.common.idempotency.Outcome;
import com.dealerops.common.openapi.ApiDocs;
import com.dealerops.common.paging.ListQuery;
import com.dealerops.common.paging.PageResponses;
import com.dealerops.common.security.Caller;
import com.dealerops.common.security.CurrentCaller;
import com.dealerops.common.security.Roles;
import com.dealerops.common.web.CompletesDespiteDisconnect;
import com.dealerops.complaint.dto.ApprovalInput;
import com.dealerops.complaint.dto.ComplaintInput;
import com.dealerops.complaint.dto.ComplaintReport;
import com.dealerops.complaint.dto.ComplaintView;
import com.dealerops.complaint.dto.HandlerInput;
import com.dealerops.complaint.dto.NoteInput;
import com.dealerops.complaint.dto.ReasonInput;
import com.dealerops.complaint.dto.ResolutionInput;
import com.dealerops.settings.SettingsService;
import com.dealerops.settings.WorkingCalendar;

import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/api/v1/complaints")
@Tag(name = "Complaints", description = "Complaints (投诉) handled on time and fairly")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ComplaintResource {

    static final String EXAMPLE_VIEW = """
            {"id":"0193b0e1-8888-7c39-9a57-3c1f0a3e9f21","version":1,"number":"C-0193B0E1","access":"FULL",
             "status":"ACKNOWLEDGED","customerId":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21",
             "deliveryId":"0193b0c9-6666-7c39-9a57-3c1f0a3e9e01","category":"DELIVERY","severity":"MEDIUM",
             "safetyIssue":false,"channel":"PHONE","description":"交车时发现左后门有划痕，销售顾问称会处理但一周无人回复",
             "desiredOutcome":"免费补漆并书面道歉","staffInvolved":["0193b0a4-0000-7000-8000-000000000101"],
             "attachments":["https://files.dealerops.example/complaints/9a1c.jpg"],
             "handlerId":"0193b0a4-0000-7000-8000-000000000401",
             "sla":{"receivedAt":"2026-11-28T09:00:00+08:00","acknowledgeBy":"2026-11-29T09:00:00+08:00",
               "acknowledgedAt":"2026-11-28T09:40:00+08:00","acknowledgedOnTime":true,
               "resolveBy":"2026-12-05T09:00:00+08:00","paused":false,"pausedMinutes":0},
             "escalation":{"level":0},"investigation":{"notes":"[2026-11-28T01:40:00Z 赵丽] 已致电客户，约周六到店查看"},
             "reopenedCount":0,"allowedActions":["assign","investigate","notes","escalate"],
             "createdBy":"0193b0a4-0000-7000-8000-000000000401","createdAt":"2026-11-28T09:00:00+08:00",
             "updatedAt":"2026-11-28T09:40:00+08:00"}""";
    private static final String EXAMPLE_INPUT = """
            {"customerId":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21","deliveryId":"0193b0c9-6666-7c39-9a57-3c1f0a3e9e01",
             "category":"DELIVERY","severity":"MEDIUM","channel":"PHONE",
             "description":"交车时发现左后门有划痕，销售顾问称会处理但一周无人回复","desiredOutcome":"免费补漆并书面道歉",
             "staffInvolved":["0193b0a4-0000-7000-8000-000000000101"],
             "attachments":["https://files.dealerops.example/complaints/9a1c.jpg"]}""";
    private static final String EXAMPLE_REPORT = """
            {"from":"2026-11-01","to":"2026-12-01",
             "open":[{"age":"UNDER_1_DAY","severity":"HIGH","count":1},{"age":"DAYS_3_TO_7","severity":"MEDIUM","count":2}],
             "sla":[{"category":"DELIVERY","month":"2026-11","received":4,"acknowledgedOnTimePercent":75.0,
               "resolvedOnTimePercent":50.0}],
             "repeatComplainants":[{"customerId":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21","name":"王芳","complaints":2,
               "lastReceivedAt":"2026-11-28T09:00:00+08:00"}]}""";
    private static final String ACTION_DOC = " If-Match optional (412 when stale); 409 illegal-transition names the "
            + "current status and the allowed actions; 403 for staff the complaint names.";
    private static final String ALL_STAFF = "Roles: every staff role but integration.";

    private final ComplaintService complaints;
    private final ComplaintReports reports;
    private final SettingsService settings;
    private final Idempotency idempotency;
    private final CurrentCaller caller;
    private final Clock clock;

    public ComplaintResource(ComplaintService complaints, ComplaintReports reports, SettingsService settings,
            Idempotency idempotency, CurrentCaller caller, Clock clock) {
        this.complaints = complaints;
        this.reports = reports;
        this.settings = settings;
        this.idempotency = idempotency;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE, Roles.FINANCE,
            Roles.ADMIN })
    @Operation(summary = "Register a complaint on the customer's behalf", description = ALL_STAFF + " The SLA "
            + "deadlines come from the dealer's complaints settings for the severity (acknowledge within hours, resolve "
            + "within hours or working days of the dealer's calendar); a safety issue is always CRITICAL. The "
            + "registrant follows the status (summary).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ComplaintInput.class),
            examples = @ExampleObject(name = "complaint", value = EXAMPLE_INPUT)))
    @APIResponse(responseCode = "201", description = "Registered",
            headers = { @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = ComplaintView.class),
                    examples = @ExampleObject(name = "received", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "404", description = "No such customer at this dealer", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "id-taken, or the same Idempotency-Key still in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "unknown-staff, unknown-reference (a related order, delivery, "
            + "vehicle or lead that does not exist), or an Idempotency-Key reused", content = @Content(
                    mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> register(
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull ComplaintInput body) {
        Caller who = caller.get();
        return settings.all(who.dealerId()).chain(all -> idempotency.execute(who, idempotencyKey,
                "POST /api/v1/complaints", body, () -> complaints.register(who, body, new ComplaintService.Rules(
                        all.complaints(), new WorkingCalendar(all.general()), all.general().currency()))))
                .onFailure().transform(ComplaintService::explainConflict);
    }

    @GET
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE, Roles.FINANCE,
            Roles.ADMIN })
    @Operation(summary = "List complaints", description = "Newest first. Customer service and sales managers see all; "
            + "others the complaints they registered or that name them (summary), finance also those with "
            + "compensation.")
    @APIResponse(responseCode = "200", description = "A page of complaints",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ComplaintPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\":[" + EXAMPLE_VIEW + "]}")))
    public Uni<Response> list(
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = ApiDocs.CURSOR) @QueryParam("cursor") String cursor,
            @Parameter(description = "Only these statuses (repeat or comma-separate)", schema = @Schema(
                    type = SchemaType.ARRAY, implementation = ComplaintStatus.class)) @QueryParam("status")
            List<String> status,
            @Parameter(description = "Only these severities", schema = @Schema(type = SchemaType.ARRAY,
                    implementation = Severity.class)) @QueryParam("severity") List<String> severity,
            @Parameter(description = "Only these categories", schema = @Schema(type = SchemaType.ARRAY,
                    implementation = ComplaintCategory.class)) @QueryParam("category") List<String> category,
            @Parameter(description = "Only this customer's") @QueryParam("customerId") String customerId,
            @Parameter(description = "Only this handler's ('me' or a staff id)") @QueryParam("handler")
            String handler,
            @Parameter(description = "Only open (true) or resolved and closed (false) complaints", schema = @Schema(
                    type = SchemaType.BOOLEAN)) @QueryParam("open") String open,
            @Context UriInfo uriInfo) {
        Caller who = caller.get();
        ComplaintService.Filter filter = new ComplaintService.Filter(
                ListQuery.enums("status", status, ComplaintStatus.class),
                ListQuery.enums("severity", severity, Severity.class),
                ListQuery.enums("category", category, ComplaintCategory.class),
                ListQuery.uuid("customerId", customerId), ListQuery.staff("handler", handler, who.staffId()),
                ListQuery.bool("open", open, null));
        return complaints.list(who, filter, cursor, ListQuery.limit(limit)).map(page -> PageResponses.ok(page, uriInfo));
    }

    @GET
    @Path("/report")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "Complaint reports", description = "Roles: sales-manager, customer-service. Open "
            + "complaints now by age and severity; for complaints received in [from, to) (dates in the dealer's "
            + "calendar; the last 90 days by default): SLA compliance per category and month (the percentage of "
            + "decided clocks that were met: acknowledged or resolved on time), and customers with two complaints or "
            + "more.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(
            implementation = ComplaintReport.class), examples = @ExampleObject(name = "report", value = EXAMPLE_REPORT)))
    public Uni<ComplaintReport> report(
            @Parameter(description = "First day (YYYY-MM-DD)", schema = @Schema(type = SchemaType.STRING,
                    format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Day after the last (YYYY-MM-DD); tomorrow by default", schema = @Schema(
                    type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        Caller who = caller.get();
        LocalDate end = ListQuery.date("to", to);
        end = end != null ? end : LocalDate.ofInstant(clock.instant(), who.zone()).plusDays(1);
        LocalDate start = ListQuery.date("from", from);
        start = start != null ? start : end.minusDays(90);
        if (!start.isBefore(end) || start.plusYears(5).isBefore(end)) {
            throw ProblemException.invalid("from", "must be before to, at most 5 years apart");
        }
        return reports.report(who, start, end);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE, Roles.FINANCE,
            Roles.ADMIN })
    @Operation(summary = "Get a complaint", description = "FULL for customer service and sales managers the "
            + "complaint does not name; SUMMARY (no investigation, no compensation) for staff it names and its "
            + "registrant; finance sees the compensation. 404 for anyone else.")
    @APIResponse(responseCode = "200", description = "The complaint",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ComplaintView.class),
                    examples = @ExampleObject(name = "acknowledged", value = EXAMPLE_VIEW)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return complaints.get(caller.get(), id)
                .map(view -> Response.ok(view).tag(EntityTags.of(view.version())).build());
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE, Roles.FINANCE,
            Roles.ADMIN })
    @Operation(summary = "History of a complaint", description = "Every step, escalations included, oldest first; "
            + "notes, root cause, actions and compensation are hidden from summary readers.")
    @APIResponse(responseCode = "200", description = "A page of history entries",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ApiDocs.HistoryPage.class),
                    examples = @ExampleObject(name = "history", value = ApiDocs.EXAMPLE_HISTORY)))
    public Uni<Response> history(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = ApiDocs.CURSOR) @QueryParam("cursor") String cursor,
            @Context UriInfo uriInfo) {
        return complaints.history(caller.get(), id, cursor, ListQuery.limit(limit))
                .map(page -> PageResponses.ok(page, uriInfo));
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE, Roles.ADMIN })
    @Operation(summary = "Give a complaint to a handler", description = "Roles: customer-service, sales-manager. "
            + "The handler is an active customer-service staff member the complaint does not name (422 "
            + "conflict-of-interest; PostgreSQL refuses it too)." + ACTION_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = HandlerInput.class),
            examples = @ExampleObject(name = "handler", value =
                    "{\"handlerId\":\"0193b0a4-0000-7000-8000-000000000401\"}")))
    @APIResponse(responseCode = "200", description = "Assigned",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ComplaintView.class),
                    examples = @ExampleObject(name = "assigned", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "422", description = "conflict-of-interest, unknown-handler, or an Idempotency-Key "
            + "reused", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public Uni<Response> assign(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull HandlerInput body) {
        Long version = EntityTags.optionalVersion(ifMatch);
        return run(id, "assign", idempotencyKey, body,
                () -> complaints.assign(caller.get(), id, version, body.handlerId()));
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "Acknowledge (RECEIVED → ACKNOWLEDGED)", description = "Roles: the handler, customer "
            + "service (who becomes the handler if there is none). Stops the acknowledgement clock." + ACTION_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NoteInput.class),
            examples = @ExampleObject(name = "acknowledge", value = "{\"note\":\"已致电客户，约周六到店查看\"}")))
    @APIResponse(responseCode = "200", description = "Acknowledged",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ComplaintView.class),
                    examples = @ExampleObject(name = "acknowledged", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "422", description = "notes-full (20,000 characters), or an Idempotency-Key reused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> acknowledge(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull NoteInput body) {
        Long version = EntityTags.optionalVersion(ifMatch);
        return run(id, "acknowledge", idempotencyKey, body,
                () -> complaints.acknowledge(caller.get(), id, version, body.note()));
    }

    @POST
    @Path("/{id}/investigate")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "Start the investigation (ACKNOWLEDGED or ESCALATED → INVESTIGATING)", description =
            "Roles: the handler, customer service." + ACTION_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NoteInput.class),
            examples = @ExampleObject(name = "investigate", value =
                    "{\"note\":\"调取交车检查记录：PDI 外观项为通过，交车照片显示划痕存在\"}")))
    @APIResponse(responseCode = "200", description = "Investigating",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ComplaintView.class),
                    examples = @ExampleObject(name = "investigating", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "422", description = "notes-full (20,000 characters), or an Idempotency-Key reused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> investigate(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull NoteInput body) {
        Long version = EntityTags.optionalVersion(ifMatch);
        return run(id, "investigate", idempotencyKey, body,
                () -> complaints.investigate(caller.get(), id, version, body.note()));
    }

    @POST
    @Path("/{id}/notes")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "Add an investigation note", description = "Roles: the handler, customer service; in any "
            + "open state; note is required here (400 without). Notes are appended with the author and time and only "
            + "FULL readers see them." + ACTION_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NoteInput.class),
            examples = @ExampleObject(name = "note", value = "{\"note\":\"客户提供了交车当天的视频\"}")))
    @APIResponse(responseCode = "200", description = "Noted",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ComplaintView.class),
                    examples = @ExampleObject(name = "noted", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "422", description = "notes-full (20,000 characters), or an Idempotency-Key reused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> note(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull NoteInput body) {
        return run(id, "notes", idempotencyKey, body, () -> complaints.addNote(caller.get(), id, body.note()));
    }

    @POST
    @Path("/{id}/wait-for-customer")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "Wait for the customer (INVESTIGATING or ESCALATED → WAITING_CUSTOMER)", description =
            "Roles: the handler, customer service. The resolution clock stops until the customer responds; the "
            + "pause is recorded." + ACTION_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReasonInput.class),
            examples = @ExampleObject(name = "wait", value = "{\"reason\":\"等待客户提供维修发票照片\"}")))
    @APIResponse(responseCode = "200", description = "Waiting",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ComplaintView.class),
                    examples = @ExampleObject(name = "waiting", value = EXAMPLE_VIEW)))
    public Uni<Response> waitForCustomer(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull ReasonInput body) {
        Long version = EntityTags.optionalVersion(ifMatch);
        return run(id, "wait-for-customer", idempotencyKey, body,
                () -> complaints.waitForCustomer(caller.get(), id, version, body.reason()));
    }

    @POST
    @Path("/{id}/customer-responded")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "The customer responded (WAITING_CUSTOMER → INVESTIGATING)", description = "Roles: the "
            + "handler, customer service. The clock runs again; the resolution deadline moved by the wait."
            + ACTION_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NoteInput.class),
            examples = @ExampleObject(name = "responded", value = "{\"note\":\"客户已发来发票照片\"}")))
    @APIResponse(responseCode = "200", description = "Investigating again",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ComplaintView.class),
                    examples = @ExampleObject(name = "investigating", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "422", description = "notes-full (20,000 characters), or an Idempotency-Key reused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> customerResponded(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull NoteInput body) {
        Long version = EntityTags.optionalVersion(ifMatch);
        return run(id, "customer-responded", idempotencyKey, body,
                () -> complaints.customerResponded(caller.get(), id, version, body.note()));
    }

    @POST
    @Path("/{id}/escalate")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE, Roles.ADMIN })
    @Operation(summary = "Escalate (any open state → ESCALATED)", description = "Roles: the handler, customer "
            + "service, sales managers, and whoever it was escalated to. One level up: customer service's head, then "
            + "the general manager (the staff directory's heads), never someone the complaint names. The scheduler "
            + "does the same when a deadline passes; whoever a complaint is escalated to reads it in full." + ACTION_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReasonInput.class),
            examples = @ExampleObject(name = "escalate", value = "{\"reason\":\"客户要求总经理出面\"}")))
    @APIResponse(responseCode = "200", description = "Escalated",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ComplaintView.class),
                    examples = @ExampleObject(name = "escalated", value = EXAMPLE_VIEW)))
    public Uni<Response> escalate(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull ReasonInput body) {
        Long version = EntityTags.optionalVersion(ifMatch);
        return run(id, "escalate", idempotencyKey, body,
                () -> complaints.escalate(caller.get(), id, version, body.reason()));
    }

    @POST
    @Path("/{id}/approve-compensation")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE, Roles.ADMIN })
    @Operation(summary = "Approve compensation up to an amount", description = "Roles: sales managers and heads in "
            + "the staff directory (customer service's head, the general manager), who may also be admins; never the "
            + "handler or staff the "
            + "complaint names (422 conflict-of-interest). Needed before a resolution with compensation above the "
            + "dealer's limit (quotes settings, compensationApprovalThreshold)." + ACTION_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApprovalInput.class),
            examples = @ExampleObject(name = "approve", value = "{\"amount\":{\"amount\":\"3000.00\",\"currency\":\"CNY\"}}")))
    @APIResponse(responseCode = "200", description = "Approved",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ComplaintView.class),
                    examples = @ExampleObject(name = "approved", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "422", description = "conflict-of-interest, or an Idempotency-Key reused", content =
            @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> approveCompensation(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull ApprovalInput body) {
        Long version = EntityTags.optionalVersion(ifMatch);
        return run(id, "approve-compensation", idempotencyKey, body,
                () -> complaints.approveCompensation(caller.get(), id, version, body.amount()));
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "Resolve (INVESTIGATING or ESCALATED → RESOLVED)", description = "Roles: the handler, "
            + "customer service. Root cause, actions taken, compensation (above the dealer's limit only up to what a "
            + "manager approved: 422 compensation-needs-approval), corrective action with owner and due date. A "
            + "COMPLAINT_CLOSURE follow-up is scheduled for the handler a day later; the customer accepting the "
            + "resolution on that call closes the complaint, not accepting reopens it (its compensation is decided "
            + "again), a call that does not reach the customer is followed by another a day later. A customer who "
            + "may not be contacted (now, or when consent is withdrawn before the call) gets no call: the complaint "
            + "closes without their answer." + ACTION_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ResolutionInput.class),
            examples = @ExampleObject(name = "resolve", value = """
                    {"rootCause":{"category":"PROCESS","text":"交车前检查未覆盖车门下沿"},
                     "actionsTaken":"免费补漆，销售经理当面致歉",
                     "compensation":{"kind":"GOODWILL","amount":{"amount":"800.00","currency":"CNY"},
                       "description":"免费补漆一次"},
                     "correctiveAction":{"description":"PDI 外观检查增加车门下沿与底部",
                       "ownerId":"0193b0a4-0000-7000-8000-000000000301","dueOn":"2026-12-31"}}""")))
    @APIResponse(responseCode = "200", description = "Resolved",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ComplaintView.class),
                    examples = @ExampleObject(name = "resolved", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "422", description = "compensation-needs-approval, unknown-owner, or an "
            + "Idempotency-Key reused", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public Uni<Response> resolve(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull ResolutionInput body) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return settings.all(who.dealerId()).chain(all -> run(id, "resolve", idempotencyKey, body,
                () -> complaints.resolve(who, id, version, body, all.quotes().compensationApprovalThreshold())));
    }

    private Uni<Response> run(UUID id, String action, String idempotencyKey, Object body,
            Supplier<Uni<Outcome>> work) {
        return idempotency.execute(caller.get(), idempotencyKey, "POST /api/v1/complaints/" + id + "/" + action,
                body, work);
    }

    @Schema(name = "ComplaintPage")
    static final class ComplaintPage {
        @Schema(required = true)
        public List<ComplaintView> items;
        @Schema(description = "Pass as cursor to get the next page; absent on the last page")
        public String nextCursor;
    }
}
