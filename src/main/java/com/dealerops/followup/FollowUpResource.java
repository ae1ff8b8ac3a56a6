package com.dealerops.followup;

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
import com.dealerops.common.idempotency.Idempotency;
import com.dealerops.common.openapi.ApiDocs;
import com.dealerops.common.paging.ListQuery;
import com.dealerops.common.paging.PageResponses;
import com.dealerops.common.security.Caller;
import com.dealerops.common.security.CurrentCaller;
import com.dealerops.common.security.Roles;
import com.dealerops.followup.dto.AssignInput;
import com.dealerops.followup.dto.CancelInput;
import com.dealerops.followup.dto.FollowUpInput;
import com.dealerops.followup.dto.FollowUpView;
import com.dealerops.followup.dto.RescheduleInput;
import com.dealerops.followup.dto.ResultInput;
import com.dealerops.settings.FollowUpSettings;
import com.dealerops.settings.SettingsSection;
import com.dealerops.settings.SettingsService;
import com.dealerops.common.web.CompletesDespiteDisconnect;

import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/api/v1/follow-ups")
@Tag(name = "Follow-ups", description = "Follow-up visits and calls (回访), satisfaction surveys (满意度调查)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FollowUpResource {

    static final String EXAMPLE_VIEW = """
            {"id":"0193b0d1-5555-7c39-9a57-3c1f0a3e9d01","version":0,"kind":"POST_DELIVERY","status":"DUE",
             "customerId":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21","deliveryId":"0193b0c9-6666-7c39-9a57-3c1f0a3e9e01",
             "team":"CUSTOMER_SERVICE","channel":"PHONE","dueAt":"2026-12-12T10:30:00+08:00","overdue":false,
             "survey":true,"purpose":"交车后第7天回访 / Day 7 after delivery","allowedActions":["result","reschedule",
             "cancel","assign"],"createdAt":"2026-12-05T10:30:00+08:00","updatedAt":"2026-12-05T10:30:00+08:00"}""";
    private static final String EXAMPLE_DONE = """
            {"id":"0193b0d1-5555-7c39-9a57-3c1f0a3e9d01","version":1,"kind":"POST_DELIVERY","status":"DONE",
             "customerId":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21","deliveryId":"0193b0c9-6666-7c39-9a57-3c1f0a3e9e01",
             "team":"CUSTOMER_SERVICE","assigneeId":"0193b0a4-0000-7000-8000-000000000401","channel":"PHONE",
             "dueAt":"2026-12-12T10:30:00+08:00","overdue":false,"survey":true,
             "purpose":"交车后第7天回访 / Day 7 after delivery",
             "result":{"id":"5b0d2f4e-8f61-4c1a-9d2b-0a6b7c8d9e01","status":"DONE",
               "occurredAt":"2026-12-12T15:20:00+08:00","lateMinutes":290,"outcome":"客户对交车过程满意",
               "satisfaction":{"answers":[{"question":"SALES_CONSULTANT","score":5},
                 {"question":"DELIVERY_PROCESS","score":4},{"question":"VEHICLE","score":5}],"nps":9},
               "lowScore":false,"nextAction":"12月底提醒首保","recordedBy":"0193b0a4-0000-7000-8000-000000000401",
               "recordedAt":"2026-12-12T18:02:00+08:00"},
             "allowedActions":[],"createdAt":"2026-12-05T10:30:00+08:00","updatedAt":"2026-12-12T18:02:00+08:00"}""";
    private static final String EXAMPLE_RESULT = """
            {"id":"5b0d2f4e-8f61-4c1a-9d2b-0a6b7c8d9e01","status":"DONE","occurredAt":"2026-12-12T15:20:00+08:00",
             "outcome":"客户对交车过程满意","satisfaction":{"answers":[{"question":"SALES_CONSULTANT","score":5},
             {"question":"DELIVERY_PROCESS","score":4},{"question":"VEHICLE","score":5}],"nps":9},
             "nextAction":"12月底提醒首保"}""";
    private static final String EXAMPLE_CLOSED = """
            {"type":"urn:dealerops:problem:follow-up-closed","title":"Follow-up already closed","status":409,
             "detail":"Another result was recorded for this follow-up at 2026-12-12T16:00:00+08:00; it is DONE",
             "instance":"/api/v1/follow-ups/0193b0d1-5555-7c39-9a57-3c1f0a3e9d01/result",
             "requestId":"5f0c6bb2-6f4e-4c55-9d1e-0b8b8ab3d1c7","currentStatus":"DONE",
             "result":{"id":"7c1e3a5b-2d4f-4e6a-8b0c-1d2e3f4a5b6c","status":"DONE",
               "occurredAt":"2026-12-12T16:00:00+08:00","lateMinutes":330,"outcome":"已电话回访","lowScore":false,
               "recordedBy":"0193b0a4-0000-7000-8000-000000000402","recordedAt":"2026-12-12T16:01:00+08:00"}}""";
    private static final String ROLES_DOC = " Roles: its assignee; customer service for any; sales managers for the "
            + "sales team's.";

    private final FollowUpService followUps;
    private final SettingsService settings;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public FollowUpResource(FollowUpService followUps, SettingsService settings, Idempotency idempotency,
            CurrentCaller caller) {
        this.followUps = followUps;
        this.settings = settings;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "Schedule a follow-up", description = "Roles: sales, sales-manager and customer service "
            + "(SURVEY), after-sales and customer service (POST_SERVICE). The caller's team owns it (customer "
            + "service, after-sales, or sales). 422 no-contact-consent for a customer who does not want to be "
            + "contacted: PostgreSQL refuses such a follow-up too.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = FollowUpInput.class),
            examples = @ExampleObject(name = "after-service", value = """
                    {"kind":"POST_SERVICE","customerId":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21","channel":"PHONE",
                     "dueAt":"2026-12-01T10:00:00+08:00","survey":true,"purpose":"保养后回访：确认刹车异响已解决"}""")))
    @APIResponse(responseCode = "201", description = "Scheduled",
            headers = { @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = FollowUpView.class),
                    examples = @ExampleObject(name = "scheduled", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "404", description = "The customer is not one the caller may see", content =
            @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "id-taken, or the same Idempotency-Key still in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "no-contact-consent, in-the-past, unknown-assignee, or an "
            + "Idempotency-Key reused", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull FollowUpInput body) {
        Caller who = caller.get();
        return rules(who).chain(rules -> idempotency.execute(who, idempotencyKey, "POST /api/v1/follow-ups", body,
                () -> followUps.create(who, body, rules)))
                .onFailure().transform(FollowUpService::explainConflict);
    }

    @GET
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "List follow-ups", description = "Earliest due first. Customer service and sales "
            + "managers see all; salespeople and after-sales their own. overdue=true lists follow-ups still DUE more "
            + "than the dealer's tolerance (follow-ups settings, overdueToleranceHours) after their due time.")
    @APIResponse(responseCode = "200", description = "A page of follow-ups",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = FollowUpPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\":[" + EXAMPLE_VIEW + "]}")))
    public Uni<Response> list(
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = ApiDocs.CURSOR) @QueryParam("cursor") String cursor,
            @Parameter(description = "Only these statuses (repeat or comma-separate)", schema = @Schema(
                    type = SchemaType.ARRAY, implementation = FollowUpStatus.class)) @QueryParam("status")
            List<String> status,
            @Parameter(description = "Only these kinds (repeat or comma-separate)", schema = @Schema(
                    type = SchemaType.ARRAY, implementation = FollowUpKind.class)) @QueryParam("kind")
            List<String> kind,
            @Parameter(description = "'me', a staff id, or 'none' for customer service's queue")
            @QueryParam("assignee") String assignee,
            @Parameter(description = "Only this customer's") @QueryParam("customerId") String customerId,
            @Parameter(description = "Only this delivery's plan") @QueryParam("deliveryId") String deliveryId,
            @Parameter(description = "Only those opened by (low score) or replacing (rescheduled) this follow-up")
            @QueryParam("originId") String originId,
            @Parameter(description = "Only due at or after this time (RFC 3339)", schema = @Schema(
                    type = SchemaType.STRING, format = "date-time")) @QueryParam("dueFrom") String dueFrom,
            @Parameter(description = "Only due before this time (RFC 3339)", schema = @Schema(
                    type = SchemaType.STRING, format = "date-time")) @QueryParam("dueTo") String dueTo,
            @Parameter(description = "Only overdue follow-ups", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("overdue") String overdue,
            @Context UriInfo uriInfo) {
        Caller who = caller.get();
        boolean unassigned = assignee != null && assignee.trim().equals("none");
        FollowUpService.Filter filter = new FollowUpService.Filter(
                ListQuery.enums("status", status, FollowUpStatus.class),
                ListQuery.enums("kind", kind, FollowUpKind.class),
                unassigned ? null : ListQuery.staff("assignee", assignee, who.staffId()), unassigned,
                ListQuery.uuid("customerId", customerId), ListQuery.uuid("deliveryId", deliveryId),
                ListQuery.uuid("originId", originId), ListQuery.timestamp("dueFrom", dueFrom),
                ListQuery.timestamp("dueTo", dueTo), ListQuery.bool("overdue", overdue, false));
        String after = cursor;
        int size = ListQuery.limit(limit);
        return rules(who).chain(rules -> followUps.list(who, filter, rules, after, size))
                .map(page -> PageResponses.ok(page, uriInfo));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "Get a follow-up", description = "404 for other dealers' follow-ups and, for salespeople "
            + "and after-sales, colleagues' follow-ups.")
    @APIResponse(responseCode = "200", description = "The follow-up",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = FollowUpView.class),
                    examples = @ExampleObject(name = "done", value = EXAMPLE_DONE)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        Caller who = caller.get();
        return rules(who).chain(rules -> followUps.get(who, id, rules))
                .map(view -> Response.ok(view).tag(EntityTags.of(view.version())).build());
    }

    @POST
    @Path("/{id}/result")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "Record the result of a follow-up (DUE → DONE or MISSED)", description = "For phones that "
            + "sync later: the result carries its own id (and an Idempotency-Key may be sent too). Sending the same "
            + "result again is 200 with what was recorded, never a second result. A follow-up that meanwhile got "
            + "another result (or was cancelled or rescheduled) is 409 follow-up-closed with that result. Recording "
            + "after the due time keeps the lateness (result.lateMinutes). A DONE survey with any answer at or below "
            + "the dealer's lowScoreThreshold, or an NPS at or below npsLowThreshold, opens a CARE_CALLBACK "
            + "follow-up in customer service's queue (see the history's LOW_SCORE event), and with openComplaint also "
            + "registers a complaint (RECEIVED) for customer service. A nurture follow-up done "
            + "moves the lead's next follow-up by its grade's interval. A customer-service follow-up waiting in the "
            + "queue is taken by whoever records it." + ROLES_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ResultInput.class),
            examples = @ExampleObject(name = "survey", value = EXAMPLE_RESULT)))
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = { @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = FollowUpView.class),
                    examples = @ExampleObject(name = "done", value = EXAMPLE_DONE)))
    @APIResponse(responseCode = "200", description = "This result was recorded already (a replay)",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = FollowUpView.class),
                    examples = @ExampleObject(name = "done", value = EXAMPLE_DONE)))
    @APIResponse(responseCode = "409", description = "follow-up-closed (with currentStatus and the other result), "
            + "id-taken (the result id is another follow-up's), or the same Idempotency-Key still in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "closed", value = EXAMPLE_CLOSED)))
    @APIResponse(responseCode = "422", description = "An Idempotency-Key reused for another request", content =
            @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> result(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull ResultInput body) {
        Caller who = caller.get();
        return settings.all(who.dealerId()).chain(all -> idempotency.execute(who, idempotencyKey,
                "POST /api/v1/follow-ups/" + id + "/result", body,
                () -> followUps.recordResult(who, id, body, all)))
                .onFailure().transform(FollowUpService::explainConflict);
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "Give a follow-up to someone", description = "Roles: customer service (any follow-up, to "
            + "a member of its team; null puts a customer-service follow-up back in the queue), sales managers (to "
            + "a salesperson, for the sales team's follow-ups). A nurture follow-up follows its lead's salesperson "
            + "(409 follows-lead). If-Match optional (412 when stale).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AssignInput.class),
            examples = @ExampleObject(name = "assign", value =
                    "{\"assigneeId\":\"0193b0a4-0000-7000-8000-000000000401\"}")))
    @APIResponse(responseCode = "200", description = "Assigned",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = FollowUpView.class),
                    examples = @ExampleObject(name = "assigned", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "409", description = "illegal-transition (not DUE), follows-lead (a nurture "
            + "follow-up goes with its lead: reassign the lead), or the same Idempotency-Key still in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "unknown-assignee", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> assign(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull AssignInput body) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return rules(who).chain(rules -> idempotency.execute(who, idempotencyKey,
                "POST /api/v1/follow-ups/" + id + "/assign", body,
                () -> followUps.assign(who, id, version, body.assigneeId(), rules)));
    }

    @POST
    @Path("/{id}/reschedule")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "Move a follow-up to another time (DUE → RESCHEDULED, and a new DUE one)", description =
            "The follow-up keeps its record as RESCHEDULED, pointing at its replacement (rescheduledTo); the "
            + "answer is the replacement. If-Match optional (412 when stale)." + ROLES_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RescheduleInput.class),
            examples = @ExampleObject(name = "reschedule", value =
                    "{\"dueAt\":\"2026-12-02T15:00:00+08:00\",\"reason\":\"客户出差，约下周二下午\"}")))
    @APIResponse(responseCode = "201", description = "The new follow-up",
            headers = { @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = FollowUpView.class),
                    examples = @ExampleObject(name = "rescheduled", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "409", description = "illegal-transition (not DUE), or the same Idempotency-Key "
            + "still in progress", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "in-the-past, or an Idempotency-Key reused", content =
            @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> reschedule(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull RescheduleInput body) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return rules(who).chain(rules -> idempotency.execute(who, idempotencyKey,
                "POST /api/v1/follow-ups/" + id + "/reschedule", body,
                () -> followUps.reschedule(who, id, version, body, rules)));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "Cancel a follow-up (DUE → CANCELLED)", description = "The reason is required. If-Match "
            + "optional (412 when stale)." + ROLES_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CancelInput.class),
            examples = @ExampleObject(name = "cancel", value = "{\"reason\":\"客户已到店面谈\"}")))
    @APIResponse(responseCode = "200", description = "Cancelled",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = FollowUpView.class),
                    examples = @ExampleObject(name = "cancelled", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "409", description = "illegal-transition (not DUE), closure-call (a complaint's "
            + "closure call is rescheduled or answered), or the same Idempotency-Key "
            + "still in progress", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public Uni<Response> cancel(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull CancelInput body) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return rules(who).chain(rules -> idempotency.execute(who, idempotencyKey,
                "POST /api/v1/follow-ups/" + id + "/cancel", body,
                () -> followUps.cancel(who, id, version, body.reason(), rules)));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "History of a follow-up", description = "Scheduling, assignments, the result, a low score "
            + "(LOW_SCORE with the care callback it opened), rescheduling and cancellation, oldest first.")
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
        return followUps.history(caller.get(), id, cursor, ListQuery.limit(limit))
                .map(page -> PageResponses.ok(page, uriInfo));
    }

    private Uni<FollowUpSettings> rules(Caller who) {
        return settings.section(who.dealerId(), SettingsSection.FOLLOW_UPS, FollowUpSettings.class)
                .map(section -> section.settings());
    }

    @Schema(name = "FollowUpPage")
    static final class FollowUpPage {
        @Schema(required = true)
        public List<FollowUpView> items;
        @Schema(description = "Pass as cursor to get the next page; absent on the last page")
        public String nextCursor;
    }
}
