package com.dealerops.quote;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import com.dealerops.quote.dto.NoteInput;
import com.dealerops.quote.dto.QuoteInput;
import com.dealerops.quote.dto.QuoteView;
import com.dealerops.quote.dto.RejectInput;
import com.dealerops.settings.GeneralSettings;
import com.dealerops.settings.QuoteSettings;
import com.dealerops.settings.SettingsSection;
import com.dealerops.settings.SettingsService;
import com.dealerops.settings.WorkingCalendar;
import com.dealerops.common.web.CompletesDespiteDisconnect;

import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/api/v1/quotes")
@Tag(name = "Quotes", description = "Quotes (报价) priced by the server, with the margin guard and revisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuoteResource {

    static final String EXAMPLE_INPUT = """
            {"leadId":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01","vehicleId":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01",
             "accessories":[{"name":"全车脚垫","quantity":1,"unitPrice":{"amount":"800.00","currency":"CNY"}}],
             "services":[{"kind":"INSURANCE","description":"商业险+交强险","price":{"amount":"6200.00","currency":"CNY"}},
                         {"kind":"REGISTRATION","price":{"amount":"500.00","currency":"CNY"}}],
             "discount":{"amount":{"amount":"5000.00","currency":"CNY"},"reason":"店庆优惠"},
             "financing":{"lender":"比亚迪汽车金融","downPayment":{"amount":"60000.00","currency":"CNY"},
                          "termMonths":36,"annualRatePercent":"0",
                          "fees":[{"name":"贷款手续费","amount":{"amount":"1500.00","currency":"CNY"}}]}}""";
    static final String EXAMPLE_VIEW = """
            {"id":"0193b0b1-2222-7c39-9a57-3c1f0a3e9a01","version":0,"number":"Q-0193B0B1","revision":1,
             "status":"DRAFT","leadId":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01",
             "customerId":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21",
             "salespersonId":"0193b0a4-0000-7000-8000-000000000101","currency":"CNY",
             "priced":{"vehicle":{"vehicleId":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01","vin":"LGXCE4CB8N0000017",
               "stockNumber":"S-2026-017","make":"比亚迪","model":"汉 EV","trim":"610KM 旗舰型","colour":"雪域白",
               "modelYear":2026,"factoryOrder":false,"price":{"amount":"209800.00","currency":"CNY"}},
              "factoryOptions":[],
              "accessories":[{"name":"全车脚垫","quantity":1,"unitPrice":{"amount":"800.00","currency":"CNY"},
                "lineTotal":{"amount":"800.00","currency":"CNY"}}],
              "services":[{"kind":"INSURANCE","description":"商业险+交强险","price":{"amount":"6200.00","currency":"CNY"}},
                {"kind":"REGISTRATION","price":{"amount":"500.00","currency":"CNY"}}],
              "discount":{"amount":{"amount":"5000.00","currency":"CNY"},"percentOfList":"2.38","reason":"店庆优惠"},
              "financing":{"lender":"比亚迪汽车金融","downPayment":{"amount":"60000.00","currency":"CNY"},
                "termMonths":36,"annualRatePercent":"0",
                "fees":[{"name":"贷款手续费","amount":{"amount":"1500.00","currency":"CNY"}}],
                "financedAmount":{"amount":"153800.00","currency":"CNY"},
                "monthlyPayment":{"amount":"4272.22","currency":"CNY"},
                "totalOfPayments":{"amount":"153799.92","currency":"CNY"},
                "financeCharge":{"amount":"-0.08","currency":"CNY"}},
              "totals":{"listPrice":{"amount":"209800.00","currency":"CNY"},
                "subtotal":{"amount":"217300.00","currency":"CNY"},"discount":{"amount":"5000.00","currency":"CNY"},
                "tradeInAllowance":{"amount":"0.00","currency":"CNY"},"fees":{"amount":"1500.00","currency":"CNY"},
                "total":{"amount":"213800.00","currency":"CNY"},
                "financedAmount":{"amount":"153800.00","currency":"CNY"},
                "monthlyPayment":{"amount":"4272.22","currency":"CNY"}}},
             "profit":{"netVehiclePrice":{"amount":"204800.00","currency":"CNY"},
               "cost":{"amount":"190000.00","currency":"CNY"},"grossMargin":{"amount":"14800.00","currency":"CNY"},
               "grossMarginPercent":"7.23"},
             "approval":{"required":false,"reasons":[],"discountLimitPercent":"3.00"},
             "allowedActions":["revise","send"],
             "createdAt":"2026-11-28T15:00:00+08:00","updatedAt":"2026-11-28T15:00:00+08:00"}""";
    private static final String EXAMPLE_PAGE = "{\"items\":[" + EXAMPLE_VIEW + "]}";
    private static final String EXAMPLE_APPROVAL_REQUIRED = """
            {"type":"urn:dealerops:problem:approval-required","title":"Needs a manager's approval","status":409,
             "detail":"This quote is beyond the margin guard (DISCOUNT_ABOVE_LIMIT) and a sales manager has not approved it",
             "instance":"/api/v1/quotes/0193b0b1-2222-7c39-9a57-3c1f0a3e9a01/send",
             "requestId":"5f0c6bb2-6f4e-4c55-9d1e-0b8b8ab3d1c7","currentStatus":"PENDING_APPROVAL",
             "reasons":["DISCOUNT_ABOVE_LIMIT"]}""";
    private static final String EXAMPLE_ILLEGAL = """
            {"type":"urn:dealerops:problem:illegal-transition","title":"Illegal transition","status":409,
             "detail":"A DRAFT quote cannot be accepted; it allows: revise, send",
             "instance":"/api/v1/quotes/0193b0b1-2222-7c39-9a57-3c1f0a3e9a01/accept",
             "requestId":"5f0c6bb2-6f4e-4c55-9d1e-0b8b8ab3d1c7","currentStatus":"DRAFT",
             "allowedActions":["revise","send"]}""";
    private static final String ACTION_DOC = " If-Match optional (412 when stale); 409 illegal-transition names the "
            + "current status and the allowed actions.";

    private final QuoteService quotes;
    private final SettingsService settings;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public QuoteResource(QuoteService quotes, SettingsService settings, Idempotency idempotency,
            CurrentCaller caller) {
        this.quotes = quotes;
        this.settings = settings;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Make a quote for a lead", description = "Roles: sales (their own open leads), sales-manager. "
            + "The server prices every line and total in the dealer's currency (2 places; HALF_UP where a percentage "
            + "or rate meets money). A quote beyond the salesperson's discount limit or below the minimum gross "
            + "margin (dealer's quote settings), or a factory order whose cost is unknown, starts PENDING_APPROVAL; "
            + "others start DRAFT.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = QuoteInput.class),
            examples = @ExampleObject(name = "stock-car", value = EXAMPLE_INPUT)))
    @APIResponse(responseCode = "201", description = "Priced",
            headers = { @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = QuoteView.class),
                    examples = @ExampleObject(name = "draft", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "404", description = "The lead is not one the caller may see", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "lead-closed, id-taken, or the same Idempotency-Key still in "
            + "progress", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "unknown-vehicle, vehicle-not-for-sale (not IN_STOCK), "
            + "trade-in-exceeds-price, amount-too-large, or an Idempotency-Key reused", content = @Content(
                    mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull QuoteInput body) {
        Caller who = caller.get();
        return rules(who).chain(rules -> idempotency.execute(who, idempotencyKey, "POST /api/v1/quotes", body,
                () -> quotes.create(who, body, rules.quote(), rules.currency())));
    }

    @GET
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.FINANCE })
    @Operation(summary = "List quotes", description = "Newest first. Salespeople see their own quotes without cost "
            + "or margin; sales managers and finance see all, with them.")
    @APIResponse(responseCode = "200", description = "A page of quotes",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = QuotePage.class),
                    examples = @ExampleObject(name = "page", value = EXAMPLE_PAGE)))
    public Uni<Response> list(
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = ApiDocs.CURSOR) @QueryParam("cursor") String cursor,
            @Parameter(description = "Only these statuses (repeat the parameter for several)", schema = @Schema(
                    type = SchemaType.ARRAY, implementation = QuoteStatus.class)) @QueryParam("status")
            List<String> status,
            @Parameter(description = "Only this lead's quotes", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("leadId") String leadId,
            @Parameter(description = "Only this salesperson's quotes ('me' or a staff id)")
            @QueryParam("salesperson") String salesperson,
            @Context UriInfo uriInfo) {
        Caller who = caller.get();
        UUID salespersonId = ListQuery.staff("salesperson", salesperson, who.staffId());
        UUID lead = ListQuery.uuid("leadId", leadId);
        return quotes.list(who, ListQuery.enums("status", status, QuoteStatus.class), lead, salespersonId, cursor,
                ListQuery.limit(limit)).map(page -> PageResponses.ok(page, uriInfo));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.FINANCE })
    @Operation(summary = "Get a quote", description = "A SENT quote past its validity reads as EXPIRED. 404 for other "
            + "dealers' quotes and, for salespeople, colleagues' quotes.")
    @APIResponse(responseCode = "200", description = "The quote's current revision",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = QuoteView.class),
                    examples = @ExampleObject(name = "draft", value = EXAMPLE_VIEW)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return quotes.get(caller.get(), id).map(view -> Response.ok(view).tag(EntityTags.of(view.version())).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Revise a quote", description = "Roles: the quote's salesperson, sales-manager. The whole "
            + "quote is re-priced from the body (leadId must stay the same). Before it is sent the current revision "
            + "changes in place and any approval is void; once SENT (or REJECTED, EXPIRED) the revision the customer "
            + "saw is kept, readable under /revisions, and this becomes the next revision. An ACCEPTED quote is "
            + "final (409).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = QuoteInput.class),
            examples = @ExampleObject(name = "stock-car", value = EXAMPLE_INPUT)))
    @APIResponse(responseCode = "200", description = "Re-priced",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = QuoteView.class),
                    examples = @ExampleObject(name = "draft", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "409", description = "illegal-transition (ACCEPTED)", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "unknown-vehicle, vehicle-not-for-sale (not IN_STOCK), "
            + "trade-in-exceeds-price, amount-too-large", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public Uni<Response> revise(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IF_MATCH, required = true) @HeaderParam(EntityTags.IF_MATCH)
            String ifMatch,
            @Valid @NotNull QuoteInput body) {
        Caller who = caller.get();
        long version = EntityTags.requiredVersion(ifMatch);
        return rules(who).chain(rules -> quotes.revise(who, id, version, body, rules.quote(), rules.currency()))
                .map(QuoteResource::written);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.SALES_MANAGER)
    @Operation(summary = "Approve a quote beyond the margin guard (PENDING_APPROVAL → APPROVED)", description = "Role: "
            + "sales-manager, never for a quote they wrote or priced (403). The note is required." + ACTION_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NoteInput.class),
            examples = @ExampleObject(name = "approve", value = "{\"note\":\"同意，客户为老客户转介绍\"}")))
    @APIResponse(responseCode = "200", description = "Approved",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = QuoteView.class),
                    examples = @ExampleObject(name = "approved", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "409", description = "illegal-transition; or the same Idempotency-Key still in "
            + "progress", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "illegal", value = EXAMPLE_ILLEGAL)))
    public Uni<Response> approve(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull NoteInput body) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/quotes/" + id + "/approve", body,
                () -> quotes.approve(who, id, version, body.note()));
    }

    @POST
    @Path("/{id}/reject-approval")
    @RolesAllowed(Roles.SALES_MANAGER)
    @Operation(summary = "Refuse a quote beyond the margin guard (PENDING_APPROVAL → DRAFT)", description = "Role: "
            + "sales-manager, never for their own quote (403). The note says why; the salesperson revises the quote "
            + "and it is checked again." + ACTION_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NoteInput.class),
            examples = @ExampleObject(name = "refuse", value = "{\"note\":\"优惠过大，请控制在3%以内\"}")))
    @APIResponse(responseCode = "200", description = "Sent back to the salesperson",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = QuoteView.class),
                    examples = @ExampleObject(name = "draft", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "409", description = "illegal-transition; or the same Idempotency-Key still in "
            + "progress", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "illegal", value = EXAMPLE_ILLEGAL)))
    public Uni<Response> rejectApproval(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull NoteInput body) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/quotes/" + id + "/reject-approval", body,
                () -> quotes.rejectApproval(who, id, version, body.note()));
    }

    @POST
    @Path("/{id}/send")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Send the quote to the customer (DRAFT or APPROVED → SENT)", description = "Roles: the "
            + "quote's salesperson, sales-manager. A quote beyond the margin guard needs a manager's approval first "
            + "(409 approval-required). It is valid for the dealer's validityDays from today (validUntil, in the "
            + "dealer's calendar); the lead moves to QUOTED." + ACTION_DOC)
    @APIResponse(responseCode = "200", description = "Sent",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = QuoteView.class),
                    examples = @ExampleObject(name = "sent", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "409", description = "approval-required, lead-closed (the lead was lost or went "
            + "dormant), illegal-transition; or the same Idempotency-Key still in progress", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "approval-required", value = EXAMPLE_APPROVAL_REQUIRED)))
    public Uni<Response> send(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        // every section in one read, before the transaction (see Idempotency)
        return settings.all(who.dealerId()).chain(all -> idempotency.execute(who, idempotencyKey,
                "POST /api/v1/quotes/" + id + "/send", "", () -> quotes.send(who, id, version, all.quotes(),
                        all.leads(), new WorkingCalendar(all.general()))));
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Record that the customer accepted (SENT → ACCEPTED)", description = "Roles: the quote's "
            + "salesperson, sales-manager. Only while valid (409 quote-expired after validUntil). An order is made "
            + "from an accepted quote." + ACTION_DOC)
    @APIResponse(responseCode = "200", description = "Accepted",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = QuoteView.class),
                    examples = @ExampleObject(name = "accepted", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "409", description = "quote-expired, illegal-transition; or the same "
            + "Idempotency-Key still in progress", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "illegal", value = EXAMPLE_ILLEGAL)))
    public Uni<Response> accept(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/quotes/" + id + "/accept", "",
                () -> quotes.accept(who, id, version));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Record that the customer rejected (SENT → REJECTED)", description = "Roles: the quote's "
            + "salesperson, sales-manager; the reason is required. A rejected quote can be revised into a new "
            + "revision." + ACTION_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RejectInput.class),
            examples = @ExampleObject(name = "reject", value = "{\"reason\":\"价格高于竞品报价\"}")))
    @APIResponse(responseCode = "200", description = "Rejected",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = QuoteView.class),
                    examples = @ExampleObject(name = "rejected", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "409", description = "quote-expired, illegal-transition; or the same "
            + "Idempotency-Key still in progress", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "illegal", value = EXAMPLE_ILLEGAL)))
    public Uni<Response> reject(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull RejectInput body) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/quotes/" + id + "/reject", body,
                () -> quotes.reject(who, id, version, body.reason()));
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.FINANCE })
    @Operation(summary = "Earlier revisions of a quote", description = "Newest first, each exactly as it was when an "
            + "edit replaced it (cost and margin for sales managers and finance only).")
    @APIResponse(responseCode = "200", description = "Earlier revisions (empty for a quote never revised after "
            + "sending)", content = @Content(schema = @Schema(implementation = RevisionList.class),
                    examples = @ExampleObject(name = "revisions", value = "{\"items\":[" + EXAMPLE_VIEW + "]}")))
    public Uni<RevisionList> revisions(@PathParam("id") UUID id) {
        return quotes.revisions(caller.get(), id).map(RevisionList::new);
    }

    @GET
    @Path("/{id}/revisions/{revision}")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.FINANCE })
    @Operation(summary = "One revision of a quote", description = "The current revision is the quote itself.")
    @APIResponse(responseCode = "200", description = "The revision", content = @Content(
            schema = @Schema(implementation = QuoteView.class),
            examples = @ExampleObject(name = "revision", value = EXAMPLE_VIEW)))
    public Uni<QuoteView> revision(@PathParam("id") UUID id,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @PathParam("revision")
            String revision) {
        return quotes.revision(caller.get(), id, revisionNumber(revision));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.FINANCE })
    @Operation(summary = "History of a quote", description = "Every pricing, decision and answer, oldest first; cost "
            + "and margin only for sales managers and finance.")
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
        return quotes.history(caller.get(), id, cursor, ListQuery.limit(limit))
                .map(page -> PageResponses.ok(page, uriInfo));
    }

    @GET
    @Path("/{id}/document")
    @Produces({ "application/pdf", MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.FINANCE })
    @Operation(summary = "The quote for the customer (报价单) as a PDF", description = "Dealer, customer, vehicle, every "
            + "line and total, financing and validity, in Chinese and English; never cost or margin. The current "
            + "revision; the file name carries the quote number and revision. A quote beyond the margin guard that a "
            + "manager has not approved is not printed (409 approval-required).")
    @APIResponse(responseCode = "200", description = "The PDF",
            headers = @Header(name = "Content-Disposition", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING,
                    format = "binary"), examples = @ExampleObject(name = "pdf", value = "%PDF-1.4 …")))
    @APIResponse(responseCode = "409", description = "approval-required", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "approval-required", value = EXAMPLE_APPROVAL_REQUIRED)))
    @APIResponse(responseCode = "503", description = "busy: four documents are rendering or waiting already (retry "
            + "after Retry-After seconds); or the database is unavailable",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "busy", value = """
                            {"type":"urn:dealerops:problem:busy","title":"Busy","status":503,
                             "detail":"Quote documents are being rendered for others; retry in a moment",
                             "instance":"/api/v1/quotes/0193b0b1-2222-7c39-9a57-3c1f0a3e9a01/document",
                             "requestId":"5f0c6bb2-6f4e-4c55-9d1e-0b8b8ab3d1c7"}""")))
    public Uni<Response> document(@PathParam("id") UUID id) {
        Caller who = caller.get();
        return settings.section(who.dealerId(), SettingsSection.GENERAL, GeneralSettings.class)
                .chain(general -> quotes.document(who, id, general.settings().displayName(),
                        ZoneId.of(general.settings().timeZone())))
                .map(document -> Response.ok(document.pdf(), "application/pdf")
                        .header("Content-Disposition", "inline; filename=\"" + document.fileName() + "\"")
                        .build());
    }

    /** The margin guard and the dealer's currency, in one read of the settings. */
    private Uni<Rules> rules(Caller who) {
        return settings.all(who.dealerId()).map(all -> new Rules(all.quotes(), all.general().currency()));
    }

    private record Rules(QuoteSettings quote, String currency) {
    }

    private static Response written(Outcome outcome) {
        return Response.ok(outcome.body()).tag(EntityTags.of(outcome.version())).build();
    }

    private static int revisionNumber(String value) {
        try {
            int revision = Integer.parseInt(value.trim());
            if (revision >= 1) {
                return revision;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("revision", "must be a revision number, 1 or more");
    }

    @Schema(name = "QuotePage")
    static final class QuotePage {
        @Schema(required = true)
        public List<QuoteView> items;
        @Schema(description = "Pass as cursor to get the next page; absent on the last page")
        public String nextCursor;
    }

    @Schema(name = "QuoteRevisionList")
    public record RevisionList(@Schema(required = true) List<QuoteView> items) {
    }
}
