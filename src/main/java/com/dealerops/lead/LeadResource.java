package com.dealerops.lead;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import com.dealerops.common.error.DatabaseFailures;
import com.dealerops.common.error.Problem;
import com.dealerops.common.error.Problems;
import com.dealerops.common.error.ProblemException;
import com.dealerops.common.idempotency.Idempotency;
import com.dealerops.common.idempotency.Outcome;
import com.dealerops.common.openapi.ApiDocs;
import com.dealerops.common.paging.ListQuery;
import com.dealerops.common.paging.PageResponses;
import com.dealerops.common.security.Caller;
import com.dealerops.common.security.CurrentCaller;
import com.dealerops.common.security.Roles;
import com.dealerops.lead.dto.ActionInput;
import com.dealerops.lead.dto.ActivityInput;
import com.dealerops.lead.dto.ActivityView;
import com.dealerops.lead.dto.AssignInput;
import com.dealerops.lead.dto.GradeOverrideInput;
import com.dealerops.lead.dto.LeadInput;
import com.dealerops.lead.dto.LeadPatch;
import com.dealerops.lead.dto.LeadView;
import com.dealerops.lead.dto.LoseInput;
import com.dealerops.lead.dto.ResponseMissView;
import com.dealerops.lead.dto.SourceRecordView;
import com.dealerops.settings.LeadSettings;
import com.dealerops.settings.SettingsSection;
import com.dealerops.settings.SettingsService;
import com.dealerops.common.web.CompletesDespiteDisconnect;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/api/v1/leads")
@Tag(name = "Leads", description = "Sales leads (销售线索): intake, grading, routing, the funnel's first steps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadResource {

    public static final String ADF = "application/adf+xml";
    public static final String X_ADF = "application/x-adf+xml";

    private static final String EXAMPLE_INPUT = """
            {"customer":{"name":"王伟","phone":"13812345678","email":"wang.wei@example.cn"},"source":"WALK_IN",
             "interests":[{"make":"BYD","model":"Seal","trim":"650 Premium","colour":"Aurora White","condition":"NEW",
               "budgetMin":{"amount":"170000.00","currency":"CNY"},"budgetMax":{"amount":"200000.00","currency":"CNY"}}],
             "timeframe":{"earliest":"2026-11-28","latest":"2026-12-04"},
             "tradeIn":{"make":"Volkswagen","model":"Lavida","year":2018,"mileageKm":86000},"comments":"周末想试驾"}""";
    private static final String EXAMPLE_ADF = """
            <?xml version="1.0" encoding="UTF-8"?>
            <?adf version="1.0"?>
            <adf><prospect status="new"><id sequence="1" source="AutoPortal">AP-2026-118733</id>
            <requestdate>2026-11-27T10:15:00+08:00</requestdate>
            <vehicle interest="buy" status="new"><year>2026</year><make>BYD</make><model>Seal</model></vehicle>
            <customer><contact><name part="first">伟</name><name part="last">王</name>
            <phone type="cellphone">13812345678</phone></contact></customer>
            <vendor><vendorname>Pudong BYD 4S Store</vendorname></vendor></prospect></adf>""";
    static final String EXAMPLE_VIEW = """
            {"id":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01","version":0,"status":"NEW","grade":"H","computedGrade":"H",
             "source":"WALK_IN","customer":{"id":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21","name":"王伟",
               "maskedPhone":"138****5678","phone":"+8613812345678"},
             "interests":[{"make":"BYD","model":"Seal","trim":"650 Premium","colour":"Aurora White","condition":"NEW",
               "budgetMin":{"amount":"170000.00","currency":"CNY"},"budgetMax":{"amount":"200000.00","currency":"CNY"}}],
             "timeframe":{"earliest":"2026-11-28","latest":"2026-12-04"},
             "tradeIn":{"make":"Volkswagen","model":"Lavida","year":2018,"mileageKm":86000},
             "assigneeId":"0193b0a4-0000-7000-8000-000000000101","assignedAt":"2026-11-28T09:30:00+08:00",
             "nextFollowUpAt":"2026-11-28T09:45:00+08:00","responseDueAt":"2026-11-28T09:45:00+08:00",
             "comments":"周末想试驾","allowedActions":["contact","lose","make-dormant"],
             "createdAt":"2026-11-28T09:30:00+08:00","updatedAt":"2026-11-28T09:30:00+08:00"}""";
    private static final String EXAMPLE_DUPLICATE = """
            {"id":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01","version":3,"status":"CONTACTED","source":"WALK_IN",
             "createdAt":"2026-11-28T09:30:00+08:00","duplicateOf":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01",
             "duplicateMatch":"PHONE"}""";
    private static final String EXAMPLE_INTAKE_VIEW = """
            {"id":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01","version":0,"status":"NEW","source":"THIRD_PARTY_PORTAL",
             "provider":"AutoPortal","providerLeadId":"AP-2026-118733","createdAt":"2026-11-28T09:30:00+08:00"}""";
    private static final String ILLEGAL_TRANSITION = """
            {"type":"urn:dealerops:problem:illegal-transition","title":"Illegal transition","status":409,
             "detail":"A NEW lead cannot qualify; it allows: contact, lose, make-dormant",
             "instance":"/api/v1/leads/0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01/qualify",
             "requestId":"5f0c6bb2-6f4e-4c55-9d1e-0b8b8ab3d1c7","currentStatus":"NEW",
             "allowedActions":["contact","lose","make-dormant"]}""";
    private static final String EXAMPLE_CONTACTED = """
            {"id":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01","version":1,"status":"CONTACTED","grade":"H",
             "computedGrade":"H","source":"WALK_IN","customer":{"id":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21",
               "name":"王伟","maskedPhone":"138****5678","phone":"+8613812345678"},
             "interests":[{"make":"BYD","model":"Seal"}],"timeframe":{"latest":"2026-12-04"},
             "assigneeId":"0193b0a4-0000-7000-8000-000000000101","assignedAt":"2026-11-28T09:30:00+08:00",
             "nextFollowUpAt":"2026-11-30T09:38:00+08:00","responseDueAt":"2026-11-28T09:45:00+08:00",
             "firstContactAt":"2026-11-28T09:38:00+08:00","firstResponseSeconds":480,
             "allowedActions":["qualify","lose","make-dormant"],"createdAt":"2026-11-28T09:30:00+08:00",
             "updatedAt":"2026-11-28T09:38:00+08:00"}""";
    private static final String EXAMPLE_PAGE = """
            {"items":[{"id":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01","version":0,"status":"NEW","grade":"H",
               "computedGrade":"H","source":"WEBSITE","customer":{"id":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21",
                 "name":"王伟","maskedPhone":"138****5678"},"interests":[{"make":"BYD","model":"Seal"}],
               "assigneeId":"0193b0a4-0000-7000-8000-000000000101","assignedAt":"2026-11-28T09:30:00+08:00",
               "nextFollowUpAt":"2026-11-28T09:45:00+08:00","responseDueAt":"2026-11-28T09:45:00+08:00",
               "allowedActions":["contact","lose","make-dormant"],"createdAt":"2026-11-28T09:30:00+08:00",
               "updatedAt":"2026-11-28T09:30:00+08:00"}],
             "nextCursor":"eyJrIjoibmV4dEZvbGxvd1VwQXQiLCJ2IjoiMjAyNi0xMS0yOFQwMTo0NTowMFoifQ"}""";
    private static final String EXAMPLE_ACTIVITY = """
            {"id":"0193b0a5-2222-7c39-9a57-3c1f0a3e8c02","leadId":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01",
             "kind":"CALL","channel":"PHONE","outcome":"APPOINTMENT_SET","notes":"客户周六上午来店试驾",
             "staffId":"0193b0a4-0000-7000-8000-000000000101","occurredAt":"2026-11-28T09:38:00+08:00",
             "recordedAt":"2026-11-28T09:38:02+08:00"}""";
    private static final String EXAMPLE_ACTIVITIES = "{\"items\":[" + EXAMPLE_ACTIVITY + "]}";
    private static final String EXAMPLE_OVERDUE = """
            {"items":[{"leadId":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01","customerName":"王伟",
               "assigneeId":"0193b0a4-0000-7000-8000-000000000101","assigneeName":"李明",
               "dueAt":"2026-11-28T09:45:00+08:00","detectedAt":"2026-11-28T09:45:20+08:00","status":"NEW"}]}""";
    private static final String EXAMPLE_SOURCE = """
            {"format":"ADF_XML","payload":"<?xml version=\\"1.0\\"?><adf><prospect>...</prospect></adf>",
             "unmapped":{"adf/prospect/vehicle[1]/price":"189800","adf/prospect/vendor/vendorname":"Pudong BYD 4S Store"},
             "receivedAt":"2026-11-28T09:30:00+08:00"}""";
    private static final String EXAMPLE_NOTE = "{\"note\":\"客户确认预算和车型\"}";
    private static final String ACTION_DOC = " The body is optional (send none, with any or no Content-Type). "
            + "Roles: the assigned salesperson, sales-manager. If-Match is optional (412 when stale); "
            + "409 illegal-transition names the current status and the allowed actions; 409 changed-meanwhile when, "
            + "without If-Match, another change to the lead committed while this one ran.";

    private final LeadService leads;
    private final LeadOverdueQuery overdue;
    private final SettingsService settings;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public LeadResource(LeadService leads, LeadOverdueQuery overdue, SettingsService settings,
            Idempotency idempotency, CurrentCaller caller) {
        this.leads = leads;
        this.overdue = overdue;
        this.settings = settings;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, ADF, X_ADF })
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATION })
    @Operation(summary = "Take in a lead (JSON or ADF 1.0 XML)", description = "Roles: sales (the lead is theirs), "
            + "sales-manager (assigneeId, or routing), integration (JSON or ADF XML; routed). Unassigned leads go "
            + "round-robin to on-duty salespeople when the dealer's leads.autoRouting is on. "
            + "Duplicates are not created twice: the same provider lead id answers 200 with the lead it already is; "
            + "a customer (matched by phone, then email) with an open lead answers 200 with that lead, the new "
            + "interest attached to it as an INTEREST activity; both carry duplicateOf and duplicateMatch. Callers "
            + "who may not read the matched lead (integration, another salesperson) get only its intake fields. "
            + "ADF: one <prospect> per request; fields that map to nothing are kept in the lead's source record; "
            + "a DOCTYPE (entities, XXE) or malformed XML is a 400; an ADF document over 64 K characters "
            + "(JSON: 1 MB) a 413.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadInput.class),
                    examples = @ExampleObject(name = "walk-in", value = EXAMPLE_INPUT)),
            @Content(mediaType = ADF, schema = @Schema(type = SchemaType.STRING, description = "ADF 1.0 XML"),
                    examples = @ExampleObject(name = "portal lead", value = EXAMPLE_ADF)),
            @Content(mediaType = X_ADF, schema = @Schema(type = SchemaType.STRING, description = "ADF 1.0 XML")) })
    @APIResponse(responseCode = "201", description = "Created; a replay of the same Idempotency-Key gives the same "
            + "response with Idempotent-Replayed: true",
            headers = { @Header(name = "Location", description = "URL of the new lead",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = LeadView.class), examples = {
                    @ExampleObject(name = "created", value = EXAMPLE_VIEW),
                    @ExampleObject(name = "integration", value = EXAMPLE_INTAKE_VIEW) }))
    @APIResponse(responseCode = "200", description = "A duplicate: the existing lead, with duplicateOf",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadView.class),
                    examples = @ExampleObject(name = "duplicate", value = EXAMPLE_DUPLICATE)))
    @APIResponse(responseCode = "404", description = "customerId is not a customer the caller may work with",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The client-chosen id is taken, or the same Idempotency-Key is "
            + "still being processed", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "assigneeId is not an active salesperson of the dealer, or the "
            + "Idempotency-Key was used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Context HttpHeaders headers, String body) throws JsonProcessingException {
        Caller who = caller.get();
        MediaType type = headers.getMediaType();
        LeadInput input;
        LeadService.SourceRecord source = null;
        if (type != null && (type.isCompatible(MediaType.valueOf(ADF)) || type.isCompatible(MediaType.valueOf(X_ADF)))) {
            AdfParser.Parsed parsed = leads.readAdf(body);
            input = parsed.input();
            source = new LeadService.SourceRecord("ADF_XML", body, parsed.unmapped());
        } else {
            input = leads.readJson(body);
            if (who.has(com.dealerops.common.security.Role.INTEGRATION)) {
                source = new LeadService.SourceRecord("JSON", body, Map.of());
            }
        }
        LeadInput request = input;
        LeadService.SourceRecord record = source;
        // a concurrent intake of the same customer or provider lead can pass the checks and lose on a unique index;
        // run again, it finds what the other one committed and answers as a duplicate
        return Uni.createFrom().deferred(() -> leadSettings(who).chain(leadSettings -> idempotency.execute(who,
                idempotencyKey, "POST /api/v1/leads", request,
                () -> leads.create(who, request, leadSettings, record))))
                .onFailure(DatabaseFailures::isUniqueViolation).retry().atMost(2);
    }

    @GET
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "List leads", description = "Salespeople see the leads assigned to them and the "
            + "unassigned pool; sales managers and customer service all of the dealer's. Each row carries the "
            + "customer's name and masked phone. Default order: next follow-up first (updatedAt with updatedSince).")
    @APIResponse(responseCode = "200", description = "A page of leads; Link: <...>; rel=\"next\" when there is "
            + "another page", headers = @Header(name = "Link", description = "RFC 8288 link to the next page",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadPage.class),
                    examples = @ExampleObject(name = "page", value = EXAMPLE_PAGE)))
    public Uni<Response> list(
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = ApiDocs.CURSOR) @QueryParam("cursor") String cursor,
            @Parameter(description = "Sort order", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "nextFollowUpAt", "-nextFollowUpAt", "createdAt", "-createdAt", "updatedAt", "-updatedAt" },
                    defaultValue = "nextFollowUpAt")) @QueryParam("sort") String sort,
            @Parameter(description = "'me', 'none' (the unassigned pool) or a staff id") @QueryParam("assignee")
            String assignee,
            @Parameter(description = "Only these statuses (repeat the parameter or separate by commas)",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = LeadStatus.class))
            @QueryParam("status") List<String> status,
            @Parameter(description = "Only these grades (repeat the parameter or separate by commas)",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Grade.class)) @QueryParam("grade")
            List<String> grade,
            @Parameter(description = "Only leads whose next follow-up is before this time (RFC 3339)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("dueBefore")
            String dueBefore,
            @Parameter(description = ApiDocs.UPDATED_SINCE, schema = @Schema(type = SchemaType.STRING,
                    format = "date-time")) @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Only leads of this customer") @QueryParam("customerId") String customerId,
            @Context UriInfo uriInfo) {
        Caller who = caller.get();
        ListQuery query = ListQuery.of(limit, cursor, sort, updatedSince);
        boolean pool = assignee != null && assignee.trim().equals("none");
        LeadListQuery.Filter filter = new LeadListQuery.Filter(pool ? null : staffId("assignee", assignee, who),
                pool, false, who.staffId(), ListQuery.enums("status", status, LeadStatus.class),
                ListQuery.enums("grade", grade, Grade.class), ListQuery.timestamp("dueBefore", dueBefore),
                query.updatedSince(), uuid("customerId", customerId));
        return leads.list(who, filter, query.sort(), query.cursor(), query.limit())
                .map(page -> PageResponses.ok(page, uriInfo));
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({ Roles.SALES_MANAGER })
    @Operation(summary = "Leads that missed their first-response deadline", description = "Role: sales-manager. "
            + "Newest first. A lead not contacted within the dealer's leads.firstResponseMinutes is returned to the "
            + "unassigned pool and listed here once, with who had it.")
    @APIResponse(responseCode = "200", description = "A page of missed first responses",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ResponseMissPage.class),
                    examples = @ExampleObject(name = "overdue", value = EXAMPLE_OVERDUE)))
    public Uni<Response> overdue(
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = ApiDocs.CURSOR) @QueryParam("cursor") String cursor,
            @Context UriInfo uriInfo) {
        Caller who = caller.get();
        return overdue.list(who, cursor, ListQuery.limit(limit)).map(page -> PageResponses.ok(page, uriInfo));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE, Roles.INTEGRATION })
    @Operation(summary = "Get a lead", description = "404 for leads of other dealers and leads the caller may not "
            + "see. Integration reads only the leads it created, as their intake fields.")
    @APIResponse(responseCode = "200", description = "The lead",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadView.class), examples = {
                    @ExampleObject(name = "sales", value = EXAMPLE_VIEW),
                    @ExampleObject(name = "integration", value = EXAMPLE_INTAKE_VIEW) }))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> get(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IF_NONE_MATCH) @HeaderParam(EntityTags.IF_NONE_MATCH) String ifNoneMatch) {
        Caller who = caller.get();
        return leads.get(who, id).map(view -> EntityTags.notModified(ifNoneMatch, view.version())
                ? Response.notModified(EntityTags.of(view.version())).build()
                : Response.ok(view).tag(EntityTags.of(view.version())).build());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(ApiDocs.MERGE_PATCH)
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Change a lead's interests, timeframe, trade-in, comments or next follow-up",
            description = "JSON Merge Patch (RFC 7396). A new timeframe recomputes the grade (a manager's override "
                    + "stays). Roles: the assigned salesperson, sales-manager.")
    @RequestBody(required = true, content = @Content(mediaType = ApiDocs.MERGE_PATCH,
            schema = @Schema(implementation = LeadPatch.class), examples = @ExampleObject(name = "timeframe",
                    value = "{\"timeframe\":{\"latest\":\"2026-12-20\"},\"comments\":null}")))
    @APIResponse(responseCode = "200", description = "The updated lead",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadView.class),
                    examples = @ExampleObject(name = "updated", value = EXAMPLE_VIEW)))
    public Uni<Response> patch(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IF_MATCH, required = true) @HeaderParam(EntityTags.IF_MATCH)
            String ifMatch,
            @NotNull JsonNode body) {
        Caller who = caller.get();
        long version = EntityTags.requiredVersion(ifMatch);
        return leads.patch(who, id, version, body).map(LeadResource::written);
    }

    @POST
    @Path("/{id}/contact")
    @Consumes(MediaType.WILDCARD) // the body is optional: a client sending none need not name a type
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Record the first contact (NEW → CONTACTED)", description = "Records the first-response "
            + "time; the next follow-up follows the grade's interval (dealer setting)." + ACTION_DOC)
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActionInput.class),
            examples = @ExampleObject(name = "note", value = EXAMPLE_NOTE)))
    @APIResponse(responseCode = "200", description = "The lead in its new status",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadView.class),
                    examples = @ExampleObject(name = "lead", value = EXAMPLE_CONTACTED)))
    @APIResponse(responseCode = "409", description = "Illegal transition", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "illegal-transition", value = ILLEGAL_TRANSITION)))
    public Uni<Response> contact(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER)
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            String body) throws JsonProcessingException {
        return action(id, idempotencyKey, ifMatch, LeadAction.CONTACT, leads.readNote(body));
    }

    @POST
    @Path("/{id}/qualify")
    @Consumes(MediaType.WILDCARD) // the body is optional: a client sending none need not name a type
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Qualify a lead (CONTACTED → QUALIFIED)", description = "Needs and budget confirmed."
            + ACTION_DOC)
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActionInput.class),
            examples = @ExampleObject(name = "note", value = EXAMPLE_NOTE)))
    @APIResponse(responseCode = "200", description = "The lead in its new status",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadView.class),
                    examples = @ExampleObject(name = "lead", value = EXAMPLE_CONTACTED)))
    @APIResponse(responseCode = "409", description = "Illegal transition", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "illegal-transition", value = ILLEGAL_TRANSITION)))
    public Uni<Response> qualify(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER)
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            String body) throws JsonProcessingException {
        return action(id, idempotencyKey, ifMatch, LeadAction.QUALIFY, leads.readNote(body));
    }

    @POST
    @Path("/{id}/test-drive")
    @Consumes(MediaType.WILDCARD) // the body is optional: a client sending none need not name a type
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Mark a test drive taken (QUALIFIED → TEST_DRIVE)", description = "A completed test drive "
            + "booking will do this by itself once test drives exist." + ACTION_DOC)
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActionInput.class),
            examples = @ExampleObject(name = "note", value = EXAMPLE_NOTE)))
    @APIResponse(responseCode = "200", description = "The lead in its new status",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadView.class),
                    examples = @ExampleObject(name = "lead", value = EXAMPLE_CONTACTED)))
    @APIResponse(responseCode = "409", description = "Illegal transition", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "illegal-transition", value = ILLEGAL_TRANSITION)))
    public Uni<Response> testDrive(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER)
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            String body) throws JsonProcessingException {
        return action(id, idempotencyKey, ifMatch, LeadAction.TEST_DRIVE, leads.readNote(body));
    }

    @POST
    @Path("/{id}/quote")
    @Consumes(MediaType.WILDCARD) // the body is optional: a client sending none need not name a type
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Mark a quote given (QUALIFIED or TEST_DRIVE → QUOTED)", description = "Sending a quote "
            + "will do this by itself once quotes exist." + ACTION_DOC)
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActionInput.class),
            examples = @ExampleObject(name = "note", value = EXAMPLE_NOTE)))
    @APIResponse(responseCode = "200", description = "The lead in its new status",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadView.class),
                    examples = @ExampleObject(name = "lead", value = EXAMPLE_CONTACTED)))
    @APIResponse(responseCode = "409", description = "Illegal transition", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "illegal-transition", value = ILLEGAL_TRANSITION)))
    public Uni<Response> quote(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER)
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            String body) throws JsonProcessingException {
        return action(id, idempotencyKey, ifMatch, LeadAction.QUOTE, leads.readNote(body));
    }

    @POST
    @Path("/{id}/win")
    @Consumes(MediaType.WILDCARD) // the body is optional: a client sending none need not name a type
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Mark a lead won (QUOTED → WON)", description = "Final." + ACTION_DOC)
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActionInput.class),
            examples = @ExampleObject(name = "note", value = EXAMPLE_NOTE)))
    @APIResponse(responseCode = "200", description = "The lead in its new status",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadView.class),
                    examples = @ExampleObject(name = "lead", value = EXAMPLE_CONTACTED)))
    @APIResponse(responseCode = "409", description = "Illegal transition", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "illegal-transition", value = ILLEGAL_TRANSITION)))
    public Uni<Response> win(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER)
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            String body) throws JsonProcessingException {
        return action(id, idempotencyKey, ifMatch, LeadAction.WIN, leads.readNote(body));
    }

    @POST
    @Path("/{id}/lose")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Mark a lead lost (any open status → LOST)", description = "The reason is required."
            + ACTION_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LoseInput.class),
            examples = @ExampleObject(name = "lost", value = "{\"reason\":\"买了竞品\"}")))
    @APIResponse(responseCode = "200", description = "The lead in its new status",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadView.class),
                    examples = @ExampleObject(name = "lead", value = EXAMPLE_CONTACTED)))
    @APIResponse(responseCode = "409", description = "Illegal transition", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "illegal-transition", value = ILLEGAL_TRANSITION)))
    public Uni<Response> lose(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER)
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull LoseInput body) {
        return action(id, idempotencyKey, ifMatch, LeadAction.LOSE, body.reason());
    }

    @POST
    @Path("/{id}/make-dormant")
    @Consumes(MediaType.WILDCARD) // the body is optional: a client sending none need not name a type
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Put a lead to sleep (any open status → DORMANT)", description = "The customer is not "
            + "buying now but not lost." + ACTION_DOC)
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActionInput.class),
            examples = @ExampleObject(name = "note", value = EXAMPLE_NOTE)))
    @APIResponse(responseCode = "200", description = "The lead in its new status",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadView.class),
                    examples = @ExampleObject(name = "lead", value = EXAMPLE_CONTACTED)))
    @APIResponse(responseCode = "409", description = "Illegal transition", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "illegal-transition", value = ILLEGAL_TRANSITION)))
    public Uni<Response> makeDormant(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER)
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            String body) throws JsonProcessingException {
        return action(id, idempotencyKey, ifMatch, LeadAction.MAKE_DORMANT, leads.readNote(body));
    }

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.WILDCARD) // the body is optional: a client sending none need not name a type
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Reopen a lost or dormant lead", description = "Back to CONTACTED if the customer was ever "
            + "contacted, else NEW. 409 customer-has-open-lead (openLeadId) when the customer has another open lead."
            + ACTION_DOC)
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActionInput.class),
            examples = @ExampleObject(name = "note", value = EXAMPLE_NOTE)))
    @APIResponse(responseCode = "200", description = "The lead in its new status",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadView.class),
                    examples = @ExampleObject(name = "lead", value = EXAMPLE_CONTACTED)))
    @APIResponse(responseCode = "409", description = "Illegal transition, or the customer has another open lead",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "illegal-transition", value = ILLEGAL_TRANSITION)))
    public Uni<Response> reopen(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER)
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            String body) throws JsonProcessingException {
        return action(id, idempotencyKey, ifMatch, LeadAction.REOPEN, leads.readNote(body));
    }

    private Uni<Response> action(UUID id, String idempotencyKey, String ifMatch, LeadAction action, String text) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return leadSettings(who).chain(leadSettings -> idempotency.execute(who, idempotencyKey,
                "POST /api/v1/leads/" + id + "/" + action.path(), text == null ? "" : text,
                () -> leads.act(who, id, version, action, text, leadSettings)));
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed({ Roles.SALES_MANAGER })
    @Operation(summary = "Assign or reassign a lead", description = "Role: sales-manager. Open leads only (409 "
            + "lead-closed). The customer, if nobody owns them yet, goes to the new assignee. If-Match is optional.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AssignInput.class),
            examples = @ExampleObject(name = "assign", value = "{\"assigneeId\":\"0193b0a4-0000-7000-8000-000000000102\"}")))
    @APIResponse(responseCode = "200", description = "The lead with its new assignee",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadView.class),
                    examples = @ExampleObject(name = "lead", value = EXAMPLE_CONTACTED)))
    @APIResponse(responseCode = "409", description = "The lead is closed", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "assigneeId is not an active salesperson of the dealer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> assign(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER)
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull AssignInput body) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/leads/" + id + "/assign", body,
                () -> leads.assign(who, id, version, body.assigneeId()));
    }

    @POST
    @Path("/{id}/claim")
    @Consumes(MediaType.WILDCARD) // no body: a client need not say what it does not send
    @RolesAllowed({ Roles.SALES })
    @Operation(summary = "Take a lead from the unassigned pool", description = "Role: sales. 409 already-assigned "
            + "when someone took it first (also when two claim at once), without saying who; claiming one's own lead "
            + "again changes nothing. If-Match is optional.")
    @APIResponse(responseCode = "200", description = "The lead, now the caller's",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadView.class),
                    examples = @ExampleObject(name = "lead", value = EXAMPLE_CONTACTED)))
    @APIResponse(responseCode = "409", description = "Already assigned, or the lead is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> claim(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER)
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        Supplier<Uni<Outcome>> work = () -> leads.claim(who, id, version);
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/leads/" + id + "/claim", "", work)
                // two claims at once: the loser's versioned update finds the row changed
                .onFailure(failure -> version == null && Problems.causedByStaleVersion(failure))
                .transform(failure -> LeadService.alreadyClaimed());
    }

    @POST
    @Path("/{id}/grade-override")
    @RolesAllowed({ Roles.SALES_MANAGER })
    @Operation(summary = "Override a lead's grade", description = "Role: sales-manager. The override wins over the "
            + "grade computed from the timeframe until it is removed. If-Match is optional.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = GradeOverrideInput.class),
            examples = @ExampleObject(name = "override", value = "{\"grade\":\"A\",\"reason\":\"已付意向金\"}")))
    @APIResponse(responseCode = "200", description = "The lead with its new grade",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadView.class),
                    examples = @ExampleObject(name = "lead", value = EXAMPLE_CONTACTED)))
    public Uni<Response> overrideGrade(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER)
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull GradeOverrideInput body) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/leads/" + id + "/grade-override", body,
                () -> leads.overrideGrade(who, id, version, body.grade(), body.reason()));
    }

    @DELETE
    @Path("/{id}/grade-override")
    @RolesAllowed({ Roles.SALES_MANAGER })
    @Operation(summary = "Remove a grade override", description = "Role: sales-manager. The computed grade applies "
            + "again. If-Match is optional.")
    @APIResponse(responseCode = "200", description = "The lead with its computed grade",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadView.class),
                    examples = @ExampleObject(name = "lead", value = EXAMPLE_CONTACTED)))
    public Uni<Response> clearGradeOverride(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return leads.overrideGrade(who, id, version, null, null).map(LeadResource::written);
    }

    @GET
    @Path("/{id}/activities")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "A lead's activities", description = "Calls, messages, visits, notes and attached "
            + "duplicate intakes, newest first.")
    @APIResponse(responseCode = "200", description = "A page of activities",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ActivityPage.class),
                    examples = @ExampleObject(name = "activities", value = EXAMPLE_ACTIVITIES)))
    public Uni<Response> activities(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = ApiDocs.CURSOR) @QueryParam("cursor") String cursor,
            @Context UriInfo uriInfo) {
        Caller who = caller.get();
        return leads.activities(who, id, cursor, ListQuery.limit(limit)).map(page -> PageResponses.ok(page, uriInfo));
    }

    @POST
    @Path("/{id}/activities")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Record an activity on a lead", description = "Roles: the assigned salesperson, "
            + "sales-manager. A CALL or VISIT on a NEW lead is its first contact: the lead becomes CONTACTED and its "
            + "first-response time is recorded.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ActivityInput.class),
            examples = @ExampleObject(name = "call", value = "{\"kind\":\"CALL\",\"channel\":\"PHONE\","
                    + "\"outcome\":\"APPOINTMENT_SET\",\"notes\":\"客户周六上午来店试驾\"}")))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ActivityView.class),
                    examples = @ExampleObject(name = "call", value = EXAMPLE_ACTIVITY)))
    @APIResponse(responseCode = "409", description = "The client-chosen id is taken, or the same Idempotency-Key is "
            + "still being processed", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public Uni<Response> addActivity(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER)
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @NotNull ActivityInput body) {
        Caller who = caller.get();
        return leadSettings(who).chain(leadSettings -> idempotency.execute(who, idempotencyKey,
                "POST /api/v1/leads/" + id + "/activities", body,
                () -> leads.addActivity(who, id, body, leadSettings)));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "History of a lead", description = "Every change, oldest first: creation, assignments "
            + "(assignedBy ROUTED, MANAGER, CLAIMED or SELF), status changes, duplicate intakes, grade overrides, "
            + "missed first responses (FIRST_RESPONSE_MISSED, by the service itself).")
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
        Caller who = caller.get();
        return leads.history(who, id, cursor, ListQuery.limit(limit)).map(page -> PageResponses.ok(page, uriInfo));
    }

    @GET
    @Path("/{id}/source")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE })
    @Operation(summary = "What a third party sent for this lead", description = "The payload as received (JSON or "
            + "ADF XML) and the fields that mapped to no lead field. It holds the customer's full contact details, "
            + "so a salesperson gets it for their own leads only (403 on a pool lead: claim it first). 404 for leads "
            + "not taken in from a third party.")
    @APIResponse(responseCode = "200", description = "The source record",
            content = @Content(schema = @Schema(implementation = SourceRecordView.class),
                    examples = @ExampleObject(name = "ADF", value = EXAMPLE_SOURCE)))
    public Uni<SourceRecordView> source(@PathParam("id") UUID id) {
        return leads.sourceRecord(caller.get(), id);
    }

    private Uni<LeadSettings> leadSettings(Caller who) {
        // read before the write's transaction opens: no request holds one connection while it waits for another
        return settings.section(who.dealerId(), SettingsSection.LEADS, LeadSettings.class)
                .map(versioned -> versioned.settings());
    }

    private static Response written(Outcome outcome) {
        return Response.ok(outcome.body()).tag(EntityTags.of(outcome.version())).build();
    }


    private static UUID staffId(String name, String value, Caller who) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.trim().equals("me") ? who.staffId() : uuid(name, value);
    }

    private static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID" + (name.equals("assignee") ? ", 'me' or 'none'" : ""));
        }
    }

    @Schema(name = "LeadPage")
    static final class LeadPage {
        @Schema(required = true)
        public List<LeadView> items;
        @Schema(description = "Pass as cursor to get the next page; absent on the last page")
        public String nextCursor;
    }

    @Schema(name = "ActivityPage")
    static final class ActivityPage {
        @Schema(required = true)
        public List<ActivityView> items;
        @Schema(description = "Pass as cursor to get the next page; absent on the last page")
        public String nextCursor;
    }

    @Schema(name = "ResponseMissPage")
    static final class ResponseMissPage {
        @Schema(required = true)
        public List<ResponseMissView> items;
        @Schema(description = "Pass as cursor to get the next page; absent on the last page")
        public String nextCursor;
    }
}
