package com.dealerops.lead;

import static com.dealerops.common.Texts.blankToNull;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.dealerops.common.Ids;
import com.dealerops.common.audit.AuditTrail;
import com.dealerops.common.audit.HistoryEntry;
import com.dealerops.common.concurrency.EntityTags;
import com.dealerops.common.error.ProblemException;
import com.dealerops.common.idempotency.Outcome;
import com.dealerops.common.json.MergePatch;
import com.dealerops.common.paging.Page;
import com.dealerops.common.paging.SortKey;
import com.dealerops.common.security.Caller;
import com.dealerops.common.security.Role;
import com.dealerops.common.time.Clocks;
import com.dealerops.customer.Customer;
import com.dealerops.customer.CustomerRepository;
import com.dealerops.customer.CustomerService;
import com.dealerops.lead.dto.ActivityInput;
import com.dealerops.lead.dto.ActivityView;
import com.dealerops.lead.dto.LeadInput;
import com.dealerops.lead.dto.LeadPatch;
import com.dealerops.lead.dto.LeadView;
import com.dealerops.lead.dto.SourceRecordView;
import com.dealerops.lead.dto.Timeframe;
import com.dealerops.settings.LeadSettings;
import com.dealerops.staff.StaffRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The rules of leads: intake and duplicates, grading, routing and assignment, the state machine, activities. */
@ApplicationScoped
public class LeadService {

    static final String RESOURCE_TYPE = "lead";
    /** Clocks of tablets and portals drift; a time this far ahead of ours is still "now". */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** A third party's lead as it arrived, kept with the lead. */
    public record SourceRecord(String format, String payload, Map<String, Object> unmapped) {
    }

    private final LeadRepository leads;
    private final LeadListQuery listQuery;
    private final LeadRouting routing;
    private final CustomerService customerService;
    private final CustomerRepository customers;
    private final StaffRepository staff;
    private final AuditTrail audit;
    private final Validator validator;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public LeadService(LeadRepository leads, LeadListQuery listQuery, LeadRouting routing,
            CustomerService customerService, CustomerRepository customers, StaffRepository staff, AuditTrail audit,
            Validator validator, ObjectMapper objectMapper, Clock clock) {
        this.leads = leads;
        this.listQuery = listQuery;
        this.routing = routing;
        this.customerService = customerService;
        this.customers = customers;
        this.staff = staff;
        this.audit = audit;
        this.validator = validator;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    public static URI location(UUID id) {
        return URI.create("/api/v1/leads/" + id);
    }

    /** Parses and validates a JSON lead the way the REST layer validates typed bodies. */
    public LeadInput readJson(String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("A lead is required in the request body");
        }
        LeadInput input = objectMapper.readValue(body, LeadInput.class);
        if (input == null) {
            throw ProblemException.badRequest("A lead is required in the request body");
        }
        validate(input);
        return input;
    }

    /**
     * The optional body of an action: nothing (whatever Content-Type a client without a body sends), or a JSON
     * {@link ActionInput}.
     */
    public String readNote(String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            return null;
        }
        com.dealerops.lead.dto.ActionInput input = objectMapper.readValue(body, com.dealerops.lead.dto.ActionInput.class);
        if (input == null) {
            return null;
        }
        validate(input);
        return input.note();
    }

    public AdfParser.Parsed readAdf(String body) {
        AdfParser.Parsed parsed = AdfParser.parse(body);
        validate(parsed.input());
        return parsed;
    }

    /**
     * Creates a lead, or finds the one it duplicates: the same provider lead (201 the first time, then 200 with
     * duplicateOf), or an open lead of the same customer (matched by phone or email), to which the new interest
     * is attached as an INTEREST activity. Runs in the caller's transaction.
     */
    public Uni<Outcome> create(Caller caller, LeadInput input, LeadSettings settings, SourceRecord source) {
        Instant now = Clocks.now(clock);
        checkIntake(caller, input, now);
        String provider = blankToNull(input.provider()) != null ? input.provider().trim()
                : caller.has(Role.INTEGRATION) ? truncate(caller.name(), 100) : null;
        String providerLeadId = blankToNull(input.providerLeadId());
        if (providerLeadId != null && provider == null) {
            throw ProblemException.invalid("provider", "is required with providerLeadId (whose lead id it is)");
        }
        Uni<Lead> sameProviderLead = providerLeadId == null ? Uni.createFrom().nullItem()
                : leads.findByProviderLeadId(caller.dealerId(), provider, providerLeadId);
        return sameProviderLead.chain(existing -> {
            if (existing != null) {
                return duplicate(caller, existing, LeadView.DuplicateMatch.PROVIDER_LEAD_ID);
            }
            return ensureIdFree(input.id())
                    .chain(() -> requestedAssignee(caller, input.assigneeId()))
                    .chain(assignee -> customerOf(caller, input, assignee)
                            .chain(match -> leads.findOpenForCustomer(caller.dealerId(), match.customer().id)
                                    .chain(open -> open != null
                                            ? attachInterest(caller, open, input, provider, match, now)
                                            : assigneeFor(caller, match.customer(), assignee)
                                                    .chain(chosen -> newLead(caller, input, provider, settings,
                                                            source, match.customer(), chosen, now)))));
        });
    }

    private void checkIntake(Caller caller, LeadInput input, Instant now) {
        if ((input.customerId() == null) == (input.customer() == null)) {
            throw ProblemException.invalid("customer", "give either customerId or customer, not both or neither");
        }
        if (input.customerId() != null && caller.has(Role.INTEGRATION) && !caller.hasAny(Role.SALES,
                Role.SALES_MANAGER)) {
            throw ProblemException.invalid("customerId", "third parties send the customer's details, not an id");
        }
        if (input.customer() != null && input.customer().phone() == null && input.customer().email() == null) {
            throw ProblemException.invalid("customer", "needs a phone or an email");
        }
        if (input.assigneeId() != null && !caller.has(Role.SALES_MANAGER)) {
            throw ProblemException.forbidden("Only a sales manager may choose who gets a lead");
        }
        checkTimeframe(input.timeframe());
        checkInterests(input.interests());
        if (input.requestedAt() != null && input.requestedAt().toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("requestedAt", "must not be in the future");
        }
    }

    private static void checkTimeframe(Timeframe timeframe) {
        if (timeframe == null) {
            return;
        }
        if (timeframe.earliest() == null && timeframe.latest() == null) {
            throw ProblemException.invalid("timeframe", "needs earliest, latest or both");
        }
        if (timeframe.earliest() != null && timeframe.latest() != null
                && timeframe.latest().isBefore(timeframe.earliest())) {
            throw ProblemException.invalid("timeframe.latest", "must not be before earliest");
        }
    }

    private static void checkInterests(List<VehicleInterest> interests) {
        if (interests == null) {
            return;
        }
        for (int i = 0; i < interests.size(); i++) {
            VehicleInterest interest = interests.get(i);
            if (interest.budgetMin() != null && interest.budgetMax() != null) {
                if (!interest.budgetMin().currency().equals(interest.budgetMax().currency())) {
                    throw ProblemException.invalid("interests[" + i + "].budgetMax", "must be in budgetMin's currency");
                }
                if (interest.budgetMax().amount().compareTo(interest.budgetMin().amount()) < 0) {
                    throw ProblemException.invalid("interests[" + i + "].budgetMax", "must not be below budgetMin");
                }
            }
        }
    }

    private Uni<Void> ensureIdFree(UUID id) {
        if (id == null) {
            return Uni.createFrom().voidItem();
        }
        return leads.findById(id).invoke(existing -> {
            if (existing != null) {
                throw ProblemException.idTaken(id);
            }
        }).replaceWithVoid();
    }

    /** Who the caller wants the lead to go to before routing: a salesperson takes their own walk-ins. */
    private Uni<UUID> requestedAssignee(Caller caller, UUID requested) {
        if (requested == null) {
            return Uni.createFrom().item(caller.has(Role.SALES) && !caller.has(Role.SALES_MANAGER)
                    ? caller.staffId() : null);
        }
        return checkAssignable(caller, requested).replaceWith(requested);
    }

    private Uni<Void> checkAssignable(Caller caller, UUID assignee) {
        return staff.isActiveSalesStaff(caller.dealerId(), assignee).invoke(ok -> {
            if (!ok) {
                throw ProblemException.unprocessable("unknown-assignee", "Unknown assignee",
                        "assigneeId must be an active salesperson or sales manager of this dealer");
            }
        }).replaceWithVoid();
    }

    /** Who a new lead goes to before routing, and how that was decided (for the history). */
    private record Assignment(UUID assignee, String method) {
    }

    /**
     * A salesperson's walk-in is theirs, unless the customer already belongs to a colleague: then the lead goes to
     * the colleague (their customer, their lead: 撞单 is settled by ownership, not by who typed first), and the
     * caller learns only that it was taken in, not the colleague's customer's details.
     */
    private Uni<Assignment> assigneeFor(Caller caller, Customer customer, UUID requested) {
        boolean plainSalesperson = caller.has(Role.SALES) && !caller.has(Role.SALES_MANAGER);
        if (plainSalesperson && customer.ownerId != null && !customer.ownerId.equals(caller.staffId())) {
            return staff.isActiveSalesStaff(caller.dealerId(), customer.ownerId).map(active -> active
                    ? new Assignment(customer.ownerId, "CUSTOMER_OWNER")
                    : new Assignment(null, "ROUTED"));
        }
        String method = requested == null ? "ROUTED" : requested.equals(caller.staffId()) ? "SELF" : "MANAGER";
        return Uni.createFrom().item(new Assignment(requested, method));
    }

    private Uni<CustomerService.Match> customerOf(Caller caller, LeadInput input, UUID assignee) {
        if (input.customerId() != null) {
            return customerService.findForWork(caller, input.customerId())
                    .map(customer -> new CustomerService.Match(customer, null));
        }
        return customerService.matchOrCreate(caller, input.customer().name(), input.customer().phone(),
                input.customer().email(), assignee, input.source());
    }

    private Uni<Outcome> attachInterest(Caller caller, Lead open, LeadInput input, String provider,
            CustomerService.Match match, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", input.source().name());
        if (provider != null) {
            details.put("provider", provider);
        }
        if (blankToNull(input.providerLeadId()) != null) {
            details.put("providerLeadId", input.providerLeadId().trim());
        }
        if (input.interests() != null && !input.interests().isEmpty()) {
            details.put("interests", objectMapper.convertValue(input.interests(), new TypeReference<List<Object>>() {
            }));
        }
        if (input.timeframe() != null) {
            details.put("timeframe", objectMapper.convertValue(input.timeframe(), new TypeReference<Map<String,
                    Object>>() {
            }));
        }
        if (input.comments() != null) {
            details.put("comments", input.comments());
        }
        LeadActivity activity = activity(caller, open, ActivityKind.INTEREST, null, null,
                "Duplicate intake attached to this open lead", now);
        activity.channel = input.source().name().equals("THIRD_PARTY_PORTAL") ? ActivityChannel.PORTAL : null;
        activity.details = details;
        LeadView.DuplicateMatch matched = match.by() == null ? LeadView.DuplicateMatch.CUSTOMER
                : switch (match.by()) {
                    case PHONE -> LeadView.DuplicateMatch.PHONE;
                    case EMAIL -> LeadView.DuplicateMatch.EMAIL;
                    case CREATED -> LeadView.DuplicateMatch.CUSTOMER;
                };
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("duplicateIntake", matched.name());
        event.put("activityId", activity.id.toString());
        return Panache.getSession().chain(session -> session.persist(activity))
                .call(() -> audit.record(caller, RESOURCE_TYPE, open.id, "DUPLICATE_INTAKE", Map.of(), event))
                .chain(() -> duplicate(caller, open, matched));
    }

    private Uni<Outcome> duplicate(Caller caller, Lead existing, LeadView.DuplicateMatch match) {
        if (!LeadAccess.canSee(caller, existing)) {
            return Uni.createFrom().item(Outcome.ok(existing.version,
                    LeadMapper.intakeView(existing, caller, existing.id, match)));
        }
        return view(caller, existing, true).map(view -> Outcome.ok(existing.version,
                LeadMapper.asDuplicate(view, match)));
    }

    private Uni<Outcome> newLead(Caller caller, LeadInput input, String provider, LeadSettings settings,
            SourceRecord source, Customer customer, Assignment requested, Instant now) {
        UUID requestedAssignee = requested.assignee();
        Lead lead = new Lead();
        lead.id = input.id() != null ? input.id() : Ids.newId();
        lead.dealerId = caller.dealerId();
        lead.customerId = customer.id;
        lead.status = LeadStatus.NEW;
        lead.source = input.source();
        lead.provider = provider;
        lead.providerLeadId = blankToNull(input.providerLeadId());
        lead.interests = new Lead.Interests(input.interests());
        lead.tradeIn = input.tradeIn();
        setTimeframe(lead, input.timeframe());
        lead.setGrade(gradeOf(lead, caller), null, null);
        lead.comments = blankToNull(input.comments());
        lead.requestedAt = micros(input.requestedAt());
        lead.responseDueAt = now.plus(Duration.ofMinutes(settings.firstResponseMinutes()));
        lead.nextFollowUpAt = input.nextFollowUpAt() != null ? micros(input.nextFollowUpAt()) : lead.responseDueAt;
        lead.createdBy = caller.staffId();
        lead.createdAt = now;
        lead.updatedAt = now;
        Uni<UUID> assignee = requestedAssignee != null || !settings.autoRouting()
                ? Uni.createFrom().item(requestedAssignee)
                : routing.next(caller.dealerId(), now);
        return assignee.chain(chosen -> {
            String method = requested.method();
            if (chosen != null) {
                lead.assigneeId = chosen;
                lead.assignedAt = now;
            }
            Uni<Void> turn = chosen == null || method.equals("ROUTED") ? Uni.createFrom().voidItem()
                    : routing.received(caller.dealerId(), chosen, now);
            return turn.chain(() -> leads.persistAndFlush(lead))
                    .call(() -> audit.record(caller, RESOURCE_TYPE, lead.id, "CREATED", Map.of(),
                            LeadMapper.auditSnapshot(lead)))
                    .call(() -> chosen == null ? Uni.createFrom().voidItem() : assigned(caller, lead, null, method))
                    .call(() -> chosen == null ? Uni.createFrom().voidItem()
                            : customerService.adoptIfUnowned(caller, customer.id, chosen))
                    .call(() -> source == null ? Uni.createFrom().voidItem() : keepSource(lead, source, now))
                    .map(saved -> Outcome.created(location(lead.id), lead.version, LeadAccess.canSee(caller, lead)
                            ? LeadMapper.toView(lead, caller, customer.name, customer.phone, true)
                            : LeadMapper.intakeView(lead, caller, null, null)));
        });
    }

    private Uni<Void> assigned(Caller caller, Lead lead, UUID previous, String method) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("assigneeId", previous == null ? null : previous.toString());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("assigneeId", lead.assigneeId == null ? null : lead.assigneeId.toString());
        after.put("assignedBy", method);
        return audit.record(caller, RESOURCE_TYPE, lead.id, "ASSIGNED", before, after);
    }

    private Uni<Void> keepSource(Lead lead, SourceRecord source, Instant now) {
        LeadSourceRecord record = new LeadSourceRecord();
        record.leadId = lead.id;
        record.dealerId = lead.dealerId;
        record.format = source.format();
        record.payload = source.payload();
        record.unmapped = source.unmapped();
        record.receivedAt = now;
        return Panache.getSession().chain(session -> session.persist(record));
    }

    @WithSession
    public Uni<LeadView> get(Caller caller, UUID id) {
        return leads.findInDealer(caller.dealerId(), id).chain(lead -> {
            if (lead == null) {
                throw ProblemException.notFound("Lead");
            }
            if (LeadAccess.seesIntakeOnly(caller, lead)) {
                return Uni.createFrom().item(LeadMapper.intakeView(lead, caller, null, null));
            }
            if (!LeadAccess.canSee(caller, lead)) {
                throw ProblemException.notFound("Lead");
            }
            return view(caller, lead, true);
        });
    }

    private Uni<LeadView> view(Caller caller, Lead lead, boolean singleRead) {
        return customers.findInDealer(caller.dealerId(), lead.customerId)
                .map(customer -> LeadMapper.toView(lead, caller, customer.name, customer.phone, singleRead));
    }

    public Uni<Page<LeadView>> list(Caller caller, LeadListQuery.Filter requested, String sortName, String cursor,
            int limit) {
        SortKey<LeadListQuery.LeadRow> fallback = requested.updatedSince() != null
                ? LeadListQuery.UPDATED_FIRST_TO_LAST : LeadListQuery.FOLLOW_UP_FIRST;
        SortKey<LeadListQuery.LeadRow> sort = SortKey.parse(sortName, LeadListQuery.SORTS, fallback);
        LeadListQuery.Filter filter = requested;
        if (!LeadAccess.seesAll(caller)) {
            if (requested.assignee() != null && !requested.assignee().equals(caller.staffId())) {
                return Uni.createFrom().item(new Page<>(List.of(), null));
            }
            // "mine" or "the pool" are already within what a salesperson sees; only an unnarrowed list needs the
            // visibility condition, whose OR keeps PostgreSQL from reading the follow-up index in order
            boolean narrowed = requested.unassigned() || requested.assignee() != null;
            filter = new LeadListQuery.Filter(requested.assignee(), requested.unassigned(), !narrowed, caller.staffId(),
                    requested.statuses(), requested.grades(), requested.dueBefore(), requested.updatedSince(),
                    requested.customerId());
        }
        return listQuery.list(caller.dealerId(), filter, sort, cursor, limit)
                .map(page -> new Page<>(page.items().stream()
                        .map(row -> LeadMapper.toView(row.lead(), caller, row.customerName(), row.customerPhone(),
                                false))
                        .toList(), page.nextCursor()));
    }

    @WithTransaction
    public Uni<Outcome> patch(Caller caller, UUID id, long expectedVersion, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("A merge patch must be a JSON object");
        }
        if (patch.has("nextFollowUpAt") && patch.get("nextFollowUpAt").isNull()) {
            throw ProblemException.invalid("nextFollowUpAt", "cannot be cleared");
        }
        try {
            objectMapper.treeToValue(patch, LeadPatch.class); // names and types of the fields sent
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return leads.findInDealer(caller.dealerId(), id).chain(lead -> {
            LeadAccess.checkWork(caller, lead);
            EntityTags.ensureCurrent(expectedVersion, lead.version);
            LeadPatch merged;
            try {
                JsonNode current = objectMapper.valueToTree(new LeadPatch(lead.interests.items(), lead.timeframeEarliest == null
                        && lead.timeframeLatest == null ? null : new Timeframe(lead.timeframeEarliest,
                                lead.timeframeLatest), lead.tradeIn, lead.comments,
                        LeadMapper.at(lead.nextFollowUpAt, caller.zone())));
                merged = objectMapper.treeToValue(MergePatch.apply(current, patch), LeadPatch.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return Uni.createFrom().failure(e);
            }
            validate(merged);
            checkTimeframe(merged.timeframe());
            checkInterests(merged.interests());
            Map<String, Object> before = LeadMapper.auditSnapshot(lead);
            lead.interests = new Lead.Interests(merged.interests());
            lead.tradeIn = merged.tradeIn();
            lead.comments = blankToNull(merged.comments());
            lead.nextFollowUpAt = micros(merged.nextFollowUpAt());
            setTimeframe(lead, merged.timeframe());
            lead.setGrade(gradeOf(lead, caller), lead.gradeOverride, lead.gradeOverrideReason);
            return written(caller, lead, "UPDATED", before, Map.of());
        });
    }

    /** Moves the lead through its state machine; {@code text} is the lost reason for LOSE, else a note. */
    @WithTransaction
    public Uni<Outcome> act(Caller caller, UUID id, Long expectedVersion, LeadAction action, String text,
            LeadSettings settings) {
        return leads.findInDealer(caller.dealerId(), id).chain(lead -> {
            LeadAccess.checkWork(caller, lead);
            if (expectedVersion != null) {
                EntityTags.ensureCurrent(expectedVersion, lead.version);
            }
            if (!action.allowedFrom(lead.status)) {
                throw illegalTransition(lead, action);
            }
            // checked before anything changes: a query would flush a reopened lead into the unique index first
            Uni<Void> guard = action != LeadAction.REOPEN ? Uni.createFrom().voidItem()
                    : leads.findOpenForCustomer(lead.dealerId, lead.customerId).invoke(other -> {
                        if (other != null) {
                            throw ProblemException.conflict("customer-has-open-lead", "Customer has an open lead",
                                    "The customer has another open lead; work on that one",
                                    Map.of("openLeadId", other.id));
                        }
                    }).replaceWithVoid();
            return guard.chain(() -> {
                Map<String, Object> before = LeadMapper.auditSnapshot(lead);
                switch (action) {
                    case CONTACT -> firstContact(lead, Clocks.now(clock), settings);
                    case LOSE -> lead.lostReason = text.trim();
                    case REOPEN -> lead.lostReason = null;
                    default -> {
                    }
                }
                lead.status = action.target(lead);
                if (action == LeadAction.REOPEN && lead.status == LeadStatus.NEW) {
                    // never contacted: the first response is due again from now (the old deadline is long past)
                    lead.responseDueAt = Clocks.now(clock).plus(Duration.ofMinutes(settings.firstResponseMinutes()));
                    lead.nextFollowUpAt = lead.responseDueAt;
                }
                Map<String, Object> extra = action != LeadAction.LOSE && text != null && !text.isBlank()
                        ? Map.of("note", text.trim()) : Map.of();
                return written(caller, lead, "STATUS_CHANGED", before, extra);
            });
        });
    }

    private static ProblemException illegalTransition(Lead lead, LeadAction action) {
        return ProblemException.illegalTransition("lead", lead.status, action.path(),
                LeadAction.pathsFrom(lead.status));
    }

    /** The first contact: the response time is measured from creation, and nurturing starts at the grade's pace. */
    private void firstContact(Lead lead, Instant at, LeadSettings settings) {
        if (lead.firstContactAt != null) {
            return;
        }
        Instant contact = at.isBefore(lead.createdAt) ? lead.createdAt : at;
        lead.firstContactAt = contact;
        lead.firstResponseSeconds = Duration.between(lead.createdAt, contact).toSeconds();
        lead.status = LeadStatus.CONTACTED;
        if (!lead.nextFollowUpAt.isAfter(contact)) {
            lead.nextFollowUpAt = contact.plus(Duration.ofDays(intervalDays(lead.grade, settings)));
        }
    }

    private static int intervalDays(Grade grade, LeadSettings settings) {
        LeadSettings.GradeIntervals days = settings.followUpIntervalDays();
        return switch (grade) {
            case H -> days.h();
            case A -> days.a();
            case B -> days.b();
            case C -> days.c();
        };
    }

    /** A lead the caller may work on (its assigned salesperson, a manager); 404/403 otherwise. Joins the session. */
    public Uni<Lead> findForWork(Caller caller, UUID id) {
        return leads.findInDealer(caller.dealerId(), id).invoke(lead -> LeadAccess.checkWork(caller, lead));
    }

    /**
     * A test drive started: a lead earlier in the funnel (NEW, CONTACTED, QUALIFIED) moves to TEST_DRIVE, with its
     * first contact recorded if there was none. Joins the caller's transaction.
     */
    public Uni<Void> testDriveStarted(Caller caller, UUID leadId, LeadSettings settings) {
        return moveOpenLead(caller, leadId, LeadStatus.TEST_DRIVE, "test drive started",
                java.util.EnumSet.of(LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED), settings);
    }

    /** Where a lead of the dealer stands (quotes and orders check it is still open). 404 when there is none. */
    public Uni<LeadStatus> statusOf(UUID dealerId, UUID leadId) {
        return leads.findInDealer(dealerId, leadId).map(lead -> {
            if (lead == null) {
                throw ProblemException.notFound("Lead");
            }
            return lead.status;
        });
    }

    /** A quote was sent: a lead before QUOTED moves there. Joins the caller's transaction. */
    public Uni<Void> quoteSent(Caller caller, UUID leadId, LeadSettings settings) {
        return moveOpenLead(caller, leadId, LeadStatus.QUOTED, "quote sent",
                java.util.EnumSet.of(LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED,
                        LeadStatus.TEST_DRIVE), settings);
    }

    /** An order was confirmed: the open lead is WON. Joins the caller's transaction. */
    public Uni<Void> orderConfirmed(Caller caller, UUID leadId, LeadSettings settings) {
        return moveOpenLead(caller, leadId, LeadStatus.WON, "order confirmed", LeadStatus.OPEN, settings);
    }

    /**
     * A nurture follow-up due at {@code due} was made at {@code at}: reached, the next one falls due after the
     * grade's interval (H 2 days, A 5, ... from the dealer's settings); not reached, a day later. Only when the
     * follow-up was for the lead's current date: a date someone set later stays. Joins the caller's transaction.
     */
    public Uni<Void> nurtured(Caller caller, UUID leadId, Instant due, Instant at, boolean reached,
            LeadSettings settings) {
        return leads.findInDealer(caller.dealerId(), leadId).chain(lead -> {
            if (lead == null || !lead.status.isOpen() || lead.nextFollowUpAt.isAfter(due)) {
                return Uni.createFrom().voidItem();
            }
            Map<String, Object> before = LeadMapper.auditSnapshot(lead);
            lead.nextFollowUpAt = at.plus(Duration.ofDays(reached ? intervalDays(lead.grade, settings) : 1));
            lead.updatedAt = Clocks.now(clock);
            Map<String, Object> after = new LinkedHashMap<>(LeadMapper.auditSnapshot(lead));
            after.put("note", reached ? "nurture follow-up done" : "nurture follow-up missed: again in a day");
            return leads.flush().call(() -> audit.record(caller, RESOURCE_TYPE, lead.id, "FOLLOWED_UP", before,
                    after)).replaceWithVoid();
        });
    }

    private Uni<Void> moveOpenLead(Caller caller, UUID leadId, LeadStatus target, String note,
            java.util.Set<LeadStatus> from, LeadSettings settings) {
        return leads.findInDealer(caller.dealerId(), leadId).chain(lead -> {
            if (lead == null || !from.contains(lead.status)) {
                return Uni.createFrom().voidItem();
            }
            Map<String, Object> before = LeadMapper.auditSnapshot(lead);
            Instant now = Clocks.now(clock);
            firstContact(lead, now, settings);
            lead.status = target;
            lead.updatedAt = now;
            Map<String, Object> after = new LinkedHashMap<>(LeadMapper.auditSnapshot(lead));
            after.put("note", note);
            return leads.flush().call(() -> audit.record(caller, RESOURCE_TYPE, lead.id, "STATUS_CHANGED", before,
                    after)).replaceWithVoid();
        });
    }

    @WithTransaction
    public Uni<Outcome> assign(Caller caller, UUID id, Long expectedVersion, UUID assignee) {
        return leads.findInDealer(caller.dealerId(), id).chain(lead -> {
            LeadAccess.checkWork(caller, lead);
            if (expectedVersion != null) {
                EntityTags.ensureCurrent(expectedVersion, lead.version);
            }
            requireOpen(lead, "assigned");
            if (assignee.equals(lead.assigneeId)) {
                return view(caller, lead, true).map(view -> Outcome.ok(lead.version, view));
            }
            return checkAssignable(caller, assignee).chain(() -> giveTo(caller, lead, assignee, "MANAGER"));
        });
    }

    /** A salesperson takes a lead from the unassigned pool. */
    @WithTransaction
    public Uni<Outcome> claim(Caller caller, UUID id, Long expectedVersion) {
        return leads.findInDealer(caller.dealerId(), id).chain(lead -> {
            if (lead == null) {
                throw ProblemException.notFound("Lead");
            }
            if (caller.staffId().equals(lead.assigneeId)) {
                return view(caller, lead, true).map(view -> Outcome.ok(lead.version, view));
            }
            // someone took it first: the caller saw it in the pool, so saying so leaks nothing (and no details)
            if (lead.assigneeId != null) {
                throw alreadyClaimed();
            }
            if (expectedVersion != null) {
                EntityTags.ensureCurrent(expectedVersion, lead.version);
            }
            requireOpen(lead, "claimed");
            return giveTo(caller, lead, caller.staffId(), "CLAIMED");
        });
    }

    static ProblemException alreadyClaimed() {
        return ProblemException.conflict("already-assigned", "Already assigned",
                "Someone else took this lead first", Map.of());
    }

    private Uni<Outcome> giveTo(Caller caller, Lead lead, UUID assignee, String method) {
        Instant now = Clocks.now(clock);
        UUID previous = lead.assigneeId;
        lead.assigneeId = assignee;
        lead.assignedAt = now;
        lead.updatedAt = now;
        return routing.received(caller.dealerId(), assignee, now)
                .chain(() -> leads.flush())
                .call(() -> assigned(caller, lead, previous, method))
                .call(() -> customerService.adoptIfUnowned(caller, lead.customerId, assignee))
                .chain(() -> view(caller, lead, true))
                .map(view -> Outcome.ok(lead.version, view));
    }

    private static void requireOpen(Lead lead, String what) {
        if (!lead.status.isOpen()) {
            throw ProblemException.conflict("lead-closed", "Lead closed",
                    "A " + lead.status + " lead is not " + what + "; reopen it first",
                    Map.of("currentStatus", lead.status.name(), "allowedActions", LeadAction.pathsFrom(lead.status)));
        }
    }

    @WithTransaction
    public Uni<Outcome> overrideGrade(Caller caller, UUID id, Long expectedVersion, Grade grade, String reason) {
        return leads.findInDealer(caller.dealerId(), id).chain(lead -> {
            LeadAccess.checkWork(caller, lead);
            if (expectedVersion != null) {
                EntityTags.ensureCurrent(expectedVersion, lead.version);
            }
            Map<String, Object> before = LeadMapper.auditSnapshot(lead);
            lead.setGrade(lead.computedGrade, grade, grade == null ? null : reason.trim());
            return written(caller, lead, grade == null ? "GRADE_OVERRIDE_CLEARED" : "GRADE_OVERRIDDEN", before,
                    Map.of());
        });
    }

    private Uni<Outcome> written(Caller caller, Lead lead, String action, Map<String, Object> before,
            Map<String, Object> extra) {
        Map<String, Object> after = new LinkedHashMap<>(LeadMapper.auditSnapshot(lead));
        if (before.equals(after)) {
            return view(caller, lead, true).map(view -> Outcome.ok(lead.version, view));
        }
        after.putAll(extra);
        lead.updatedAt = Clocks.now(clock);
        return leads.flush()
                .call(() -> audit.record(caller, RESOURCE_TYPE, lead.id, action, before, after))
                .chain(() -> view(caller, lead, true))
                .map(view -> Outcome.ok(lead.version, view));
    }

    /** Records an activity; a call or visit on a NEW lead is its first contact. */
    public Uni<Outcome> addActivity(Caller caller, UUID leadId, ActivityInput input, LeadSettings settings) {
        Instant now = Clocks.now(clock);
        Instant occurred = input.occurredAt() == null ? now : micros(input.occurredAt());
        if (occurred.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("occurredAt", "must not be in the future");
        }
        return leads.findInDealer(caller.dealerId(), leadId).chain(lead -> {
            LeadAccess.checkWork(caller, lead);
            Uni<Void> idFree = input.id() == null ? Uni.createFrom().voidItem()
                    : leads.activityIdTaken(input.id()).invoke(taken -> {
                        if (taken) {
                            throw ProblemException.idTaken(input.id());
                        }
                    }).replaceWithVoid();
            ActivityKind kind = ActivityKind.valueOf(input.kind().name());
            LeadActivity activity = activity(caller, lead, kind, input.channel(), input.outcome(),
                    blankToNull(input.notes()), occurred);
            if (input.id() != null) {
                activity.id = input.id();
            }
            activity.recordedAt = now;
            Uni<Void> contact = Uni.createFrom().voidItem();
            if (kind.isContact() && lead.status == LeadStatus.NEW) {
                Map<String, Object> before = LeadMapper.auditSnapshot(lead);
                firstContact(lead, occurred, settings);
                lead.updatedAt = now;
                Map<String, Object> after = new LinkedHashMap<>(LeadMapper.auditSnapshot(lead));
                after.put("activityId", activity.id.toString());
                contact = audit.record(caller, RESOURCE_TYPE, lead.id, "STATUS_CHANGED", before, after);
            }
            Uni<Void> first = contact;
            return idFree.chain(() -> Panache.getSession().chain(session -> session.persist(activity)))
                    .chain(() -> leads.flush())
                    .chain(() -> first)
                    .map(ignored -> new Outcome(201, LeadMapper.toView(activity, caller.zone()), null, null));
        });
    }

    private static LeadActivity activity(Caller caller, Lead lead, ActivityKind kind, ActivityChannel channel,
            ActivityOutcome outcome, String notes, Instant occurred) {
        LeadActivity activity = new LeadActivity();
        activity.id = Ids.newId();
        activity.dealerId = caller.dealerId();
        activity.leadId = lead.id;
        activity.kind = kind;
        activity.channel = channel;
        activity.outcome = outcome;
        activity.notes = notes;
        activity.staffId = caller.staffId();
        activity.occurredAt = occurred;
        activity.recordedAt = occurred;
        return activity;
    }

    @WithSession
    public Uni<Page<ActivityView>> activities(Caller caller, UUID leadId, String cursor, int limit) {
        return visible(caller, leadId).chain(lead -> leads.activities(caller.dealerId(), leadId, cursor, limit))
                .map(page -> new Page<>(page.items().stream().map(a -> LeadMapper.toView(a, caller.zone())).toList(),
                        page.nextCursor()));
    }

    @WithSession
    public Uni<Page<HistoryEntry>> history(Caller caller, UUID leadId, String cursor, int limit) {
        return visible(caller, leadId).chain(lead -> audit.history(caller.dealerId(), RESOURCE_TYPE, leadId, limit,
                cursor)).map(page -> new Page<>(page.items().stream()
                        .map(event -> HistoryEntry.of(event, caller.zone(), HistoryEntry.FieldPolicy.ALL)).toList(),
                        page.nextCursor()));
    }

    @WithSession
    public Uni<SourceRecordView> sourceRecord(Caller caller, UUID leadId) {
        return visible(caller, leadId)
                .invoke(lead -> {
                    if (!LeadAccess.seesPhone(caller, lead)) {
                        // the payload holds the full contact details, which a pool lead's viewers do not get
                        throw ProblemException.forbidden("Claim the lead to see what its source sent");
                    }
                })
                .chain(lead -> Panache.getSession().chain(session -> session.find(LeadSourceRecord.class, leadId)))
                .map(record -> {
                    if (record == null) {
                        throw ProblemException.notFound("Source record");
                    }
                    return new SourceRecordView(record.format, record.payload, record.unmapped,
                            LeadMapper.at(record.receivedAt, caller.zone()));
                });
    }

    private Uni<Lead> visible(Caller caller, UUID leadId) {
        return leads.findInDealer(caller.dealerId(), leadId).map(lead -> {
            if (lead == null || !LeadAccess.canSee(caller, lead)) {
                throw ProblemException.notFound("Lead");
            }
            return lead;
        });
    }

    private static void setTimeframe(Lead lead, Timeframe timeframe) {
        lead.timeframeEarliest = timeframe == null ? null : timeframe.earliest();
        lead.timeframeLatest = timeframe == null ? null : timeframe.latest();
    }

    private Grade gradeOf(Lead lead, Caller caller) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), caller.zone());
        return Grade.of(lead.timeframeEarliest, lead.timeframeLatest, today);
    }

    private static Instant micros(OffsetDateTime time) {
        return time == null ? null : time.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }


    private <T> void validate(T input) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
