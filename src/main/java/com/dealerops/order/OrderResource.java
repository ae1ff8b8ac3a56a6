package com.dealerops.order;

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
import com.dealerops.order.dto.CancelInput;
import com.dealerops.order.dto.OrderInput;
import com.dealerops.order.dto.OrderView;
import com.dealerops.order.dto.PaymentInput;
import com.dealerops.order.dto.PaymentReceipt;
import com.dealerops.order.dto.PaymentView;
import com.dealerops.settings.LeadSettings;
import com.dealerops.settings.SettingsSection;
import com.dealerops.settings.SettingsService;
import com.dealerops.common.web.CompletesDespiteDisconnect;

import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/api/v1/orders")
@Tag(name = "Orders", description = "Orders (订单) from accepted quotes, with deposits, payments and refunds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {

    private static final String PRICED = """
            {"vehicle":{"vehicleId":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01","vin":"LGXCE4CB8N0000017",
               "make":"比亚迪","model":"汉 EV","factoryOrder":false,"price":{"amount":"209800.00","currency":"CNY"}},
              "factoryOptions":[],"accessories":[],"services":[],
              "discount":{"amount":{"amount":"5000.00","currency":"CNY"},"percentOfList":"2.38","reason":"店庆优惠"},
              "totals":{"listPrice":{"amount":"209800.00","currency":"CNY"},
                "subtotal":{"amount":"209800.00","currency":"CNY"},"discount":{"amount":"5000.00","currency":"CNY"},
                "tradeInAllowance":{"amount":"0.00","currency":"CNY"},"fees":{"amount":"0.00","currency":"CNY"},
                "total":{"amount":"204800.00","currency":"CNY"}}}""";
    private static final String EXAMPLE_VIEW = """
            {"id":"0193b0c2-3333-7c39-9a57-3c1f0a3e9b01","version":1,"number":"O-0193B0C2","status":"DEPOSIT_PAID",
             "quoteId":"0193b0b1-2222-7c39-9a57-3c1f0a3e9a01","quoteRevision":1,
             "leadId":"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01","customerId":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21",
             "salespersonId":"0193b0a4-0000-7000-8000-000000000101",
             "vehicleId":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01","currency":"CNY","priced":""" + PRICED + """
            ,"profit":{"cost":{"amount":"190000.00","currency":"CNY"},"grossMargin":{"amount":"14800.00","currency":"CNY"}},
             "payments":{"total":{"amount":"204800.00","currency":"CNY"},"paid":{"amount":"20000.00","currency":"CNY"},
               "outstanding":{"amount":"184800.00","currency":"CNY"}},
             "allowedActions":["pay","refund","cancel"],
             "createdAt":"2026-11-28T16:00:00+08:00","updatedAt":"2026-11-28T16:10:00+08:00"}""";
    private static final String EXAMPLE_PAYMENT = """
            {"id":"0193b0c3-4444-7c39-9a57-3c1f0a3e9c01","orderId":"0193b0c2-3333-7c39-9a57-3c1f0a3e9b01",
             "kind":"DEPOSIT","amount":{"amount":"20000.00","currency":"CNY"},"method":"BANK_TRANSFER",
             "payerName":"张伟","payerAccount":"6222 0212 3456 7890","reference":"ICBC20261128000123",
             "paidAt":"2026-11-28T16:05:00+08:00","recordedBy":"0193b0a4-0000-7000-8000-000000000301",
             "recordedAt":"2026-11-28T16:10:00+08:00"}""";
    private static final String EXAMPLE_OVERPAYMENT = """
            {"type":"urn:dealerops:problem:overpayment","title":"More than is owed","status":422,
             "detail":"The order has 184800.00 CNY outstanding; 200000.00 would overpay it",
             "instance":"/api/v1/orders/0193b0c2-3333-7c39-9a57-3c1f0a3e9b01/payments",
             "requestId":"5f0c6bb2-6f4e-4c55-9d1e-0b8b8ab3d1c7"}""";
    private static final String EXAMPLE_NOT_AVAILABLE = """
            {"type":"urn:dealerops:problem:vehicle-not-available","title":"Vehicle not available","status":409,
             "detail":"The car is RESERVED; an order needs it IN_STOCK","instance":"/api/v1/orders",
             "requestId":"5f0c6bb2-6f4e-4c55-9d1e-0b8b8ab3d1c7","vehicleStatus":"RESERVED"}""";

    private final OrderService orders;
    private final SettingsService settings;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public OrderResource(OrderService orders, SettingsService settings, Idempotency idempotency,
            CurrentCaller caller) {
        this.orders = orders;
        this.settings = settings;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Confirm an order from an accepted quote", description = "Roles: the quote's salesperson, "
            + "sales-manager. The order copies the quote's final figures; a stock car goes from IN_STOCK to RESERVED "
            + "and the lead to WON, in the same transaction. A car is never on two orders that are not cancelled: "
            + "PostgreSQL refuses it, and the answer is 409 vehicle-not-available. One live order per quote (409 "
            + "order-exists with orderId; after a cancellation the quote can be ordered again). A lead lost or "
            + "dormant since is 409 lead-closed.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = OrderInput.class),
            examples = @ExampleObject(name = "order", value = "{\"quoteId\":\"0193b0b1-2222-7c39-9a57-3c1f0a3e9a01\"}")))
    @APIResponse(responseCode = "201", description = "Confirmed",
            headers = { @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = OrderView.class),
                    examples = @ExampleObject(name = "confirmed", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "404", description = "The quote is not one the caller may see", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "quote-not-accepted, order-exists, vehicle-not-available, "
            + "lead-closed, id-taken, or the same Idempotency-Key still in progress", content = @Content(
                    mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "sold", value = EXAMPLE_NOT_AVAILABLE)))
    public Uni<Response> create(
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull OrderInput body) {
        Caller who = caller.get();
        return settings.section(who.dealerId(), SettingsSection.LEADS, LeadSettings.class)
                .chain(leads -> idempotency.execute(who, idempotencyKey, "POST /api/v1/orders", body,
                        () -> orders.create(who, body, leads.settings())))
                .onFailure().transform(OrderService::explainConflict);
    }

    @GET
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.FINANCE })
    @Operation(summary = "List orders", description = "Newest first. Salespeople see their own orders and their "
            + "payment status; sales managers and finance see all, with cost and margin.")
    @APIResponse(responseCode = "200", description = "A page of orders",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = OrderPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\":[" + EXAMPLE_VIEW + "]}")))
    public Uni<Response> list(
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = ApiDocs.CURSOR) @QueryParam("cursor") String cursor,
            @Parameter(description = "Only these statuses (repeat the parameter for several)", schema = @Schema(
                    type = SchemaType.ARRAY, implementation = OrderStatus.class)) @QueryParam("status")
            List<String> status,
            @Parameter(description = "Only this salesperson's orders ('me' or a staff id)")
            @QueryParam("salesperson") String salesperson,
            @Parameter(description = "Only the order made from this quote", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) @QueryParam("quoteId") String quoteId,
            @Context UriInfo uriInfo) {
        Caller who = caller.get();
        UUID salespersonId = ListQuery.staff("salesperson", salesperson, who.staffId());
        UUID quote = ListQuery.uuid("quoteId", quoteId);
        return orders.list(who, ListQuery.enums("status", status, OrderStatus.class), salespersonId, quote, cursor,
                ListQuery.limit(limit)).map(page -> PageResponses.ok(page, uriInfo));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.FINANCE })
    @Operation(summary = "Get an order", description = "404 for other dealers' orders and, for salespeople, "
            + "colleagues' orders.")
    @APIResponse(responseCode = "200", description = "The order",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = OrderView.class),
                    examples = @ExampleObject(name = "order", value = EXAMPLE_VIEW)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return orders.get(caller.get(), id).map(view -> Response.ok(view).tag(EntityTags.of(view.version())).build());
    }

    @POST
    @Path("/{id}/payments")
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Record a deposit, a payment or a refund", description = "Role: finance. The deposit (定金) "
            + "is the first payment. Paid (net of refunds) moves the order CONFIRMED → DEPOSIT_PAID → FULLY_PAID (the "
            + "car becomes SOLD) and back with refunds. More than is outstanding is refused (422 overpayment; "
            + "PostgreSQL also refuses it); a refund beyond what was paid is 422 refund-exceeds-paid; a cancelled "
            + "order takes only refunds, down to what the dealer keeps. Idempotent by reference: the same reference "
            + "with the same kind, amount and method answers 200 with the payment already recorded; with other "
            + "figures 409 reference-used.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PaymentInput.class),
            examples = @ExampleObject(name = "deposit", value = """
                    {"kind":"DEPOSIT","amount":{"amount":"20000.00","currency":"CNY"},"method":"BANK_TRANSFER",
                     "payerName":"张伟","payerAccount":"6222 0212 3456 7890","reference":"ICBC20261128000123",
                     "paidAt":"2026-11-28T16:05:00+08:00"}""")))
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = { @Header(name = "Location", description = "The order's payments",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "The order's new version",
                            schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = PaymentReceipt.class),
                    examples = @ExampleObject(name = "receipt", value = "{\"payment\":" + EXAMPLE_PAYMENT
                            + ",\"order\":" + EXAMPLE_VIEW + "}")))
    @APIResponse(responseCode = "200", description = "This reference was recorded before with the same figures: "
            + "nothing new is counted", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = PaymentReceipt.class),
                    examples = @ExampleObject(name = "replay", value = "{\"payment\":" + EXAMPLE_PAYMENT
                            + ",\"order\":" + EXAMPLE_VIEW + "}")))
    @APIResponse(responseCode = "409", description = "reference-used, deposit-already-paid, illegal-transition "
            + "(delivered, or money in for a cancelled order); or the same Idempotency-Key still in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "overpayment, refund-exceeds-paid; or an Idempotency-Key "
            + "reused", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "overpayment", value = EXAMPLE_OVERPAYMENT)))
    public Uni<Response> pay(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull PaymentInput body) {
        Caller who = caller.get();
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/orders/" + id + "/payments", body,
                () -> orders.recordPayment(who, id, body));
    }

    @GET
    @Path("/{id}/payments")
    @RolesAllowed({ Roles.FINANCE, Roles.SALES_MANAGER })
    @Operation(summary = "Payments and refunds of an order", description = "Roles: finance (with the payer's "
            + "account), sales-manager (without it). Salespeople see the payment status on the order itself.")
    @APIResponse(responseCode = "200", description = "In the order they happened", content = @Content(
            schema = @Schema(implementation = PaymentList.class),
            examples = @ExampleObject(name = "payments", value = "{\"items\":[" + EXAMPLE_PAYMENT + "]}")))
    public Uni<PaymentList> payments(@PathParam("id") UUID id) {
        return orders.payments(caller.get(), id).map(PaymentList::new);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.FINANCE })
    @Operation(summary = "Cancel an order before delivery", description = "Roles: sales-manager, finance. The car goes "
            + "back to IN_STOCK; the reason is required; retainedAmount is what the dealer keeps (a forfeited "
            + "deposit), and the rest of what was paid is the refund due, which finance then pays out as REFUND "
            + "payments (more than was paid: 422 retained-exceeds-paid). If-Match optional (412 when stale); 409 "
            + "illegal-transition for a delivered or cancelled order; 409 delivery-scheduled (with deliveryId) while a "
            + "delivery is scheduled: cancel that first.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CancelInput.class),
            examples = @ExampleObject(name = "cancel", value = """
                    {"reason":"客户资金问题，取消购车","retainedAmount":{"amount":"5000.00","currency":"CNY"}}""")))
    @APIResponse(responseCode = "200", description = "Cancelled",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = OrderView.class),
                    examples = @ExampleObject(name = "cancelled", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "409", description = "illegal-transition, delivery-scheduled; or the same "
            + "Idempotency-Key still in progress", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "retained-exceeds-paid; or an Idempotency-Key reused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> cancel(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull CancelInput body) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/orders/" + id + "/cancel", body,
                () -> orders.cancel(who, id, version, body));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.FINANCE })
    @Operation(summary = "History of an order", description = "Confirmation, every payment, refund and the "
            + "cancellation, oldest first.")
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
        return orders.history(caller.get(), id, cursor, ListQuery.limit(limit))
                .map(page -> PageResponses.ok(page, uriInfo));
    }

    @Schema(name = "OrderPage")
    static final class OrderPage {
        @Schema(required = true)
        public List<OrderView> items;
        @Schema(description = "Pass as cursor to get the next page; absent on the last page")
        public String nextCursor;
    }

    @Schema(name = "PaymentList")
    public record PaymentList(@Schema(required = true) List<PaymentView> items) {
    }
}
