package com.dealerops.staff;

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
import com.dealerops.common.security.Department;
import com.dealerops.common.security.Roles;
import com.dealerops.staff.dto.DeactivationView;
import com.dealerops.staff.dto.DutyInput;
import com.dealerops.staff.dto.StaffInput;
import com.dealerops.staff.dto.StaffView;
import com.dealerops.common.web.CompletesDespiteDisconnect;

import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/api/v1/staff")
@Tag(name = "Staff", description = "The staff directory: departments, duty, who is active")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StaffResource {

    static final String EXAMPLE_SUMMARY = """
            {"id":"0193b0a4-0000-7000-8000-000000000101","version":3,"name":"李伟","department":"SALES",
             "onDuty":true,"active":true}""";
    static final String EXAMPLE_FULL = """
            {"id":"0193b0a4-0000-7000-8000-000000000101","version":3,"name":"李伟","department":"SALES",
             "onDuty":true,"active":true,"subject":"li.wei@dealer.example","roles":["sales"],
             "phone":"+8613600000101","onDutyChangedAt":"2026-11-28T08:31:00+08:00",
             "firstSeenAt":"2026-11-02T09:00:00+08:00","lastSeenAt":"2026-11-28T08:30:00+08:00",
             "createdAt":"2026-11-01T10:00:00+08:00","updatedAt":"2026-11-28T08:31:00+08:00"}""";
    static final String EXAMPLE_INPUT = """
            {"subject":"li.wei@dealer.example","name":"李伟","department":"SALES","roles":["sales"],
             "phone":"13600000101"}""";
    static final String EXAMPLE_PAGE = "{\"items\":[" + EXAMPLE_SUMMARY + "]}";
    static final String EXAMPLE_DEACTIVATION = """
            {"staff":{"id":"0193b0a4-0000-7000-8000-000000000101","version":4,"name":"李伟","department":"SALES",
             "onDuty":false,"active":false,"deactivatedAt":"2026-11-28T18:00:00+08:00"},
             "openWork":{"customers":{"total":1,"items":[{"id":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21",
             "label":"王芳"}]}}}""";
    static final String EXAMPLE_OPEN_WORK = """
            {"customers":{"total":1,"items":[{"id":"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21","label":"王芳"}]}}""";

    private final StaffService staff;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public StaffResource(StaffService staff, Idempotency idempotency, CurrentCaller caller) {
        this.staff = staff;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE, Roles.FINANCE,
            Roles.ADMIN })
    @Operation(summary = "Search the staff directory", description = "For assignment pickers, sorted by name. "
            + "Admins see every field and may list deactivated staff (active=false); other roles see active staff "
            + "with id, name, department, head and duty only.")
    @APIResponse(responseCode = "200", description = "A page of staff", headers = @Header(name = "Link",
            description = "RFC 8288 link to the next page", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = StaffPage.class),
                    examples = @ExampleObject(name = "picker", value = EXAMPLE_PAGE)))
    public Uni<Response> list(
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = ApiDocs.CURSOR) @QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(implementation = Department.class)) @QueryParam("department")
            String department,
            @Parameter(description = "Only staff on (true) or off (false) duty", schema = @Schema(
                    type = SchemaType.BOOLEAN)) @QueryParam("onDuty") String onDuty,
            @Parameter(description = "Name contains this (case-insensitive)") @QueryParam("q") String q,
            @Parameter(description = "Admins: false lists deactivated staff", schema = @Schema(
                    type = SchemaType.BOOLEAN, defaultValue = "true")) @QueryParam("active") String active,
            @Context UriInfo uriInfo) {
        StaffRepository.Filter filter = new StaffRepository.Filter(department(department),
                ListQuery.bool("onDuty", onDuty, null), q == null || q.isBlank() ? null : q.trim(), ListQuery.bool("active", active, true));
        return staff.list(caller.get(), filter, cursor, ListQuery.limit(limit))
                .map(page -> PageResponses.ok(page, uriInfo));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE, Roles.FINANCE,
            Roles.ADMIN })
    @Operation(summary = "Get a staff member", description = "Deactivated staff are visible to admins only.")
    @APIResponse(responseCode = "200", description = "The staff member", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(
                    implementation = StaffView.class), examples = {
                            @ExampleObject(name = "admin", value = EXAMPLE_FULL),
                            @ExampleObject(name = "other roles", value = EXAMPLE_SUMMARY) }))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> get(@PathParam("id") UUID id, @Parameter(description = ApiDocs.IF_NONE_MATCH)
    @HeaderParam(EntityTags.IF_NONE_MATCH) String ifNoneMatch) {
        return staff.get(caller.get(), id).map(view -> EntityTags.notModified(ifNoneMatch, view.version())
                ? Response.notModified(EntityTags.of(view.version())).build()
                : Response.ok(view).tag(EntityTags.of(view.version())).build());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a staff member ahead of their first sign-in", description = "Role: admin. The "
            + "staff id is derived from the subject (the subject itself when it is a UUID), as it is when the staff "
            + "member first signs in.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StaffInput.class),
            examples = @ExampleObject(name = "salesperson", value = EXAMPLE_INPUT)))
    @APIResponse(responseCode = "201", description = "Registered", headers = {
            @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = StaffView.class),
                    examples = @ExampleObject(name = "registered", value = EXAMPLE_FULL)))
    @APIResponse(responseCode = "409", description = "A staff member with this subject exists (existingStaffId), or "
            + "the same Idempotency-Key is still being processed", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public Uni<Response> preRegister(
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull StaffInput body) {
        Caller who = caller.get();
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/staff", body,
                () -> staff.preRegister(who, body));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Edit a staff member's directory entry", description = "Role: admin. Name and roles are "
            + "refreshed from the staff member's token when they sign in.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StaffInput.class),
            examples = @ExampleObject(name = "salesperson", value = EXAMPLE_INPUT)))
    @APIResponse(responseCode = "200", description = "The staff member", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(
                    implementation = StaffView.class), examples = @ExampleObject(name = "updated",
                            value = EXAMPLE_FULL)))
    public Uni<Response> update(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IF_MATCH, required = true) @HeaderParam(EntityTags.IF_MATCH)
            String ifMatch, @Valid @NotNull StaffInput body) {
        long version = EntityTags.requiredVersion(ifMatch);
        return staff.update(caller.get(), id, version, body).map(StaffResource::written);
    }

    @PUT
    @Path("/{id}/duty")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE, Roles.FINANCE,
            Roles.ADMIN })
    @Operation(summary = "Go on or off duty", description = "Staff set their own duty; sales managers set it for "
            + "sales staff; admins for anyone. On-duty salespeople receive routed leads. If-Match is the staff "
            + "member's ETag.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DutyInput.class),
            examples = @ExampleObject(name = "on duty", value = "{\"onDuty\":true}")))
    @APIResponse(responseCode = "200", description = "The staff member", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(
                    implementation = StaffView.class), examples = @ExampleObject(name = "on duty",
                            value = EXAMPLE_SUMMARY)))
    @APIResponse(responseCode = "409", description = "A deactivated staff member cannot go on duty",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> duty(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IF_MATCH, required = true) @HeaderParam(EntityTags.IF_MATCH)
            String ifMatch, @Valid @NotNull DutyInput body) {
        long version = EntityTags.requiredVersion(ifMatch);
        return staff.setDuty(caller.get(), id, version, body.onDuty()).map(StaffResource::written);
    }

    @POST
    @Path("/{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Deactivate a staff member", description = "Role: admin. They go off duty, get no new "
            + "assignments, and their tokens are refused. The response lists the work they still hold, to reassign.")
    @APIResponse(responseCode = "200", description = "Deactivated", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(
                    implementation = DeactivationView.class), examples = @ExampleObject(name = "deactivated",
                            value = EXAMPLE_DEACTIVATION)))
    @APIResponse(responseCode = "409", description = "Already deactivated", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Admins cannot deactivate themselves", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> deactivate(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/staff/" + id + "/deactivate", id,
                () -> staff.deactivate(who, id, version));
    }

    @POST
    @Path("/{id}/activate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Activate a deactivated staff member", description = "Role: admin.")
    @APIResponse(responseCode = "200", description = "Active again", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(
                    implementation = StaffView.class), examples = @ExampleObject(name = "active",
                            value = EXAMPLE_FULL)))
    @APIResponse(responseCode = "409", description = "Already active", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> activate(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Caller who = caller.get();
        Long version = EntityTags.optionalVersion(ifMatch);
        return idempotency.execute(who, idempotencyKey, "POST /api/v1/staff/" + id + "/activate", id,
                () -> staff.activate(who, id, version));
    }

    @GET
    @Path("/{id}/open-work")
    @RolesAllowed({ Roles.ADMIN, Roles.SALES_MANAGER })
    @Operation(summary = "Work a staff member still holds", description = "Roles: admin, sales-manager. For "
            + "reassignment before or after deactivation.")
    @APIResponse(responseCode = "200", description = "Open work per kind", content = @Content(schema = @Schema(
            implementation = OpenWork.class), examples = @ExampleObject(name = "open work",
                    value = EXAMPLE_OPEN_WORK)))
    public Uni<OpenWork> openWork(@PathParam("id") UUID id) {
        return staff.openWorkOf(caller.get(), id);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.ADMIN, Roles.SALES_MANAGER })
    @Operation(summary = "History of a staff member's directory entry", description = "Roles: admin, "
            + "sales-manager (phone changes hidden).")
    @APIResponse(responseCode = "200", description = "A page of history entries", headers = @Header(name = "Link",
            description = "RFC 8288 link to the next page", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ApiDocs.HistoryPage.class),
                    examples = @ExampleObject(name = "history", value = ApiDocs.EXAMPLE_HISTORY)))
    public Uni<Response> history(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = ApiDocs.CURSOR) @QueryParam("cursor") String cursor,
            @Context UriInfo uriInfo) {
        return staff.history(caller.get(), id, cursor, ListQuery.limit(limit))
                .map(page -> PageResponses.ok(page, uriInfo));
    }

    private static Response written(Outcome outcome) {
        return Response.ok(outcome.body()).tag(EntityTags.of(outcome.version())).build();
    }

    private static Department department(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Department.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("department", "must be one of "
                    + java.util.Arrays.toString(Department.values()));
        }
    }

    /** For the OpenAPI document: a page of staff. */
    @Schema(name = "StaffPage")
    static final class StaffPage {
        @Schema(required = true)
        public java.util.List<StaffView> items;
        @Schema(description = "Pass as cursor to get the next page; absent on the last page")
        public String nextCursor;
    }
}
