package com.dealerops.vehicle;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import com.dealerops.common.error.DatabaseFailures;
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
import com.dealerops.settings.GeneralSettings;
import com.dealerops.settings.SettingsSection;
import com.dealerops.settings.SettingsService;
import com.dealerops.settings.TestDriveSettings;
import com.dealerops.vehicle.dto.AgeingReport;
import com.dealerops.vehicle.dto.StatusChangeInput;
import com.dealerops.vehicle.dto.VehicleInput;
import com.dealerops.vehicle.dto.VehiclePatch;
import com.dealerops.vehicle.dto.VehicleView;
import com.dealerops.common.web.CompletesDespiteDisconnect;
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/api/v1/vehicles")
@Tag(name = "Vehicles", description = "Vehicles in stock (库存): VINs, status, stock age; costs for finance and managers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VehicleResource {

    private static final String EXAMPLE_INPUT = """
            {"vin":"LGXCE4CB0R0123456","stockNumber":"HZ-2026-0412","make":"BYD","model":"Seal","trim":"650 Premium",
             "modelYear":2026,"exteriorColour":"极光白 Aurora White","interiorColour":"黑 Black",
             "options":["全景天窗","21寸轮毂"],"initialStatus":"IN_STOCK","arrivalDate":"2026-10-20","location":"A区-12",
             "listPrice":{"amount":"189800.00","currency":"CNY"},"costPrice":{"amount":"171500.00","currency":"CNY"},
             "purchaseDate":"2026-10-15","supplier":"比亚迪汽车销售有限公司"}""";
    private static final String EXAMPLE_FINANCE_VIEW = """
            {"id":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01","version":0,"vin":"LGXCE4CB0R0123456",
             "stockNumber":"HZ-2026-0412","make":"BYD","model":"Seal","trim":"650 Premium","modelYear":2026,
             "exteriorColour":"极光白 Aurora White","interiorColour":"黑 Black","options":["全景天窗","21寸轮毂"],
             "status":"IN_STOCK","nextStatuses":["RESERVED","DEMO","UNAVAILABLE"],"arrivalDate":"2026-10-20",
             "stockAgeDays":39,"location":"A区-12","listPrice":{"amount":"189800.00","currency":"CNY"},
             "costPrice":{"amount":"171500.00","currency":"CNY"},"listMargin":{"amount":"18300.00","currency":"CNY"},
             "listMarginPercent":9.64,"purchaseDate":"2026-10-15","supplier":"比亚迪汽车销售有限公司",
             "createdAt":"2026-10-15T10:00:00+08:00","updatedAt":"2026-10-20T09:00:00+08:00"}""";
    private static final String EXAMPLE_SALES_VIEW = """
            {"id":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01","version":0,"vin":"LGXCE4CB0R0123456",
             "stockNumber":"HZ-2026-0412","make":"BYD","model":"Seal","trim":"650 Premium","modelYear":2026,
             "exteriorColour":"极光白 Aurora White","interiorColour":"黑 Black","options":["全景天窗","21寸轮毂"],
             "status":"IN_STOCK","nextStatuses":["RESERVED","DEMO","UNAVAILABLE"],"arrivalDate":"2026-10-20",
             "stockAgeDays":39,"location":"A区-12","listPrice":{"amount":"189800.00","currency":"CNY"},
             "createdAt":"2026-10-15T10:00:00+08:00","updatedAt":"2026-10-20T09:00:00+08:00"}""";
    private static final String EXAMPLE_PUBLIC_VIEW = """
            {"id":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01","version":0,"vin":"LGXCE4CB0R0123456","make":"BYD",
             "model":"Seal","trim":"650 Premium","modelYear":2026,"exteriorColour":"极光白 Aurora White",
             "interiorColour":"黑 Black","options":["全景天窗","21寸轮毂"],"status":"IN_STOCK",
             "listPrice":{"amount":"189800.00","currency":"CNY"}}""";
    private static final String EXAMPLE_PAGE = "{\"items\":[" + EXAMPLE_SALES_VIEW + "]}";
    private static final String EXAMPLE_AGEING = """
            {"asOf":"2026-11-28","statuses":["DEMO","IN_STOCK","RESERVED","UNAVAILABLE"],"buckets":[
              {"ageDays":"0-30","vehicles":12,"listValue":{"amount":"2301600.00","currency":"CNY"},
               "costValue":{"amount":"2080000.00","currency":"CNY"},"withoutCost":0},
              {"ageDays":"31-60","vehicles":5,"listValue":{"amount":"949000.00","currency":"CNY"},
               "costValue":{"amount":"857500.00","currency":"CNY"},"withoutCost":0},
              {"ageDays":"61-90","vehicles":2,"listValue":{"amount":"379600.00","currency":"CNY"},
               "costValue":{"amount":"343000.00","currency":"CNY"},"withoutCost":0},
              {"ageDays":">90","vehicles":1,"listValue":{"amount":"189800.00","currency":"CNY"},
               "costValue":{"amount":"0.00","currency":"CNY"},"withoutCost":1}],
             "total":{"ageDays":"all","vehicles":20,"listValue":{"amount":"3820000.00","currency":"CNY"},
               "costValue":{"amount":"3280500.00","currency":"CNY"},"withoutCost":1}}""";
    private static final String INVALID_VIN = """
            {"type":"urn:dealerops:problem:validation-failed","title":"Validation failed","status":400,
             "detail":"vin: position 9: the check digit is '1' but the other characters give '0'",
             "instance":"/api/v1/vehicles","requestId":"5f0c6bb2-6f4e-4c55-9d1e-0b8b8ab3d1c7",
             "errors":[{"field":"vin","message":"position 9: the check digit is '1' but the other characters give '0'"}]}""";
    private static final String FIELDS_BY_ROLE = " Fields by role: finance, sales-manager and admin see everything; "
            + "sales, after-sales and customer-service see no costPrice, listMargin, listMarginPercent, purchaseDate "
            + "or supplier; integration sees IN_STOCK vehicles only, and only id, version, vin, make, model, trim, "
            + "modelYear, colours, options, status and listPrice; in its updatedSince lists, vehicles that left public "
            + "stock come as tombstones (id, version, deleted: true, updatedAt).";

    private final VehicleService vehicles;
    private final SettingsService settings;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public VehicleResource(VehicleService vehicles, SettingsService settings, Idempotency idempotency,
            CurrentCaller caller) {
        this.vehicles = vehicles;
        this.settings = settings;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN })
    @Operation(summary = "Add a vehicle to the stock", description = "Roles: finance, admin. The VIN is checked "
            + "(17 characters, no I/O/Q, check digit at position 9): an invalid one is a 400 naming the position. "
            + "Prices are in the dealer's currency (general settings). A VIN or stock number already used by the "
            + "dealer is a 409.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = VehicleInput.class),
            examples = @ExampleObject(name = "arrived", value = EXAMPLE_INPUT)))
    @APIResponse(responseCode = "201", description = "Created",
            headers = { @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = VehicleView.class),
                    examples = @ExampleObject(name = "finance", value = EXAMPLE_FINANCE_VIEW)))
    @APIResponse(responseCode = "400", description = "Invalid input, such as a VIN whose check digit fails",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-vin", value = INVALID_VIN)))
    @APIResponse(responseCode = "409", description = "duplicate-vin (existingVehicleId), duplicate-stock-number, "
            + "id-taken, or the same Idempotency-Key still in progress", content = @Content(
                    mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull VehicleInput body) {
        Caller who = caller.get();
        return currency(who).chain(currency -> idempotency.execute(who, idempotencyKey, "POST /api/v1/vehicles",
                body, () -> vehicles.create(who, body, currency)))
                .onFailure(DatabaseFailures::isUniqueViolation)
                .recoverWithUni(failure -> vehicles.explainConflict(who, body.vin(), failure)
                        .replaceWith((Response) null));
    }

    @GET
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE, Roles.FINANCE,
            Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Search the stock", description = "For a tablet: by make, model, trim, colour (exterior or "
            + "interior), status, list price range and stock age; sorted; cursor pages." + FIELDS_BY_ROLE)
    @APIResponse(responseCode = "200", description = "A page of vehicles; Link: <...>; rel=\"next\" when there is "
            + "another page", headers = @Header(name = "Link", description = "RFC 8288 link to the next page",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = VehiclePage.class),
                    examples = @ExampleObject(name = "sales", value = EXAMPLE_PAGE)))
    public Uni<Response> list(
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = ApiDocs.CURSOR) @QueryParam("cursor") String cursor,
            @Parameter(description = "Sort order", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "-createdAt", "createdAt", "listPrice", "-listPrice", "updatedAt", "-updatedAt" },
                    defaultValue = "-createdAt")) @QueryParam("sort") String sort,
            @Parameter(description = "Make, any case") @QueryParam("make") String make,
            @Parameter(description = "Model, any case") @QueryParam("model") String model,
            @Parameter(description = "Trim, any case") @QueryParam("trim") String trim,
            @Parameter(description = "Exterior or interior colour, any case") @QueryParam("colour") String colour,
            @Parameter(description = "Only these statuses (repeat the parameter or separate by commas)",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = VehicleStatus.class))
            @QueryParam("status") List<String> status,
            @Parameter(description = "Lowest list price (a decimal amount)") @QueryParam("minPrice") String minPrice,
            @Parameter(description = "Highest list price (a decimal amount)") @QueryParam("maxPrice") String maxPrice,
            @Parameter(description = "Only vehicles on the lot (IN_STOCK, RESERVED, DEMO, UNAVAILABLE) at least this "
                    + "many days; not for integration", schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "0")) @QueryParam("minStockAgeDays") String minAge,
            @Parameter(description = "Only vehicles on the lot at most this many days; not for integration",
                    schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "0")) @QueryParam("maxStockAgeDays") String maxAge,
            @Parameter(description = ApiDocs.UPDATED_SINCE, schema = @Schema(type = SchemaType.STRING,
                    format = "date-time")) @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "With freeTo: only cars no test drive holds in that time (with the dealer's "
                    + "buffer after it); use with status=DEMO to find a car for a drive. Not for integration",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("freeFrom")
            String freeFrom,
            @Parameter(description = "End of the time of freeFrom", schema = @Schema(type = SchemaType.STRING,
                    format = "date-time")) @QueryParam("freeTo") String freeTo,
            @Context UriInfo uriInfo) {
        Caller who = caller.get();
        ListQuery query = ListQuery.of(limit, cursor, sort, updatedSince);
        java.time.Instant from = ListQuery.timestamp("freeFrom", freeFrom);
        java.time.Instant to = ListQuery.timestamp("freeTo", freeTo);
        if ((from == null) != (to == null) || (from != null && !to.isAfter(from))) {
            throw ProblemException.invalid("freeTo", "freeFrom and freeTo go together, freeTo after freeFrom");
        }
        Uni<Integer> buffer = from == null ? Uni.createFrom().item(0)
                : settings.section(who.dealerId(), SettingsSection.TEST_DRIVES, TestDriveSettings.class)
                        .map(rules -> rules.settings().bufferMinutes());
        return buffer.chain(minutes -> {
            VehicleListQuery.Filter filter = new VehicleListQuery.Filter(text(make), text(model), text(trim),
                    text(colour), ListQuery.enums("status", status, VehicleStatus.class), amount("minPrice", minPrice), amount("maxPrice", maxPrice),
                    days("minStockAgeDays", minAge), days("maxStockAgeDays", maxAge), query.updatedSince(), from,
                    to == null ? null : to.plus(java.time.Duration.ofMinutes(minutes)));
            return vehicles.list(who, filter, query.sort(), query.cursor(), query.limit());
        }).map(page -> PageResponses.ok(page, uriInfo));
    }

    @GET
    @Path("/ageing")
    @RolesAllowed({ Roles.FINANCE, Roles.SALES_MANAGER, Roles.ADMIN })
    @Operation(summary = "Stock ageing (库存积压)", description = "Roles: finance, sales-manager, admin. Vehicles on "
            + "the lot (IN_STOCK, RESERVED, DEMO, UNAVAILABLE) by days since arrival, in the dealer's calendar: "
            + "0-30, 31-60, 61-90, >90; count, list value and cost value per bucket and in total.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(
            schema = @Schema(implementation = AgeingReport.class),
            examples = @ExampleObject(name = "ageing", value = EXAMPLE_AGEING)))
    public Uni<AgeingReport> ageing() {
        Caller who = caller.get();
        return currency(who).chain(currency -> vehicles.ageing(who, currency));
    }

    /** The dealer's currency, read before a write's transaction opens (one connection per request at a time). */
    private Uni<String> currency(Caller who) {
        return settings.section(who.dealerId(), SettingsSection.GENERAL, GeneralSettings.class)
                .map(general -> general.settings().currency());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE, Roles.FINANCE,
            Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Get a vehicle", description = "404 for other dealers' vehicles and, for integration, "
            + "vehicles not IN_STOCK." + FIELDS_BY_ROLE)
    @APIResponse(responseCode = "200", description = "The vehicle",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = VehicleView.class), examples = {
                    @ExampleObject(name = "finance, sales-manager, admin", value = EXAMPLE_FINANCE_VIEW),
                    @ExampleObject(name = "sales, after-sales, customer-service", value = EXAMPLE_SALES_VIEW),
                    @ExampleObject(name = "integration", value = EXAMPLE_PUBLIC_VIEW) }))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> get(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IF_NONE_MATCH) @HeaderParam(EntityTags.IF_NONE_MATCH) String ifNoneMatch) {
        Caller who = caller.get();
        return vehicles.get(who, id).map(view -> EntityTags.notModified(ifNoneMatch, view.version())
                ? Response.notModified(EntityTags.of(view.version())).build()
                : Response.ok(view).tag(EntityTags.of(view.version())).build());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(ApiDocs.MERGE_PATCH)
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN })
    @Operation(summary = "Correct a vehicle's data", description = "Roles: finance, admin. JSON Merge Patch (RFC "
            + "7396). The status changes through POST /vehicles/{id}/status.")
    @RequestBody(required = true, content = @Content(mediaType = ApiDocs.MERGE_PATCH,
            schema = @Schema(implementation = VehiclePatch.class), examples = @ExampleObject(name = "move",
                    value = "{\"location\":\"B区-03\",\"options\":[\"全景天窗\"]}")))
    @APIResponse(responseCode = "200", description = "The updated vehicle",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = VehicleView.class),
                    examples = @ExampleObject(name = "finance", value = EXAMPLE_FINANCE_VIEW)))
    @APIResponse(responseCode = "409", description = "duplicate-vin or duplicate-stock-number", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> patch(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IF_MATCH, required = true) @HeaderParam(EntityTags.IF_MATCH)
            String ifMatch,
            @NotNull JsonNode body) {
        Caller who = caller.get();
        long version = EntityTags.requiredVersion(ifMatch);
        String vin = body.path("vin").isTextual() ? body.path("vin").asText() : null;
        return currency(who).chain(currency -> vehicles.patch(who, id, version, body, currency))
                .map(VehicleResource::written)
                .onFailure(DatabaseFailures::isUniqueViolation)
                .recoverWithUni(failure -> vehicles.explainConflict(who, vin, failure).replaceWith((Response) null));
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN, Roles.SALES_MANAGER })
    @Operation(summary = "Change a vehicle's status", description = "The changes that exist, and who makes them: "
            + "IN_TRANSIT → IN_STOCK (finance, admin; arrival date today unless set) or → UNAVAILABLE; IN_STOCK ⇄ "
            + "RESERVED and IN_STOCK ⇄ DEMO (finance, admin, sales-manager); RESERVED → SOLD → DELIVERED (finance, "
            + "admin); IN_STOCK or DEMO → UNAVAILABLE (finance, admin, reason required) → IN_STOCK; and the "
            + "documented reversal of a sale, SOLD → IN_STOCK, by a sales manager only, reason required. Any other "
            + "change is a 409 naming the allowed ones; a role not allowed a change gets 403. A car on an order "
            + "(not cancelled, not delivered) moves only with its order: 409 car-on-order with orderId. If-Match "
            + "optional.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StatusChangeInput.class),
            examples = @ExampleObject(name = "demo fleet", value = "{\"status\":\"DEMO\"}")))
    @APIResponse(responseCode = "200", description = "The vehicle in its new status",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = VehicleView.class),
                    examples = @ExampleObject(name = "finance", value = EXAMPLE_FINANCE_VIEW)))
    @APIResponse(responseCode = "409", description = "illegal-transition (currentStatus, allowedStatuses), "
            + "car-has-test-drives, car-on-order (orderId)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> changeStatus(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull StatusChangeInput body) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/vehicles/" + id + "/status", body,
                () -> vehicles.changeStatus(who, id, version, body.status(), body.reason()));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.FINANCE, Roles.SALES_MANAGER, Roles.ADMIN })
    @Operation(summary = "History of a vehicle", description = "Roles: finance, sales-manager, admin (it holds "
            + "costs). Every change, oldest first, with the reasons of status changes.")
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
        return vehicles.history(who, id, cursor, ListQuery.limit(limit)).map(page -> PageResponses.ok(page, uriInfo));
    }

    private static Response written(Outcome outcome) {
        return Response.ok(outcome.body()).tag(EntityTags.of(outcome.version())).build();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Integer days(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days >= 0 && days <= 36500) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(name, "must be a whole number of days from 0");
    }

    private static BigDecimal amount(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.trim());
            if (amount.signum() >= 0 && amount.precision() - amount.scale() <= 13 && amount.scale() <= 2) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(name, "must be a decimal amount from 0 with at most 2 places");
    }

    @Schema(name = "VehiclePage")
    static final class VehiclePage {
        @Schema(required = true)
        public List<VehicleView> items;
        @Schema(description = "Pass as cursor to get the next page; absent on the last page")
        public String nextCursor;
    }
}
