package com.dealerops.delivery;

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
import com.dealerops.delivery.dto.CancelInput;
import com.dealerops.delivery.dto.DeliveryInput;
import com.dealerops.delivery.dto.DeliveryView;
import com.dealerops.delivery.dto.HandOverInput;
import com.dealerops.delivery.dto.PdiInput;
import com.dealerops.delivery.dto.PdiView;
import com.dealerops.delivery.dto.RescheduleInput;
import com.dealerops.settings.DeliverySettings;
import com.dealerops.settings.SettingsSection;
import com.dealerops.settings.SettingsService;
import com.dealerops.common.web.CompletesDespiteDisconnect;

import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/api/v1/deliveries")
@Tag(name = "Deliveries", description = "Deliveries (交车) to the dealer's standard: PDI, documents, sign-off")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private static final String EXAMPLE_VIEW = """
            {"id":"0193b0c9-6666-7c39-9a57-3c1f0a3e9e01","version":0,"status":"SCHEDULED",
             "orderId":"0193b0c2-3333-7c39-9a57-3c1f0a3e9b01","customerId":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21",
             "vehicleId":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01","salespersonId":"0193b0a4-0000-7000-8000-000000000101",
             "scheduledAt":"2026-12-05T10:00:00+08:00","endsAt":"2026-12-05T11:00:00+08:00","bay":"交车区-1",
             "pdi":{"status":"NOT_DONE","inspections":0},"allowedActions":["complete","reschedule","cancel"],
             "createdAt":"2026-11-28T16:00:00+08:00","updatedAt":"2026-11-28T16:00:00+08:00"}""";
    private static final String EXAMPLE_COMPLETED = """
            {"id":"0193b0c9-6666-7c39-9a57-3c1f0a3e9e01","version":3,"status":"COMPLETED",
             "orderId":"0193b0c2-3333-7c39-9a57-3c1f0a3e9b01","customerId":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21",
             "vehicleId":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01","salespersonId":"0193b0a4-0000-7000-8000-000000000101",
             "scheduledAt":"2026-12-05T10:00:00+08:00","endsAt":"2026-12-05T11:00:00+08:00","bay":"交车区-1",
             "pdi":{"status":"PASSED","inspections":1},
             "handOver":{"documents":[{"code":"INVOICE","handedOver":true},
               {"code":"CERTIFICATE_OF_CONFORMITY","handedOver":true,"note":"原件"}],"keyCount":2,
               "plateKind":"TEMPORARY","plateNumber":"浙A·T1234","signatureRef":
               "https://files.dealerops.example/signatures/2b9d.png","documentSha256":
               "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
               "completedBy":"0193b0a4-0000-7000-8000-000000000101","completedAt":"2026-12-05T10:50:00+08:00"},
             "allowedActions":[],"createdAt":"2026-11-28T16:00:00+08:00","updatedAt":"2026-12-05T10:50:00+08:00"}""";
    private static final String EXAMPLE_PDI = """
            {"id":"0193b0ca-7777-7c39-9a57-3c1f0a3e9f01","deliveryId":"0193b0c9-6666-7c39-9a57-3c1f0a3e9e01",
             "number":1,"passed":false,"items":[{"code":"EXTERIOR","labelZh":"车身外观及漆面","labelEn":
             "Exterior and paint","result":"PASS"},{"code":"TYRES","labelZh":"轮胎及胎压","labelEn":
             "Tyres and pressure","result":"FAIL","note":"左后轮胎压 1.9 bar","photoRef":
             "https://files.dealerops.example/pdi/7f1e.jpg"}],"performedBy":"0193b0a4-0000-7000-8000-000000000201",
             "performedAt":"2026-12-04T16:00:00+08:00"}""";
    private static final String EXAMPLE_NOT_READY = """
            {"type":"urn:dealerops:problem:not-ready-for-hand-over","title":"Not ready for hand-over","status":422,
             "detail":"The car cannot be handed over yet: The order is DEPOSIT_PAID; finance must record full payment first",
             "instance":"/api/v1/deliveries/0193b0c9-6666-7c39-9a57-3c1f0a3e9e01/complete",
             "requestId":"5f0c6bb2-6f4e-4c55-9d1e-0b8b8ab3d1c7","reasons":[{"code":"ORDER_NOT_FULLY_PAID",
             "detail":"The order is DEPOSIT_PAID; finance must record full payment first"}]}""";
    private static final String RUN_DOC = " Roles: the delivery's salesperson, sales-manager. If-Match optional (412 "
            + "when stale); 409 illegal-transition names the current status and the allowed actions.";

    private final DeliveryService deliveries;
    private final SettingsService settings;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public DeliveryResource(DeliveryService deliveries, SettingsService settings, Idempotency idempotency,
            CurrentCaller caller) {
        this.deliveries = deliveries;
        this.settings = settings;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Schedule a delivery for an order", description = "Roles: the order's salesperson, "
            + "sales-manager (who may name another salesperson). One live delivery per order (409 delivery-exists "
            + "with deliveryId; PostgreSQL refuses a second). A bay is never booked twice for overlapping times "
            + "(409 bay-taken). The order must be CONFIRMED, DEPOSIT_PAID or FULLY_PAID (409 "
            + "order-not-deliverable) and have its car (422 no-vehicle); payment is checked at the hand-over.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DeliveryInput.class),
            examples = @ExampleObject(name = "delivery", value = """
                    {"orderId":"0193b0c2-3333-7c39-9a57-3c1f0a3e9b01","scheduledAt":"2026-12-05T10:00:00+08:00",
                     "durationMinutes":60,"bay":"交车区-1"}""")))
    @APIResponse(responseCode = "201", description = "Scheduled",
            headers = { @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = DeliveryView.class),
                    examples = @ExampleObject(name = "scheduled", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "404", description = "The order is not one the caller may deliver", content =
            @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "delivery-exists, bay-taken, order-not-deliverable, id-taken, "
            + "or the same Idempotency-Key still in progress", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "no-vehicle, in-the-past, unknown-salesperson, or an "
            + "Idempotency-Key reused", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull DeliveryInput body) {
        Caller who = caller.get();
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/deliveries", body,
                () -> deliveries.create(who, body))
                .onFailure().transform(DeliveryService::explainConflict);
    }

    @GET
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE, Roles.FINANCE })
    @Operation(summary = "List deliveries", description = "Earliest first. Salespeople see their own; sales "
            + "managers, after-sales, customer service and finance all.")
    @APIResponse(responseCode = "200", description = "A page of deliveries",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = DeliveryPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\":[" + EXAMPLE_VIEW + "]}")))
    public Uni<Response> list(
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = ApiDocs.CURSOR) @QueryParam("cursor") String cursor,
            @Parameter(description = "Only these statuses (repeat or comma-separate)", schema = @Schema(
                    type = SchemaType.ARRAY, implementation = DeliveryStatus.class)) @QueryParam("status")
            List<String> status,
            @Parameter(description = "Only this salesperson's ('me' or a staff id)") @QueryParam("salesperson")
            String salesperson,
            @Parameter(description = "Only this order's") @QueryParam("orderId") String orderId,
            @Parameter(description = "Only deliveries ending after this time (RFC 3339)", schema = @Schema(
                    type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Only deliveries starting before this time (RFC 3339)", schema = @Schema(
                    type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Context UriInfo uriInfo) {
        Caller who = caller.get();
        DeliveryService.Filter filter = new DeliveryService.Filter(
                ListQuery.enums("status", status, DeliveryStatus.class),
                ListQuery.staff("salesperson", salesperson, who.staffId()), ListQuery.uuid("orderId", orderId),
                ListQuery.timestamp("from", from), ListQuery.timestamp("to", to));
        return deliveries.list(who, filter, cursor, ListQuery.limit(limit))
                .map(page -> PageResponses.ok(page, uriInfo));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE, Roles.FINANCE })
    @Operation(summary = "Get a delivery", description = "404 for other dealers' deliveries and, for salespeople, "
            + "colleagues' deliveries.")
    @APIResponse(responseCode = "200", description = "The delivery",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = DeliveryView.class),
                    examples = @ExampleObject(name = "completed", value = EXAMPLE_COMPLETED)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return deliveries.get(caller.get(), id)
                .map(view -> Response.ok(view).tag(EntityTags.of(view.version())).build());
    }

    @POST
    @Path("/{id}/pdi")
    @RolesAllowed(Roles.AFTER_SALES)
    @Operation(summary = "Record a pre-delivery inspection (PDI)", description = "Roles: after-sales. Every item of "
            + "the dealer's PDI checklist (deliveries settings) exactly once, PASS or FAIL, a FAIL with a note, "
            + "optionally a photo reference. Any FAIL keeps the delivery from completing until a re-inspection "
            + "passes; each inspection is kept with its number and never changed. 422 checklist-incomplete lists "
            + "the missing items; 409 illegal-transition once the delivery is completed or cancelled.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PdiInput.class),
            examples = @ExampleObject(name = "pdi", value = """
                    {"items":[{"code":"EXTERIOR","result":"PASS"},{"code":"INTERIOR","result":"PASS"},
                     {"code":"FLUIDS","result":"PASS"},{"code":"TYRES","result":"FAIL","note":"左后轮胎压 1.9 bar",
                     "photoRef":"https://files.dealerops.example/pdi/7f1e.jpg"},{"code":"ELECTRONICS","result":"PASS"},
                     {"code":"SOFTWARE_VERSION","result":"PASS","note":"V5.2.1"},
                     {"code":"ACCESSORIES_FITTED","result":"PASS"},{"code":"CLEANING","result":"PASS"},
                     {"code":"FUEL_CHARGE","result":"PASS","note":"电量 92%"}]}""")))
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = { @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "The delivery's new version",
                            schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = PdiView.class),
                    examples = @ExampleObject(name = "failed", value = EXAMPLE_PDI)))
    @APIResponse(responseCode = "409", description = "illegal-transition, or the same Idempotency-Key still in "
            + "progress", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "checklist-incomplete (missing), or an Idempotency-Key reused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> inspect(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull PdiInput body) {
        Caller who = caller.get();
        return standard(who).chain(standard -> idempotency.execute(who, idempotencyKey,
                "POST /api/v1/deliveries/" + id + "/pdi", body, () -> deliveries.inspect(who, id, body, standard)));
    }

    @GET
    @Path("/{id}/pdi")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE, Roles.FINANCE })
    @Operation(summary = "The delivery's inspections", description = "Every inspection, first to latest.")
    @APIResponse(responseCode = "200", description = "The inspections", content = @Content(schema = @Schema(
            implementation = PdiList.class), examples = @ExampleObject(name = "inspections", value =
                    "{\"items\":[" + EXAMPLE_PDI + "]}")))
    public Uni<PdiList> inspections(@PathParam("id") UUID id) {
        Caller who = caller.get();
        return standard(who).chain(standard -> deliveries.inspections(who, id, standard)).map(PdiList::new);
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Hand the car over (SCHEDULED → COMPLETED)", description = "Refused with 422 "
            + "not-ready-for-hand-over, listing every reason at once (reasons[].code: PDI_NOT_DONE, PDI_FAILED, "
            + "ORDER_NOT_FULLY_PAID, DOCUMENT_MISSING:<code>, KEYS_MISSING, PLATE_MISSING, SIGN_OFF_MISSING), unless "
            + "the latest PDI passed, finance recorded the order FULLY_PAID, every document of the dealer's list is "
            + "ticked, the keys and plate are recorded and the customer's sign-off (signature reference and the "
            + "signed document's SHA-256) is attached. Then, in one transaction, the order and the car become "
            + "DELIVERED and the dealer's follow-up plan is scheduled (none for a customer who does not want to be "
            + "contacted)." + RUN_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = HandOverInput.class),
            examples = @ExampleObject(name = "hand-over", value = """
                    {"documents":[{"code":"INVOICE","handedOver":true},
                     {"code":"CERTIFICATE_OF_CONFORMITY","handedOver":true,"note":"原件"},
                     {"code":"WARRANTY_BOOKLET","handedOver":true},{"code":"USER_MANUAL","handedOver":true},
                     {"code":"KEYS","handedOver":true},{"code":"LICENCE_PLATE","handedOver":true},
                     {"code":"INSURANCE_POLICY","handedOver":true}],"keyCount":2,
                     "plate":{"kind":"TEMPORARY","number":"浙A·T1234"},
                     "signOff":{"signatureRef":"https://files.dealerops.example/signatures/2b9d.png",
                     "documentSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}""")))
    @APIResponse(responseCode = "200", description = "Handed over",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = DeliveryView.class),
                    examples = @ExampleObject(name = "completed", value = EXAMPLE_COMPLETED)))
    @APIResponse(responseCode = "409", description = "illegal-transition, or the same Idempotency-Key still in "
            + "progress", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "not-ready-for-hand-over with reasons, or an Idempotency-Key "
            + "reused", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unpaid", value = EXAMPLE_NOT_READY)))
    public Uni<Response> complete(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull HandOverInput body) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return standard(who).chain(standard -> idempotency.execute(who, idempotencyKey,
                "POST /api/v1/deliveries/" + id + "/complete", body,
                () -> deliveries.complete(who, id, version, body, standard)));
    }

    @POST
    @Path("/{id}/reschedule")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Move a scheduled delivery", description = "New time, bay, and (sales managers) "
            + "salesperson; 409 bay-taken when the bay is booked then." + RUN_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RescheduleInput.class),
            examples = @ExampleObject(name = "reschedule", value =
                    "{\"scheduledAt\":\"2026-12-06T14:00:00+08:00\",\"bay\":\"交车区-2\"}")))
    @APIResponse(responseCode = "200", description = "Moved",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = DeliveryView.class),
                    examples = @ExampleObject(name = "moved", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "409", description = "bay-taken, illegal-transition, or the same Idempotency-Key "
            + "still in progress", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "in-the-past, unknown-salesperson, or an Idempotency-Key "
            + "reused", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public Uni<Response> reschedule(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull RescheduleInput body) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/deliveries/" + id + "/reschedule", body,
                () -> deliveries.reschedule(who, id, version, body))
                .onFailure().transform(DeliveryService::explainConflict);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Cancel a scheduled delivery (SCHEDULED → CANCELLED)", description = "The reason is "
            + "required; the order may be given a new delivery." + RUN_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CancelInput.class),
            examples = @ExampleObject(name = "cancel", value = "{\"reason\":\"客户要求改为下月提车\"}")))
    @APIResponse(responseCode = "200", description = "Cancelled",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = DeliveryView.class),
                    examples = @ExampleObject(name = "cancelled", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "409", description = "illegal-transition, or the same Idempotency-Key still in "
            + "progress", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public Uni<Response> cancel(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull CancelInput body) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/deliveries/" + id + "/cancel", body,
                () -> deliveries.cancel(who, id, version, body.reason()));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE, Roles.FINANCE })
    @Operation(summary = "History of a delivery", description = "Scheduling, moves, inspections, the hand-over "
            + "with the follow-ups it scheduled, oldest first.")
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
        return deliveries.history(caller.get(), id, cursor, ListQuery.limit(limit))
                .map(page -> PageResponses.ok(page, uriInfo));
    }

    private Uni<DeliverySettings> standard(Caller who) {
        return settings.section(who.dealerId(), SettingsSection.DELIVERIES, DeliverySettings.class)
                .map(section -> section.settings());
    }

    @Schema(name = "DeliveryPage")
    static final class DeliveryPage {
        @Schema(required = true)
        public List<DeliveryView> items;
        @Schema(description = "Pass as cursor to get the next page; absent on the last page")
        public String nextCursor;
    }

    @Schema(name = "PdiList")
    public record PdiList(@Schema(required = true) List<PdiView> items) {
    }
}
