package com.dealerops.stockcount;

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
import com.dealerops.common.error.DatabaseFailures;
import com.dealerops.common.error.Problem;
import com.dealerops.common.idempotency.Idempotency;
import com.dealerops.common.openapi.ApiDocs;
import com.dealerops.common.paging.ListQuery;
import com.dealerops.common.paging.PageResponses;
import com.dealerops.common.security.Caller;
import com.dealerops.common.security.CurrentCaller;
import com.dealerops.common.security.Roles;
import com.dealerops.stockcount.dto.ScanInput;
import com.dealerops.stockcount.dto.ScanView;
import com.dealerops.stockcount.dto.StockCountInput;
import com.dealerops.stockcount.dto.StockCountView;
import com.dealerops.common.web.CompletesDespiteDisconnect;

import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/api/v1/stock-counts")
@Tag(name = "Stock counts", description = "Stock counts (盘点): scan the lot, close, get the discrepancies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.FINANCE, Roles.ADMIN })
public class StockCountResource {

    private static final String EXAMPLE_OPEN = """
            {"id":"0193b0a7-3333-7c39-9a57-3c1f0a3e8e01","version":0,"status":"OPEN","note":"2026年11月月末盘点",
             "openedBy":"0193b0a4-0000-7000-8000-000000000501","openedAt":"2026-11-28T17:00:00+08:00"}""";
    private static final String EXAMPLE_CLOSED = """
            {"id":"0193b0a7-3333-7c39-9a57-3c1f0a3e8e01","version":1,"status":"CLOSED","note":"2026年11月月末盘点",
             "openedBy":"0193b0a4-0000-7000-8000-000000000501","openedAt":"2026-11-28T17:00:00+08:00",
             "closedBy":"0193b0a4-0000-7000-8000-000000000501","closedAt":"2026-11-28T18:10:00+08:00",
             "discrepancies":{"expected":42,"scanned":42,
               "missing":[{"vehicleId":"0193b0a6-1111-7c39-9a57-3c1f0a3e8d01","vin":"LGXCE4CB0R0123456",
                 "make":"BYD","model":"Seal","status":"DEMO","location":"A区-12"}],
               "notInSystem":[{"vin":"1HGCM82633A004352","location":"C区-01"}],
               "notInStock":[]}}""";
    private static final String EXAMPLE_SCAN = """
            {"countId":"0193b0a7-3333-7c39-9a57-3c1f0a3e8e01","vin":"LGXCE4CB0R0123456","location":"A区-12",
             "scannedBy":"0193b0a4-0000-7000-8000-000000000501","scannedAt":"2026-11-28T17:05:00+08:00",
             "scanned":17}""";

    private final StockCountService counts;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public StockCountResource(StockCountService counts, Idempotency idempotency, CurrentCaller caller) {
        this.counts = counts;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Open a stock count", description = "Roles: finance, admin (as for every stock-count "
            + "operation). One count at a time per dealer: 409 stock-count-open (openCountId) while another is open.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StockCountInput.class),
            examples = @ExampleObject(name = "month end", value = "{\"note\":\"2026年11月月末盘点\"}")))
    @APIResponse(responseCode = "201", description = "Opened",
            headers = { @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = StockCountView.class),
                    examples = @ExampleObject(name = "open", value = EXAMPLE_OPEN)))
    @APIResponse(responseCode = "409", description = "Another count is open", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> open(
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull StockCountInput body) {
        Caller who = caller.get();
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/stock-counts", body,
                () -> counts.open(who, body.note()))
                .onFailure(DatabaseFailures::isUniqueViolation)
                .recoverWithUni(failure -> counts.explainConflict(who, failure).replaceWith((Response) null));
    }

    @GET
    @Operation(summary = "List stock counts", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "A page of counts",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = StockCountPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\":[" + EXAMPLE_OPEN + "]}")))
    public Uni<Response> list(
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = ApiDocs.CURSOR) @QueryParam("cursor") String cursor,
            @Context UriInfo uriInfo) {
        return counts.list(caller.get(), cursor, ListQuery.limit(limit)).map(page -> PageResponses.ok(page, uriInfo));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a stock count", description = "A closed count carries its discrepancies, as found "
            + "when it was closed.")
    @APIResponse(responseCode = "200", description = "The count",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = StockCountView.class), examples = {
                    @ExampleObject(name = "open", value = EXAMPLE_OPEN),
                    @ExampleObject(name = "closed", value = EXAMPLE_CLOSED) }))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return counts.get(caller.get(), id).map(view -> Response.ok(view).tag(EntityTags.of(view.version())).build());
    }

    @POST
    @Path("/{id}/scans")
    @Operation(summary = "Record a scanned VIN", description = "From a phone on the lot. The VIN is checked like any "
            + "VIN (a misread fails its check digit: a 400 naming the position, scan again). Scanning a VIN again "
            + "is the same scan: 200 with the first scan instead of 201. A closed count takes no scans: 409 "
            + "stock-count-closed.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ScanInput.class),
            examples = @ExampleObject(name = "scan", value = "{\"vin\":\"LGXCE4CB0R0123456\",\"location\":\"A区-12\"}")))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(
            schema = @Schema(implementation = ScanView.class), examples = @ExampleObject(name = "scan",
                    value = EXAMPLE_SCAN)))
    @APIResponse(responseCode = "200", description = "Already scanned in this count: the first scan",
            content = @Content(schema = @Schema(implementation = ScanView.class), examples = @ExampleObject(
                    name = "again", value = EXAMPLE_SCAN)))
    @APIResponse(responseCode = "409", description = "The count is closed", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> scan(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull ScanInput body) {
        Caller who = caller.get();
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/stock-counts/" + id + "/scans", body,
                () -> counts.scan(who, id, body));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Close a stock count", description = "Fixes the discrepancies as of now: vehicles IN_STOCK "
            + "or DEMO that were not scanned (missing), scanned VINs no vehicle of the dealer has (notInSystem), and "
            + "scanned vehicles whose status says they should not be on the lot (notInStock). A closed count never "
            + "changes (409 stock-count-closed). If-Match is optional.")
    @APIResponse(responseCode = "200", description = "The closed count", content = @Content(
            schema = @Schema(implementation = StockCountView.class), examples = @ExampleObject(name = "closed",
                    value = EXAMPLE_CLOSED)))
    @APIResponse(responseCode = "409", description = "Already closed", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> close(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/stock-counts/" + id + "/close", "",
                () -> counts.close(who, id, version));
    }

    @Schema(name = "StockCountPage")
    static final class StockCountPage {
        @Schema(required = true)
        public List<StockCountView> items;
        @Schema(description = "Pass as cursor to get the next page; absent on the last page")
        public String nextCursor;
    }
}
