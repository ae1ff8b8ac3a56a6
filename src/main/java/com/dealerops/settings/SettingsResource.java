package com.dealerops.settings;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.dealerops.common.concurrency.EntityTags;
import com.dealerops.common.error.ProblemException;
import com.dealerops.common.openapi.ApiDocs;
import com.dealerops.common.paging.ListQuery;
import com.dealerops.common.paging.PageResponses;
import com.dealerops.common.security.CurrentCaller;
import com.dealerops.common.security.Roles;
import com.dealerops.common.web.CompletesDespiteDisconnect;

import io.smallrye.mutiny.Uni;

/**
 * Dealer settings, one sub-resource per section so that two screens editing different sections never race.
 * Everyone on the staff reads them; admins write every section, sales managers the leads and quotes sections.
 */
@CompletesDespiteDisconnect
@Path("/api/v1/settings")
@Tag(name = "Settings", description = "Dealer settings: the rules other features read")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE, Roles.FINANCE,
        Roles.ADMIN })
public class SettingsResource {

    static final String WRITERS = "Roles: admin (any section); sales-manager (leads and quotes only). Every field is "
            + "required; a value out of range is a 400 naming the field and the allowed range.";

    private final SettingsService settings;
    private final CurrentCaller caller;

    public SettingsResource(SettingsService settings, CurrentCaller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "All settings of the caller's dealer", description = "Defaults for sections never saved. "
            + "versions gives each section's ETag value.")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(schema = @Schema(implementation = DealerSettings.class)))
    public Uni<DealerSettings> all() {
        return settings.all(caller.get().dealerId());
    }

    @GET
    @Path("/general")
    @Operation(summary = "General settings: name, time zone, currency, opening hours, working-day calendar")
    @APIResponse(responseCode = "200", description = "The section", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = GeneralSettings.class)))
    public Uni<Response> general(@Parameter(description = ApiDocs.IF_NONE_MATCH)
    @HeaderParam(EntityTags.IF_NONE_MATCH) String ifNoneMatch) {
        return read(SettingsSection.GENERAL, GeneralSettings.class, ifNoneMatch);
    }

    @PUT
    @Path("/general")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the general settings", description = WRITERS)
    @APIResponse(responseCode = "200", description = "The new section", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = GeneralSettings.class)))
    public Uni<Response> replaceGeneral(@Parameter(description = ApiDocs.IF_MATCH, required = true)
    @HeaderParam(EntityTags.IF_MATCH) String ifMatch, @NotNull GeneralSettings body) {
        return write(SettingsSection.GENERAL, ifMatch, body);
    }

    @GET
    @Path("/leads")
    @Operation(summary = "Lead settings: first-response deadline, follow-up interval per grade, auto-routing")
    @APIResponse(responseCode = "200", description = "The section", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadSettings.class)))
    public Uni<Response> leads(@Parameter(description = ApiDocs.IF_NONE_MATCH)
    @HeaderParam(EntityTags.IF_NONE_MATCH) String ifNoneMatch) {
        return read(SettingsSection.LEADS, LeadSettings.class, ifNoneMatch);
    }

    @PUT
    @Path("/leads")
    @RolesAllowed({ Roles.ADMIN, Roles.SALES_MANAGER })
    @Operation(summary = "Replace the lead settings", description = WRITERS)
    @APIResponse(responseCode = "200", description = "The new section", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadSettings.class)))
    public Uni<Response> replaceLeads(@Parameter(description = ApiDocs.IF_MATCH, required = true)
    @HeaderParam(EntityTags.IF_MATCH) String ifMatch, @NotNull LeadSettings body) {
        return write(SettingsSection.LEADS, ifMatch, body);
    }

    @GET
    @Path("/test-drives")
    @Operation(summary = "Test-drive settings: durations, buffer between bookings, booking horizon")
    @APIResponse(responseCode = "200", description = "The section", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TestDriveSettings.class)))
    public Uni<Response> testDrives(@Parameter(description = ApiDocs.IF_NONE_MATCH)
    @HeaderParam(EntityTags.IF_NONE_MATCH) String ifNoneMatch) {
        return read(SettingsSection.TEST_DRIVES, TestDriveSettings.class, ifNoneMatch);
    }

    @PUT
    @Path("/test-drives")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the test-drive settings", description = WRITERS)
    @APIResponse(responseCode = "200", description = "The new section", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TestDriveSettings.class)))
    public Uni<Response> replaceTestDrives(@Parameter(description = ApiDocs.IF_MATCH, required = true)
    @HeaderParam(EntityTags.IF_MATCH) String ifMatch, @NotNull TestDriveSettings body) {
        return write(SettingsSection.TEST_DRIVES, ifMatch, body);
    }

    @GET
    @Path("/quotes")
    @Operation(summary = "Quote settings: discount limit, minimum margin, validity, compensation approval threshold")
    @APIResponse(responseCode = "200", description = "The section", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = QuoteSettings.class)))
    public Uni<Response> quotes(@Parameter(description = ApiDocs.IF_NONE_MATCH)
    @HeaderParam(EntityTags.IF_NONE_MATCH) String ifNoneMatch) {
        return read(SettingsSection.QUOTES, QuoteSettings.class, ifNoneMatch);
    }

    @PUT
    @Path("/quotes")
    @RolesAllowed({ Roles.ADMIN, Roles.SALES_MANAGER })
    @Operation(summary = "Replace the quote settings", description = WRITERS)
    @APIResponse(responseCode = "200", description = "The new section", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = QuoteSettings.class)))
    public Uni<Response> replaceQuotes(@Parameter(description = ApiDocs.IF_MATCH, required = true)
    @HeaderParam(EntityTags.IF_MATCH) String ifMatch, @NotNull QuoteSettings body) {
        return write(SettingsSection.QUOTES, ifMatch, body);
    }

    @GET
    @Path("/deliveries")
    @Operation(summary = "Delivery settings: PDI checklist, hand-over documents, post-delivery follow-up plan")
    @APIResponse(responseCode = "200", description = "The section", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = DeliverySettings.class)))
    public Uni<Response> deliveries(@Parameter(description = ApiDocs.IF_NONE_MATCH)
    @HeaderParam(EntityTags.IF_NONE_MATCH) String ifNoneMatch) {
        return read(SettingsSection.DELIVERIES, DeliverySettings.class, ifNoneMatch);
    }

    @PUT
    @Path("/deliveries")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the delivery settings", description = WRITERS)
    @APIResponse(responseCode = "200", description = "The new section", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = DeliverySettings.class)))
    public Uni<Response> replaceDeliveries(@Parameter(description = ApiDocs.IF_MATCH, required = true)
    @HeaderParam(EntityTags.IF_MATCH) String ifMatch, @NotNull DeliverySettings body) {
        return write(SettingsSection.DELIVERIES, ifMatch, body);
    }

    @GET
    @Path("/follow-ups")
    @Operation(summary = "Follow-up settings: survey template, low-score thresholds, overdue tolerance")
    @APIResponse(responseCode = "200", description = "The section", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = FollowUpSettings.class)))
    public Uni<Response> followUps(@Parameter(description = ApiDocs.IF_NONE_MATCH)
    @HeaderParam(EntityTags.IF_NONE_MATCH) String ifNoneMatch) {
        return read(SettingsSection.FOLLOW_UPS, FollowUpSettings.class, ifNoneMatch);
    }

    @PUT
    @Path("/follow-ups")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the follow-up settings", description = WRITERS)
    @APIResponse(responseCode = "200", description = "The new section", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = FollowUpSettings.class)))
    public Uni<Response> replaceFollowUps(@Parameter(description = ApiDocs.IF_MATCH, required = true)
    @HeaderParam(EntityTags.IF_MATCH) String ifMatch, @NotNull FollowUpSettings body) {
        return write(SettingsSection.FOLLOW_UPS, ifMatch, body);
    }

    @GET
    @Path("/complaints")
    @Operation(summary = "Complaint settings: SLA per severity and escalation")
    @APIResponse(responseCode = "200", description = "The section", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ComplaintSettings.class)))
    public Uni<Response> complaints(@Parameter(description = ApiDocs.IF_NONE_MATCH)
    @HeaderParam(EntityTags.IF_NONE_MATCH) String ifNoneMatch) {
        return read(SettingsSection.COMPLAINTS, ComplaintSettings.class, ifNoneMatch);
    }

    @PUT
    @Path("/complaints")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the complaint settings", description = WRITERS)
    @APIResponse(responseCode = "200", description = "The new section", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ComplaintSettings.class)))
    public Uni<Response> replaceComplaints(@Parameter(description = ApiDocs.IF_MATCH, required = true)
    @HeaderParam(EntityTags.IF_MATCH) String ifMatch, @NotNull ComplaintSettings body) {
        return write(SettingsSection.COMPLAINTS, ifMatch, body);
    }

    @GET
    @Path("/{section}/history")
    @RolesAllowed({ Roles.ADMIN, Roles.SALES_MANAGER })
    @Operation(summary = "History of a settings section", description = "Every change, oldest first, with the old "
            + "and new value of each field. Roles: admin, sales-manager.")
    @APIResponse(responseCode = "200", description = "A page of history entries",
            content = @Content(schema = @Schema(implementation = ApiDocs.HistoryPage.class),
                    examples = @ExampleObject(name = "history", value = """
                            {"items":[{"id":"0193b0a6-2222-7c39-9a57-3c1f0a3e8b23",
                              "occurredAt":"2026-11-28T09:30:00+08:00","action":"UPDATED",
                              "actor":{"id":"0193b0a4-0000-7000-8000-000000000201","name":"陈静"},
                              "changes":{"firstResponseMinutes":{"from":15,"to":10}}}]}""")))
    public Uni<Response> history(
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "general", "leads", "test-drives",
                    "quotes", "deliveries", "follow-ups", "complaints" })) @PathParam("section") String section,
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = ApiDocs.CURSOR) @QueryParam("cursor") String cursor,
            @Context UriInfo uriInfo) {
        SettingsSection which = SettingsSection.fromPath(section)
                .orElseThrow(() -> ProblemException.notFound("Settings section " + section));
        return settings.history(caller.get(), which, cursor, ListQuery.limit(limit))
                .map(page -> PageResponses.ok(page, uriInfo));
    }

    private <T extends Record> Uni<Response> read(SettingsSection section, Class<T> type, String ifNoneMatch) {
        return settings.section(caller.get().dealerId(), section, type).map(current ->
                EntityTags.notModified(ifNoneMatch, current.version())
                        ? Response.notModified(EntityTags.of(current.version())).build()
                        : Response.ok(current.settings()).tag(EntityTags.of(current.version())).build());
    }

    private <T extends Record> Uni<Response> write(SettingsSection section, String ifMatch, T body) {
        long version = EntityTags.requiredVersion(ifMatch);
        return settings.replace(caller.get(), section, version, body)
                .map(saved -> Response.ok(saved.settings()).tag(EntityTags.of(saved.version())).build());
    }
}
