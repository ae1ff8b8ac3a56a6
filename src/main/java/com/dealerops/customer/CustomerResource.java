package com.dealerops.customer;

import static com.dealerops.common.Texts.blankToNull;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
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
import com.dealerops.customer.dto.CustomerInput;
import com.dealerops.customer.dto.CustomerPatch;
import com.dealerops.customer.dto.CustomerView;
import com.dealerops.common.web.CompletesDespiteDisconnect;
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/api/v1/customers")
@Tag(name = "Customers", description = "Customer files (客户档案)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private static final String EXAMPLE_INPUT = """
            {"name":"王芳","phone":"13812345678","email":"wang.fang@example.cn","gender":"FEMALE","city":"杭州",
             "preferredChannel":"WECHAT","preferredContactTime":"EVENING","contactConsent":true,
             "marketingConsent":false,"notes":"对比了两款SUV, 周末带家人再来","source":"WALK_IN"}""";
    private static final String EXAMPLE_VIEW = """
            {"id":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21","version":0,"deleted":false,"name":"王芳",
             "phone":"+8613812345678","email":"wang.fang@example.cn","gender":"FEMALE","city":"杭州",
             "preferredChannel":"WECHAT","preferredContactTime":"EVENING","contactConsent":true,
             "contactConsentChangedAt":"2026-11-28T09:30:00+08:00","marketingConsent":false,
             "notes":"对比了两款SUV, 周末带家人再来","ownerId":"0193b0a4-0000-7000-8000-000000000101",
             "source":"WALK_IN","createdAt":"2026-11-28T09:30:00+08:00","updatedAt":"2026-11-28T09:30:00+08:00"}""";
    private static final String EXAMPLE_MASKED_VIEW = """
            {"id":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21","version":0,"deleted":false,"name":"王芳",
             "phone":"138****5678","email":"w***@example.cn","gender":"FEMALE","city":"杭州",
             "contactConsent":true,"marketingConsent":false,"source":"WALK_IN",
             "createdAt":"2026-11-28T09:30:00+08:00","updatedAt":"2026-11-28T09:30:00+08:00"}""";
    private static final String EXAMPLE_PAGE = """
            {"items":[""" + EXAMPLE_VIEW + """
            ,{"id":"0193b0a5-1111-7c39-9a57-3c1f0a3e8b22","version":4,"deleted":true,
              "updatedAt":"2026-11-28T10:00:00+08:00"}],
             "nextCursor":"eyJrIjoiLWNyZWF0ZWRBdCIsInYiOiIyMDI2LTExLTI4VDAxOjMwOjAwWiJ9"}""";
    private static final String DUPLICATE_PHONE = """
            {"type":"urn:dealerops:problem:duplicate-phone","title":"Duplicate phone","status":409,
             "detail":"A customer of this dealer already has this phone number","instance":"/api/v1/customers",
             "requestId":"5f0c6bb2-6f4e-4c55-9d1e-0b8b8ab3d1c7",
             "existingCustomerId":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21"}""";

    private final CustomerService customers;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public CustomerResource(CustomerService customers, Idempotency idempotency, CurrentCaller caller) {
        this.customers = customers;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Register a customer", description = "Roles: sales (becomes the owner), sales-manager. "
            + "The phone must be unique among the dealer's customers.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CustomerInput.class),
            examples = @ExampleObject(name = "walk-in", value = EXAMPLE_INPUT)))
    @APIResponse(responseCode = "201", description = "Created; a replay of the same Idempotency-Key gives the "
            + "same response with Idempotent-Replayed: true",
            headers = { @Header(name = "Location", description = "URL of the new customer",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = CustomerView.class),
                    examples = @ExampleObject(name = "created", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "409", description = "Another customer of the dealer has this phone "
            + "(existingCustomerId names it), the client-chosen id is taken, or the same Idempotency-Key is still "
            + "being processed", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate-phone", value = DUPLICATE_PHONE)))
    @APIResponse(responseCode = "422", description = "ownerId is not an active salesperson of the dealer, or "
            + "the Idempotency-Key was used for a different request", content = @Content(
                    mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull CustomerInput body) {
        Caller who = caller.get();
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/customers", body,
                () -> customers.create(who, body))
                .onFailure(DatabaseFailures::isUniqueViolation)
                .recoverWithUni(failure -> customers.explainConflict(who, body.phone(), body.id(), failure)
                        .replaceWith((Response) null));
    }

    @GET
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE, Roles.AFTER_SALES })
    @Operation(summary = "List customers", description = "Salespeople see the customers they own; sales "
            + "managers, customer service and after-sales see all of the dealer's (after-sales with masked contact "
            + "details). With updatedSince, deleted customers are included as tombstones (delta sync), and the "
            + "default order is updatedAt.")
    @APIResponse(responseCode = "200", description = "A page of customers; Link: <...>; rel=\"next\" when there is "
            + "another page", headers = @Header(name = "Link", description = "RFC 8288 link to the next page",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CustomerPage.class),
                    examples = @ExampleObject(name = "page", value = EXAMPLE_PAGE)))
    public Uni<Response> list(
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = ApiDocs.CURSOR) @QueryParam("cursor") String cursor,
            @Parameter(description = "Sort order", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "-createdAt", "createdAt", "updatedAt", "-updatedAt", "name", "-name" },
                    defaultValue = "-createdAt")) @QueryParam("sort") String sort,
            @Parameter(description = "Only customers of this owner: a staff id, or 'me'") @QueryParam("owner")
            String owner,
            @Parameter(description = "Only the customer with this mobile number (any accepted format)")
            @QueryParam("phone") String phone,
            @Parameter(description = "Only customers whose name starts with this (case-insensitive)")
            @QueryParam("namePrefix") String namePrefix,
            @Parameter(description = ApiDocs.UPDATED_SINCE, schema = @Schema(type = SchemaType.STRING,
                    format = "date-time")) @QueryParam("updatedSince") String updatedSince,
            @Context UriInfo uriInfo) {
        Caller who = caller.get();
        ListQuery query = ListQuery.of(limit, cursor, sort, updatedSince);
        CustomerRepository.Filter filter = new CustomerRepository.Filter(ownerFilter(owner, who),
                phone == null ? null : CustomerService.normalizedPhone(phone), blankToNull(namePrefix),
                query.updatedSince());
        return customers.list(who, filter, query.sort(), query.cursor(), query.limit())
                .map(page -> PageResponses.ok(page, uriInfo));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE, Roles.AFTER_SALES })
    @Operation(summary = "Get a customer", description = "404 for customers of other dealers, deleted ones, and, "
            + "for salespeople, customers they do not own.")
    @APIResponse(responseCode = "200", description = "The customer",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CustomerView.class), examples = {
                    @ExampleObject(name = "sales", value = EXAMPLE_VIEW),
                    @ExampleObject(name = "after-sales (masked)", value = EXAMPLE_MASKED_VIEW) }))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> get(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IF_NONE_MATCH) @HeaderParam(EntityTags.IF_NONE_MATCH) String ifNoneMatch) {
        Caller who = caller.get();
        return customers.get(who, id).map(view -> EntityTags.notModified(ifNoneMatch, view.version())
                ? Response.notModified(EntityTags.of(view.version())).build()
                : Response.ok(view).tag(EntityTags.of(view.version())).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Replace a customer", description = "Roles: the owning salesperson, sales-manager. "
            + "Fields absent from the body are cleared.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CustomerInput.class),
            examples = @ExampleObject(name = "walk-in", value = EXAMPLE_INPUT)))
    @APIResponse(responseCode = "200", description = "The updated customer",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CustomerView.class),
                    examples = @ExampleObject(name = "updated", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "409", description = "Another customer of the dealer has this phone",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate-phone", value = DUPLICATE_PHONE)))
    @APIResponse(responseCode = "422", description = "ownerId is not an active salesperson of the dealer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> replace(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IF_MATCH, required = true) @HeaderParam(EntityTags.IF_MATCH)
            String ifMatch,
            @Valid @NotNull CustomerInput body) {
        Caller who = caller.get();
        long version = EntityTags.requiredVersion(ifMatch);
        return customers.replace(who, id, version, body).map(CustomerResource::written)
                .onFailure(DatabaseFailures::isUniqueViolation)
                .recoverWithUni(failure -> customers.explainConflict(who, body.phone(), null, failure)
                        .replaceWith((Response) null));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(ApiDocs.MERGE_PATCH)
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER })
    @Operation(summary = "Change some fields of a customer", description = "JSON Merge Patch (RFC 7396): fields "
            + "present are set, null clears one. Roles: the owning salesperson, sales-manager.")
    @RequestBody(required = true, content = @Content(mediaType = ApiDocs.MERGE_PATCH,
            schema = @Schema(implementation = CustomerPatch.class),
            examples = @ExampleObject(name = "move and clear notes", value = "{\"city\":\"宁波\",\"notes\":null}")))
    @APIResponse(responseCode = "200", description = "The updated customer",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CustomerView.class),
                    examples = @ExampleObject(name = "updated", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "409", description = "Another customer of the dealer has this phone",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate-phone", value = DUPLICATE_PHONE)))
    @APIResponse(responseCode = "422", description = "ownerId is not an active salesperson of the dealer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> patch(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IF_MATCH, required = true) @HeaderParam(EntityTags.IF_MATCH)
            String ifMatch,
            @NotNull JsonNode body) {
        Caller who = caller.get();
        long version = EntityTags.requiredVersion(ifMatch);
        String phone = body.path("phone").isTextual() ? body.path("phone").asText() : null;
        return customers.patch(who, id, version, body).map(CustomerResource::written)
                .onFailure(DatabaseFailures::isUniqueViolation)
                .recoverWithUni(failure -> customers.explainConflict(who, phone, null, failure)
                        .replaceWith((Response) null));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES_MANAGER })
    @Operation(summary = "Delete a customer", description = "Role: sales-manager. The customer disappears from "
            + "reads and lists, and shows as a tombstone in updatedSince lists. If-Match is optional.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return customers.delete(who, id, version).map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.CUSTOMER_SERVICE, Roles.AFTER_SALES })
    @Operation(summary = "History of a customer", description = "Every change, oldest first: who, when, which "
            + "fields from what to what. Contact details are masked as on the customer itself.")
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
        return customers.history(who, id, cursor, ListQuery.limit(limit))
                .map(page -> PageResponses.ok(page, uriInfo));
    }

    private static Response written(Outcome outcome) {
        return Response.ok(outcome.body()).tag(EntityTags.of(outcome.version())).build();
    }

    private static UUID ownerFilter(String owner, Caller who) {
        if (owner == null || owner.isBlank()) {
            return null;
        }
        if (owner.trim().equals("me")) {
            return who.staffId();
        }
        try {
            return UUID.fromString(owner.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("owner", "must be a staff id or 'me'");
        }
    }


    /** For the OpenAPI document: a page of customers. */
    @Schema(name = "CustomerPage")
    static final class CustomerPage {
        @Schema(required = true)
        public java.util.List<CustomerView> items;
        @Schema(description = "Pass as cursor to get the next page; absent on the last page")
        public String nextCursor;
    }
}
