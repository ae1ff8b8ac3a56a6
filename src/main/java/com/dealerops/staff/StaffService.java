package com.dealerops.staff;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.dealerops.common.audit.AuditTrail;
import com.dealerops.common.audit.HistoryEntry;
import com.dealerops.common.concurrency.EntityTags;
import com.dealerops.common.error.ProblemException;
import com.dealerops.common.idempotency.Outcome;
import com.dealerops.common.paging.Page;
import com.dealerops.common.phone.PhoneNumbers;
import com.dealerops.common.security.Caller;
import com.dealerops.common.security.Department;
import com.dealerops.common.security.Role;
import com.dealerops.common.security.StaffRegistry;
import com.dealerops.common.time.Clocks;
import com.dealerops.staff.dto.DeactivationView;
import com.dealerops.staff.dto.StaffInput;
import com.dealerops.staff.dto.StaffView;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The staff directory: who works in which department, who is on duty (lead routing), who is active. Admins keep
 * it; everyone else sees names and departments for assignment pickers.
 */
@ApplicationScoped
public class StaffService {

    static final String RESOURCE_TYPE = "staff";
    private static final int OPEN_WORK_ITEMS = 100;

    private final StaffRepository staff;
    private final AuditTrail audit;
    private final StaffRegistry registry;
    private final Instance<OpenWorkSource> openWorkSources;
    private final Clock clock;

    public StaffService(StaffRepository staff, AuditTrail audit, StaffRegistry registry,
            Instance<OpenWorkSource> openWorkSources, Clock clock) {
        this.staff = staff;
        this.audit = audit;
        this.registry = registry;
        this.openWorkSources = openWorkSources;
        this.clock = clock;
    }

    public static URI location(UUID id) {
        return URI.create("/api/v1/staff/" + id);
    }

    @WithSession
    public Uni<Page<StaffView>> list(Caller caller, StaffRepository.Filter requested, String cursor, int limit) {
        StaffRepository.Filter filter = caller.has(Role.ADMIN) ? requested
                : new StaffRepository.Filter(requested.department(), requested.onDuty(), requested.nameContains(),
                        true);
        return staff.list(caller.dealerId(), filter, cursor, limit).map(page -> new Page<>(
                page.items().stream().map(member -> view(member, caller)).toList(), page.nextCursor()));
    }

    @WithSession
    public Uni<StaffView> get(Caller caller, UUID id) {
        return visible(caller, id).map(member -> view(member, caller));
    }

    /** The caller's own directory entry, every field. */
    @WithSession
    public Uni<StaffView> me(Caller caller) {
        return staff.findInDealer(caller.dealerId(), caller.staffId())
                .map(member -> full(member, caller.zone()));
    }

    @WithTransaction
    public Uni<Outcome> preRegister(Caller caller, StaffInput input) {
        if (input.subject() == null || input.subject().isBlank()) {
            throw ProblemException.invalid("subject", "must not be blank");
        }
        UUID id = Caller.staffIdFor(input.subject().trim());
        return staff.findInDealer(caller.dealerId(), id).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("staff-exists", "Staff member exists",
                        "A staff member with this subject is already in the directory", Map.of("existingStaffId", id));
            }
            Instant now = Clocks.now(clock);
            Staff member = new Staff();
            member.dealerId = caller.dealerId();
            member.id = id;
            member.subject = input.subject().trim();
            member.active = true;
            member.registeredBy = caller.staffId();
            member.createdAt = now;
            member.updatedAt = now;
            apply(member, input);
            return staff.persistAndFlush(member)
                    .call(saved -> audit.record(caller, RESOURCE_TYPE, id, "CREATED", Map.of(), snapshot(saved)))
                    .map(saved -> Outcome.created(location(id), saved.version, full(saved, caller.zone())));
        });
    }

    @WithTransaction
    public Uni<Outcome> update(Caller caller, UUID id, long expectedVersion, StaffInput input) {
        return visible(caller, id).chain(member -> {
            EntityTags.ensureCurrent(expectedVersion, member.version);
            if (input.subject() != null && !input.subject().trim().equals(member.subject)) {
                throw ProblemException.invalid("subject", "cannot change; register a new staff member instead");
            }
            Map<String, Object> before = snapshot(member);
            apply(member, input);
            return changed(caller, member, "UPDATED", before);
        });
    }

    @WithTransaction
    public Uni<Outcome> setDuty(Caller caller, UUID id, long expectedVersion, boolean onDuty) {
        return visible(caller, id).chain(member -> {
            boolean self = member.id.equals(caller.staffId());
            boolean managesSales = caller.has(Role.SALES_MANAGER) && member.department == Department.SALES;
            if (!self && !managesSales && !caller.has(Role.ADMIN)) {
                throw ProblemException.forbidden("Staff set their own duty; sales managers set it for sales staff, "
                        + "admins for anyone");
            }
            EntityTags.ensureCurrent(expectedVersion, member.version);
            if (onDuty && !member.active) {
                throw ProblemException.conflict("staff-inactive", "Staff member deactivated",
                        "A deactivated staff member cannot go on duty", Map.of());
            }
            Map<String, Object> before = snapshot(member);
            if (member.onDuty != onDuty) {
                member.onDuty = onDuty;
                member.onDutyChangedAt = Clocks.now(clock);
            }
            return changed(caller, member, "DUTY_CHANGED", before);
        });
    }

    @WithTransaction
    public Uni<Outcome> deactivate(Caller caller, UUID id, Long expectedVersion) {
        if (id.equals(caller.staffId())) {
            throw ProblemException.unprocessable("self-deactivation", "Cannot deactivate yourself",
                    "Another admin must deactivate you");
        }
        return visible(caller, id).chain(member -> {
            if (expectedVersion != null) {
                EntityTags.ensureCurrent(expectedVersion, member.version);
            }
            if (!member.active) {
                throw ProblemException.conflict("illegal-state", "Already deactivated",
                        "This staff member is already deactivated", Map.of("currentState", "INACTIVE",
                                "allowedActions", List.of("activate")));
            }
            Map<String, Object> before = snapshot(member);
            Instant now = Clocks.now(clock);
            member.active = false;
            member.deactivatedAt = now;
            if (member.onDuty) {
                member.onDuty = false;
                member.onDutyChangedAt = now;
            }
            return changed(caller, member, "DEACTIVATED", before)
                    .invoke(() -> registry.forgetStaff(caller.dealerId(), id))
                    .chain(outcome -> openWork(caller.dealerId(), id).map(work -> new Outcome(200,
                            new DeactivationView((StaffView) outcome.body(), work), null, outcome.version())));
        });
    }

    @WithTransaction
    public Uni<Outcome> activate(Caller caller, UUID id, Long expectedVersion) {
        return visible(caller, id).chain(member -> {
            if (expectedVersion != null) {
                EntityTags.ensureCurrent(expectedVersion, member.version);
            }
            if (member.active) {
                throw ProblemException.conflict("illegal-state", "Already active", "This staff member is active",
                        Map.of("currentState", "ACTIVE", "allowedActions", List.of("deactivate")));
            }
            Map<String, Object> before = snapshot(member);
            member.active = true;
            member.deactivatedAt = null;
            return changed(caller, member, "ACTIVATED", before)
                    .invoke(() -> registry.forgetStaff(caller.dealerId(), id));
        });
    }

    @WithSession
    public Uni<OpenWork> openWorkOf(Caller caller, UUID id) {
        return visible(caller, id).chain(member -> openWork(caller.dealerId(), id));
    }

    @WithSession
    public Uni<Page<HistoryEntry>> history(Caller caller, UUID id, String cursor, int limit) {
        HistoryEntry.FieldPolicy policy = caller.has(Role.ADMIN) ? HistoryEntry.FieldPolicy.ALL
                : (field, value) -> field.equals("phone") ? HistoryEntry.FieldPolicy.HIDDEN : value;
        return visible(caller, id).chain(member -> audit.history(caller.dealerId(), RESOURCE_TYPE, id, limit, cursor))
                .map(page -> new Page<>(page.items().stream()
                        .map(event -> HistoryEntry.of(event, caller.zone(), policy)).toList(), page.nextCursor()));
    }

    /** Sources are asked one after another: one reactive session never runs two statements at once. */
    private Uni<OpenWork> openWork(UUID dealerId, UUID staffId) {
        Uni<Map<String, OpenWork.Kind>> result = Uni.createFrom().item(new LinkedHashMap<>());
        for (OpenWorkSource source : openWorkSources) {
            result = result.chain(kinds -> source.openWork(dealerId, staffId, OPEN_WORK_ITEMS).map(kind -> {
                kinds.put(source.kind(), kind);
                return kinds;
            }));
        }
        return result.map(OpenWork::new);
    }

    private Uni<Staff> visible(Caller caller, UUID id) {
        return staff.findInDealer(caller.dealerId(), id).map(member -> {
            if (member == null || !member.active && !caller.has(Role.ADMIN)) {
                throw ProblemException.notFound("Staff member");
            }
            return member;
        });
    }

    private Uni<Outcome> changed(Caller caller, Staff member, String action, Map<String, Object> before) {
        Map<String, Object> after = snapshot(member);
        if (before.equals(after)) {
            return Uni.createFrom().item(Outcome.ok(member.version, view(member, caller)));
        }
        member.updatedAt = Clocks.now(clock);
        return staff.flush()
                .call(() -> audit.record(caller, RESOURCE_TYPE, member.id, action, before, after))
                .map(ignored -> Outcome.ok(member.version, view(member, caller)));
    }

    private static void apply(Staff member, StaffInput input) {
        member.name = input.name().trim();
        member.department = input.department();
        member.head = input.head();
        member.roles = new TreeSet<>(input.roles()).toArray(String[]::new);
        member.phone = input.phone() == null || input.phone().isBlank() ? null
                : PhoneNumbers.normalize(input.phone()).orElseThrow(() -> ProblemException.invalid("phone",
                        "must be a mobile phone number"));
    }

    private static Map<String, Object> snapshot(Staff member) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("name", member.name);
        snapshot.put("department", member.department.name());
        snapshot.put("head", member.head == null ? null : member.head.name());
        snapshot.put("roles", List.of(member.roles));
        snapshot.put("phone", member.phone);
        snapshot.put("onDuty", member.onDuty);
        snapshot.put("active", member.active);
        return snapshot;
    }

    /** Admins see the whole entry; everyone else what an assignment picker needs. */
    static StaffView view(Staff member, Caller caller) {
        if (caller.has(Role.ADMIN)) {
            return full(member, caller.zone());
        }
        return new StaffView(member.id, member.version, member.name, member.department, member.head, member.onDuty,
                member.active, null, null, null, null, null, null, null, null, null);
    }

    static StaffView full(Staff member, ZoneId zone) {
        return new StaffView(member.id, member.version, member.name, member.department, member.head, member.onDuty,
                member.active, member.subject, Arrays.asList(member.roles), member.phone,
                Clocks.at(member.onDutyChangedAt, zone), Clocks.at(member.firstSeenAt, zone), Clocks.at(member.lastSeenAt, zone),
                Clocks.at(member.deactivatedAt, zone), Clocks.at(member.createdAt, zone), Clocks.at(member.updatedAt, zone));
    }

}
