package com.dealerops.staff;

import java.time.Clock;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.dealerops.common.security.Caller;
import com.dealerops.common.security.CurrentCaller;
import com.dealerops.common.security.Role;
import com.dealerops.common.security.Roles;
import com.dealerops.settings.SettingsService;
import com.dealerops.settings.WorkingCalendar;
import com.dealerops.staff.dto.IdentityView;
import com.dealerops.staff.dto.MeView;
import com.dealerops.common.web.CompletesDespiteDisconnect;

import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/api/v1/me")
@Tag(name = "Me", description = "The caller")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final StaffService staff;
    private final SettingsService settings;
    private final CurrentCaller caller;
    private final Clock clock;

    public MeResource(StaffService staff, SettingsService settings, CurrentCaller caller, Clock clock) {
        this.staff = staff;
        this.settings = settings;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/identity")
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE, Roles.FINANCE,
            Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Who the service takes you for", description = "What the service read from your token: "
            + "staff id, name, dealer and roles. For checking an integration's or identity provider's tokens; "
            + "answered without a database round trip once the caller is known.")
    @APIResponse(responseCode = "200", description = "The caller as the token names them", content = @Content(
            schema = @Schema(implementation = IdentityView.class), examples = @ExampleObject(name = "salesperson",
                    value = """
                            {"staffId":"0193b0a4-0000-7000-8000-000000000101","subject":
                             "0193b0a4-0000-7000-8000-000000000101","name":"李伟",
                             "dealerId":"0193b0a4-0000-7000-8000-000000000001","roles":["sales"],
                             "timeZone":"Asia/Shanghai"}""")))
    public IdentityView identity() {
        Caller who = caller.get();
        return new IdentityView(who.staffId(), who.subject(), who.name(), who.dealerId(),
                who.roles().stream().map(Role::claimValue).sorted().toList(), who.zone().getId());
    }

    @GET
    @RolesAllowed({ Roles.SALES, Roles.SALES_MANAGER, Roles.AFTER_SALES, Roles.CUSTOMER_SERVICE, Roles.FINANCE,
            Roles.ADMIN })
    @Operation(summary = "The caller: profile, roles, dealer, duty, today, and the dealer's settings",
            description = "One request for an app's start-up screen.")
    @APIResponse(responseCode = "200", description = "The caller", content = @Content(schema = @Schema(
            implementation = MeView.class)))
    public Uni<MeView> me() {
        Caller who = caller.get();
        return staff.me(who).chain(profile -> settings.all(who.dealerId()).map(all -> {
            WorkingCalendar calendar = new WorkingCalendar(all.general());
            Instant now = clock.instant();
            return new MeView(profile, who.roles().stream().map(Role::claimValue).sorted().toList(),
                    new MeView.Dealer(who.dealerId(), all.general().displayName(), all.general().timeZone(),
                            all.general().currency()),
                    calendar.dateOf(now), calendar.isWorkingDay(calendar.dateOf(now)), calendar.isOpen(now), all);
        }));
    }
}
