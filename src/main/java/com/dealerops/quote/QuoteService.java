package com.dealerops.quote;

import static com.dealerops.common.Texts.blankToNull;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.dealerops.common.Ids;
import com.dealerops.common.audit.AuditTrail;
import com.dealerops.common.audit.HistoryEntry;
import com.dealerops.common.concurrency.EntityTags;
import com.dealerops.common.error.ProblemException;
import com.dealerops.common.idempotency.Outcome;
import com.dealerops.common.money.Money;
import com.dealerops.common.paging.Keyset;
import com.dealerops.common.paging.Page;
import com.dealerops.common.paging.SortKey;
import com.dealerops.common.security.Caller;
import com.dealerops.common.security.Role;
import com.dealerops.common.time.Clocks;
import com.dealerops.customer.Customer;
import com.dealerops.lead.Lead;
import com.dealerops.lead.LeadService;
import com.dealerops.quote.dto.QuoteInput;
import com.dealerops.quote.dto.QuoteView;
import com.dealerops.settings.LeadSettings;
import com.dealerops.settings.QuoteSettings;
import com.dealerops.settings.WorkingCalendar;
import com.dealerops.staff.StaffRepository;
import com.dealerops.vehicle.Vehicle;
import com.dealerops.vehicle.VehicleRepository;
import com.dealerops.vehicle.VehicleStatus;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Quotes: priced by the server, held back by the margin guard until a manager approves, versioned once sent, and
 * answered by the customer before they expire.
 */
@ApplicationScoped
public class QuoteService {

    static final String RESOURCE_TYPE = "quote";
    /** What an order can reserve: a demo car or one in transit is moved to stock first (or quoted as ordered). */
    private static final Set<VehicleStatus> QUOTABLE = Set.of(VehicleStatus.IN_STOCK);
    private static final SortKey<Quote> NEWEST_FIRST = SortKey.descending("createdAt", Instant.class,
            q -> q.createdAt, q -> q.id);

    private final LeadService leads;
    private final VehicleRepository vehicles;
    private final StaffRepository staff;
    private final QuoteDocument documents;
    private final AuditTrail audit;
    private final Clock clock;

    public QuoteService(LeadService leads, VehicleRepository vehicles, StaffRepository staff,
            QuoteDocument documents, AuditTrail audit, Clock clock) {
        this.documents = documents;
        this.leads = leads;
        this.vehicles = vehicles;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    public static URI location(UUID id) {
        return URI.create("/api/v1/quotes/" + id);
    }

    @WithTransaction
    public Uni<Outcome> create(Caller caller, QuoteInput input, QuoteSettings rules, String currency) {
        return workableLead(caller, input.leadId())
                .call(lead -> input.id() == null ? Uni.createFrom().voidItem()
                        : Panache.getSession().chain(session -> session.find(Quote.class, input.id()))
                                .invoke(existing -> {
                                    if (existing != null) {
                                        throw ProblemException.idTaken(input.id());
                                    }
                                }))
                .chain(lead -> priced(caller, input, rules, currency).chain(pricing -> {
                    Instant now = Clocks.now(clock);
                    Quote quote = new Quote();
                    quote.id = input.id() != null ? input.id() : Ids.newId();
                    quote.dealerId = caller.dealerId();
                    quote.leadId = lead.id;
                    quote.customerId = lead.customerId;
                    quote.salespersonId = lead.assigneeId != null ? lead.assigneeId : caller.staffId();
                    quote.createdBy = caller.staffId();
                    quote.revision = 1;
                    quote.currency = currency;
                    quote.createdAt = now;
                    apply(quote, pricing, caller, input.vehicleId(), now);
                    return Panache.getSession().chain(session -> session.persist(quote).chain(session::flush))
                            .call(() -> audit.record(caller, RESOURCE_TYPE, quote.id, "CREATED", Map.of(),
                                    snapshot(quote)))
                            .map(ignored -> Outcome.created(location(quote.id), quote.version, view(caller, quote)));
                }));
    }

    /**
     * Replaces the quote's content. Before it is sent the current revision is re-priced in place (any approval is
     * void); once sent, the revision the customer saw is kept as it was and the edit becomes the next revision.
     */
    @WithTransaction
    public Uni<Outcome> revise(Caller caller, UUID id, long expectedVersion, QuoteInput input, QuoteSettings rules,
            String currency) {
        return workable(caller, id, expectedVersion).chain(quote -> {
            if (!quote.leadId.equals(input.leadId())) {
                throw ProblemException.invalid("leadId", "a quote stays with its lead (" + quote.leadId + ")");
            }
            if (input.id() != null && !input.id().equals(quote.id)) {
                throw ProblemException.invalid("id", "is the quote's own id or absent");
            }
            Instant now = Clocks.now(clock);
            QuoteStatus status = quote.statusAt(now);
            if (status == QuoteStatus.ACCEPTED) {
                throw illegal(caller, quote, now, "be revised");
            }
            return priced(caller, input, rules, currency).chain(pricing -> {
                Map<String, Object> before = snapshot(quote);
                Uni<Void> kept = Uni.createFrom().voidItem();
                if (status == QuoteStatus.SENT || status == QuoteStatus.REJECTED || status == QuoteStatus.EXPIRED) {
                    QuoteRevision previous = new QuoteRevision();
                    previous.quoteId = quote.id;
                    previous.revision = quote.revision;
                    previous.dealerId = quote.dealerId;
                    previous.status = status.name();
                    previous.snapshot = toView(quote, true, List.of(), now, zoneOf(caller));
                    previous.supersededAt = now;
                    previous.supersededBy = caller.staffId();
                    kept = Panache.getSession().chain(session -> session.persist(previous));
                    quote.revision++;
                    quote.sentAt = null;
                    quote.validUntil = null;
                    quote.expiresAt = null;
                    quote.answeredAt = null;
                    quote.rejectionReason = null;
                }
                apply(quote, pricing, caller, input.vehicleId(), now);
                return kept.chain(() -> written(caller, quote, "REVISED", before, now));
            });
        });
    }

    @WithTransaction
    public Uni<Outcome> approve(Caller caller, UUID id, Long expectedVersion, String note) {
        return decide(caller, id, expectedVersion, note, Quote.Decision.APPROVED);
    }

    @WithTransaction
    public Uni<Outcome> rejectApproval(Caller caller, UUID id, Long expectedVersion, String note) {
        return decide(caller, id, expectedVersion, note, Quote.Decision.REJECTED);
    }

    private Uni<Outcome> decide(Caller caller, UUID id, Long expectedVersion, String note, Quote.Decision decision) {
        return workable(caller, id, expectedVersion).chain(quote -> {
            Instant now = Clocks.now(clock);
            if (quote.status != QuoteStatus.PENDING_APPROVAL) {
                throw illegal(caller, quote, now, decision == Quote.Decision.APPROVED ? "be approved"
                        : "have its approval rejected");
            }
            if (ownQuote(caller, quote)) {
                throw ProblemException.forbidden("A manager cannot decide on a quote they wrote or priced; another "
                        + "sales manager must");
            }
            Map<String, Object> before = snapshot(quote);
            quote.decision = decision;
            quote.decidedBy = caller.staffId();
            quote.decidedAt = now;
            quote.decisionNote = note.trim();
            quote.status = decision == Quote.Decision.APPROVED ? QuoteStatus.APPROVED : QuoteStatus.DRAFT;
            return written(caller, quote, decision == Quote.Decision.APPROVED ? "APPROVED" : "APPROVAL_REJECTED",
                    before, now);
        });
    }

    /** Sends the quote to the customer: valid for the dealer's validity days; the lead moves to QUOTED. */
    @WithTransaction
    public Uni<Outcome> send(Caller caller, UUID id, Long expectedVersion, QuoteSettings rules,
            LeadSettings leadSettings, WorkingCalendar calendar) {
        return workable(caller, id, expectedVersion).chain(quote -> {
            Instant now = Clocks.now(clock);
            boolean ready = quote.status == QuoteStatus.APPROVED
                    || (quote.status == QuoteStatus.DRAFT && !quote.approvalRequired);
            if (!ready) {
                if (quote.status == QuoteStatus.DRAFT || quote.status == QuoteStatus.PENDING_APPROVAL) {
                    throw approvalRequired(caller, quote);
                }
                throw illegal(caller, quote, now, "be sent");
            }
            Map<String, Object> before = snapshot(quote);
            LocalDate sentOn = calendar.dateOf(now);
            return leads.statusOf(caller.dealerId(), quote.leadId).chain(leadStatus -> {
                if (!leadStatus.isOpen()) {
                    throw ProblemException.conflict("lead-closed", "Lead closed", "The quote's lead is " + leadStatus
                            + "; reopen it before sending", Map.of("leadStatus", leadStatus.name()));
                }
            quote.validUntil = sentOn.plusDays(rules.validityDays());
            quote.expiresAt = quote.validUntil.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
            quote.sentAt = now;
            quote.status = QuoteStatus.SENT;
                return leads.quoteSent(caller, quote.leadId, leadSettings)
                        .chain(() -> written(caller, quote, "SENT", before, now));
            });
        });
    }

    private static ProblemException approvalRequired(Caller caller, Quote quote) {
        List<String> shown = reasonsFor(caller, quote).stream().map(Enum::name).toList();
        return ProblemException.conflict("approval-required", "Needs a manager's approval",
                "This quote is beyond the margin guard" + (shown.isEmpty() ? "" : " (" + String.join(", ", shown) + ")")
                        + " and a sales manager has not approved it",
                Map.of("currentStatus", quote.status.name(), "reasons", shown));
    }

    @WithTransaction
    public Uni<Outcome> accept(Caller caller, UUID id, Long expectedVersion) {
        return answer(caller, id, expectedVersion, QuoteStatus.ACCEPTED, null);
    }

    @WithTransaction
    public Uni<Outcome> reject(Caller caller, UUID id, Long expectedVersion, String reason) {
        return answer(caller, id, expectedVersion, QuoteStatus.REJECTED, reason.trim());
    }

    private Uni<Outcome> answer(Caller caller, UUID id, Long expectedVersion, QuoteStatus answer, String reason) {
        return workable(caller, id, expectedVersion).chain(quote -> {
            Instant now = Clocks.now(clock);
            if (quote.status == QuoteStatus.SENT && quote.statusAt(now) == QuoteStatus.EXPIRED) {
                throw ProblemException.conflict("quote-expired", "Quote expired", "The quote was valid until "
                        + quote.validUntil + "; revise it to send the customer a new one",
                        Map.of("currentStatus", QuoteStatus.EXPIRED.name(), "validUntil", quote.validUntil.toString()));
            }
            if (quote.status != QuoteStatus.SENT) {
                throw illegal(caller, quote, now, answer == QuoteStatus.ACCEPTED ? "be accepted" : "be rejected");
            }
            Map<String, Object> before = snapshot(quote);
            quote.status = answer;
            quote.answeredAt = now;
            quote.rejectionReason = reason;
            return written(caller, quote, answer.name(), before, now);
        });
    }

    @WithSession
    public Uni<QuoteView> get(Caller caller, UUID id) {
        return visible(caller, id).map(quote -> view(caller, quote));
    }

    @WithSession
    public Uni<Page<QuoteView>> list(Caller caller, List<QuoteStatus> statuses, UUID leadId, UUID salespersonId,
            String cursor, int limit) {
        StringBuilder where = new StringBuilder("e.dealerId = :dealerId");
        Map<String, Object> params = new HashMap<>();
        params.put("dealerId", caller.dealerId());
        UUID salesperson = seesAll(caller) ? salespersonId : caller.staffId();
        if (!seesAll(caller) && salespersonId != null && !salespersonId.equals(caller.staffId())) {
            return Uni.createFrom().item(new Page<>(List.of(), null));
        }
        if (salesperson != null) {
            where.append(" and e.salespersonId = :salesperson");
            params.put("salesperson", salesperson);
        }
        if (leadId != null) {
            where.append(" and e.leadId = :leadId");
            params.put("leadId", leadId);
        }
        if (!statuses.isEmpty()) {
            // SENT and EXPIRED as the caller sees them: a sent quote past its validity is expired already
            List<String> alternatives = new ArrayList<>();
            List<QuoteStatus> plain = statuses.stream()
                    .filter(s -> s != QuoteStatus.SENT && s != QuoteStatus.EXPIRED).toList();
            if (!plain.isEmpty()) {
                alternatives.add("e.status in :plain");
                params.put("plain", plain);
            }
            if (statuses.contains(QuoteStatus.SENT)) {
                alternatives.add("(e.status = :sent and e.expiresAt > :now)");
            }
            if (statuses.contains(QuoteStatus.EXPIRED)) {
                alternatives.add("e.status = :expired or (e.status = :sent and e.expiresAt <= :now)");
                params.put("expired", QuoteStatus.EXPIRED);
            }
            if (statuses.contains(QuoteStatus.SENT) || statuses.contains(QuoteStatus.EXPIRED)) {
                params.put("sent", QuoteStatus.SENT);
                params.put("now", Clocks.now(clock));
            }
            where.append(" and (").append(String.join(" or ", alternatives)).append(')');
        }
        return Panache.getSession().chain(session -> Keyset.page(session, Quote.class, where.toString(), params,
                NEWEST_FIRST, cursor, limit))
                .map(page -> new Page<>(page.items().stream().map(q -> view(caller, q)).toList(),
                        page.nextCursor()));
    }

    /** Earlier revisions, newest first, as they were when they were replaced. */
    @WithSession
    public Uni<List<QuoteView>> revisions(Caller caller, UUID id) {
        return visible(caller, id).chain(quote -> Panache.getSession().chain(session -> session
                .createSelectionQuery("from QuoteRevision r where r.quoteId = :id order by r.revision desc",
                        QuoteRevision.class).setParameter("id", id).getResultList()))
                .map(rows -> rows.stream().map(row -> forCaller(caller, row.snapshot)).toList());
    }

    @WithSession
    public Uni<QuoteView> revision(Caller caller, UUID id, int revision) {
        return visible(caller, id).chain(quote -> {
            if (revision == quote.revision) {
                return Uni.createFrom().item(view(caller, quote));
            }
            return Panache.getSession().chain(session -> session.find(QuoteRevision.class,
                    new QuoteRevision.Key(id, revision))).map(row -> {
                        if (row == null) {
                            throw ProblemException.notFound("Revision");
                        }
                        return forCaller(caller, row.snapshot);
                    });
        });
    }

    @WithSession
    public Uni<Page<HistoryEntry>> history(Caller caller, UUID id, String cursor, int limit) {
        return visible(caller, id).chain(quote -> audit.history(caller.dealerId(), RESOURCE_TYPE, id, limit, cursor))
                .map(page -> new Page<>(page.items().stream()
                        .map(event -> HistoryEntry.of(event, caller.zone(), seesProfit(caller)
                                ? HistoryEntry.FieldPolicy.ALL : HIDE_PROFIT))
                        .toList(), page.nextCursor()));
    }

    private static final HistoryEntry.FieldPolicy HIDE_PROFIT = (field, value) ->
            Set.of("cost", "grossMargin").contains(field) ? HistoryEntry.FieldPolicy.HIDDEN : value;

    /** The customer's document as a PDF, with the file name it is offered under. */
    public record RenderedDocument(byte[] pdf, String fileName) {
    }

    /**
     * Renders the customer's document: the quote and the names it shows are read in a session that closes before
     * the CPU work of layout and font subsetting, which runs on a worker thread, off the event loop.
     */
    public Uni<RenderedDocument> document(Caller caller, UUID id, String dealerName, ZoneId dealerZone) {
        return Panache.withSession(() -> visible(caller, id).invoke(quote -> {
            if (quote.status == QuoteStatus.PENDING_APPROVAL
                    || (quote.status == QuoteStatus.DRAFT && quote.approvalRequired)) {
                throw approvalRequired(caller, quote);
            }
        }).chain(quote -> Panache.getSession()
                .chain(session -> session.find(Customer.class, quote.customerId))
                .chain(customer -> staff.findInDealer(caller.dealerId(), quote.salespersonId)
                        .map(salesperson -> new Printable(quote, new QuoteDocument.Parties(dealerName,
                                customer == null ? "" : customer.name, salesperson == null ? "" : salesperson.name,
                                LocalDate.ofInstant(Clocks.now(clock), dealerZone)))))))
                .chain(printable -> {
                    documents.enter();
                    return Uni.createFrom().item(() -> new RenderedDocument(
                            documents.render(printable.quote(), printable.parties()),
                            number(printable.quote().id) + "-r" + printable.quote().revision + ".pdf"))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                            .onTermination().invoke(documents::leave);
                });
    }

    private record Printable(Quote quote, QuoteDocument.Parties parties) {
    }

    /**
     * An ACCEPTED quote an order may be made from, locked until the caller's transaction ends (two orders from one
     * quote wait for each other). 404 for a quote the caller may not see, 409 for one not accepted.
     */
    public Uni<Quote> acceptedForOrder(Caller caller, UUID id) {
        return Panache.getSession().chain(session -> session.find(Quote.class, id, LockModeType.PESSIMISTIC_WRITE))
                .map(quote -> {
                    if (quote == null || !canSee(caller, quote)) {
                        throw ProblemException.notFound("Quote");
                    }
                    if (!canWork(caller, quote)) {
                        throw ProblemException.forbidden("Only the quote's salesperson or a sales manager orders it");
                    }
                    if (quote.status != QuoteStatus.ACCEPTED) {
                        throw ProblemException.conflict("quote-not-accepted", "Quote not accepted",
                                "An order is made from a quote the customer accepted; this one is "
                                        + quote.statusAt(Clocks.now(clock)), Map.of("currentStatus",
                                                quote.statusAt(Clocks.now(clock)).name()));
                    }
                    return quote;
                });
    }

    private Uni<QuotePricing.Pricing> priced(Caller caller, QuoteInput input, QuoteSettings rules, String currency) {
        if ((input.vehicleId() == null) == (input.configuration() == null)) {
            throw ProblemException.invalid("vehicleId", "name either vehicleId (a car in stock) or configuration "
                    + "(a factory order)");
        }
        if (input.configuration() != null) {
            QuoteInput.Configuration car = input.configuration();
            if (car.cost() != null && !caller.has(Role.SALES_MANAGER)) {
                throw ProblemException.forbidden("Only sales managers give the cost of a factory order");
            }
            PricedQuote.VehicleLine line = new PricedQuote.VehicleLine(null, null, null, car.make().trim(),
                    car.model().trim(), blankToNull(car.trim()), blankToNull(car.colour()), car.modelYear(), true,
                    car.price());
            return Uni.createFrom().item(() -> QuotePricing.price(input, new QuotePricing.VehicleFacts(line,
                    car.cost() == null ? null : costIn(car.cost(), currency)), rules, currency));
        }
        if (input.factoryOptions() != null && !input.factoryOptions().isEmpty()) {
            throw ProblemException.invalid("factoryOptions", "are for factory orders; a stock car's options are in "
                    + "its price");
        }
        return vehicles.findInDealer(caller.dealerId(), input.vehicleId()).map(vehicle -> {
            if (vehicle == null) {
                throw ProblemException.unprocessable("unknown-vehicle", "Unknown vehicle",
                        "vehicleId is not a vehicle of this dealer");
            }
            if (!QUOTABLE.contains(vehicle.status)) {
                throw ProblemException.unprocessable("vehicle-not-for-sale", "Vehicle not for sale",
                        "A " + vehicle.status + " vehicle cannot be quoted");
            }
            return QuotePricing.price(input, new QuotePricing.VehicleFacts(line(vehicle), vehicle.costPrice),
                    rules, currency);
        });
    }

    private static java.math.BigDecimal costIn(Money cost, String currency) {
        if (!currency.equals(cost.currency())) {
            throw ProblemException.invalid("configuration.cost", "must be in " + currency + ", the dealer's "
                    + "currency");
        }
        return cost.amount();
    }

    private static PricedQuote.VehicleLine line(Vehicle vehicle) {
        return new PricedQuote.VehicleLine(vehicle.id, vehicle.vin, vehicle.stockNumber, vehicle.make, vehicle.model,
                vehicle.trim, vehicle.exteriorColour, vehicle.modelYear, false,
                new Money(vehicle.listPrice, vehicle.currency));
    }

    private static void apply(Quote quote, QuotePricing.Pricing pricing, Caller caller, UUID vehicleId,
            Instant now) {
        quote.vehicleId = vehicleId;
        quote.content = pricing.document();
        quote.listPrice = pricing.listPrice();
        quote.subtotal = pricing.subtotal();
        quote.discountAmount = pricing.discount();
        quote.tradeInAllowance = pricing.tradeInAllowance();
        quote.fees = pricing.fees();
        quote.total = pricing.total();
        quote.netVehiclePrice = pricing.netVehiclePrice();
        quote.cost = pricing.cost();
        quote.grossMargin = pricing.grossMargin();
        quote.discountLimitPercent = pricing.discountLimitPercent();
        quote.minimumMarginPercent = pricing.minimumMarginPercent();
        quote.approvalRequired = pricing.approvalRequired();
        quote.pricedBy = caller.staffId();
        quote.decision = null;
        quote.decidedBy = null;
        quote.decidedAt = null;
        quote.decisionNote = null;
        quote.status = pricing.approvalRequired() ? QuoteStatus.PENDING_APPROVAL : QuoteStatus.DRAFT;
        quote.updatedAt = now;
    }

    private Uni<Lead> workableLead(Caller caller, UUID leadId) {
        return leads.findForWork(caller, leadId).invoke(lead -> {
            if (!lead.status.isOpen()) {
                throw ProblemException.conflict("lead-closed", "Lead closed", "Quotes are made for open leads; this "
                        + "one is " + lead.status, Map.of("leadStatus", lead.status.name()));
            }
        });
    }

    private Uni<Quote> visible(Caller caller, UUID id) {
        return Panache.getSession().chain(session -> session.find(Quote.class, id)).map(quote -> {
            if (quote == null || !canSee(caller, quote)) {
                throw ProblemException.notFound("Quote");
            }
            return quote;
        });
    }

    /** A quote the caller may change, locked until the transaction ends: concurrent writes queue, then see 412. */
    private Uni<Quote> workable(Caller caller, UUID id, Long expectedVersion) {
        return Panache.getSession().chain(session -> session.find(Quote.class, id, LockModeType.PESSIMISTIC_WRITE))
                .invoke(quote -> {
                    if (quote == null || !canSee(caller, quote)) {
                        throw ProblemException.notFound("Quote");
                    }
                }).invoke(quote -> {
            if (!canWork(caller, quote)) {
                throw ProblemException.forbidden("Only the quote's salesperson or a sales manager works on it");
            }
            if (expectedVersion != null) {
                EntityTags.ensureCurrent(expectedVersion, quote.version);
            }
        });
    }

    private ProblemException illegal(Caller caller, Quote quote, Instant now, String action) {
        QuoteStatus status = quote.statusAt(now);
        return ProblemException.illegalTransition("quote", status, action, allowedActions(caller, quote, now));
    }

    /** Salespeople see their own quotes; sales managers and finance all. */
    static boolean seesAll(Caller caller) {
        return caller.hasAny(Role.SALES_MANAGER, Role.FINANCE);
    }

    static boolean seesProfit(Caller caller) {
        return caller.hasAny(Role.SALES_MANAGER, Role.FINANCE);
    }

    private static boolean canSee(Caller caller, Quote quote) {
        return quote.dealerId.equals(caller.dealerId())
                && (seesAll(caller) || caller.staffId().equals(quote.salespersonId));
    }

    private static boolean canWork(Caller caller, Quote quote) {
        return caller.has(Role.SALES_MANAGER)
                || (caller.has(Role.SALES) && caller.staffId().equals(quote.salespersonId));
    }

    /** Wrote it (created it), sells it, or priced its current revision: a manager may not decide on it. */
    private static boolean ownQuote(Caller caller, Quote quote) {
        return caller.staffId().equals(quote.salespersonId) || caller.staffId().equals(quote.pricedBy)
                || caller.staffId().equals(quote.createdBy);
    }

    static List<String> allowedActions(Caller caller, Quote quote, Instant now) {
        if (!canWork(caller, quote)) {
            return List.of();
        }
        boolean manager = caller.has(Role.SALES_MANAGER);
        return switch (quote.statusAt(now)) {
            case DRAFT -> quote.approvalRequired ? List.of("revise") : List.of("revise", "send");
            case PENDING_APPROVAL -> manager && !ownQuote(caller, quote)
                    ? List.of("revise", "approve", "reject-approval") : List.of("revise");
            case APPROVED -> List.of("revise", "send");
            case SENT -> List.of("revise", "accept", "reject");
            case REJECTED, EXPIRED -> List.of("revise");
            case ACCEPTED -> List.of("order");
        };
    }

    /**
     * Salespeople do not see MARGIN_BELOW_MINIMUM: it flips at a threshold set by the cost, which they may not see.
     */
    private static List<ApprovalReason> reasonsFor(Caller caller, Quote quote) {
        List<ApprovalReason> all = reasons(quote);
        return seesProfit(caller) ? all
                : all.stream().filter(reason -> reason != ApprovalReason.MARGIN_BELOW_MINIMUM).toList();
    }

    private static List<ApprovalReason> reasons(Quote quote) {
        return QuotePricing.guard(quote.listPrice, quote.discountAmount, quote.discountLimitPercent,
                quote.netVehiclePrice, quote.grossMargin, quote.minimumMarginPercent);
    }

    private Uni<Outcome> written(Caller caller, Quote quote, String action, Map<String, Object> before,
            Instant now) {
        quote.updatedAt = now;
        return Panache.getSession().chain(session -> session.flush())
                .call(() -> audit.record(caller, RESOURCE_TYPE, quote.id, action, before, snapshot(quote)))
                .map(ignored -> Outcome.ok(quote.version, view(caller, quote)));
    }

    QuoteView view(Caller caller, Quote quote) {
        Instant now = Clocks.now(clock);
        QuoteView full = toView(quote, seesProfit(caller), allowedActions(caller, quote, now), now, zoneOf(caller));
        return seesProfit(caller) ? full : withApproval(full, new QuoteView.Approval(full.approval().required(),
                reasonsFor(caller, quote), full.approval().discountLimitPercent(), full.approval().decision(),
                full.approval().decidedBy(), full.approval().decidedAt(), full.approval().note()));
    }

    private static ZoneId zoneOf(Caller caller) {
        return caller.zone();
    }

    static QuoteView toView(Quote q, boolean withProfit, List<String> allowedActions, Instant now, ZoneId zone) {
        QuoteView.Profit profit = !withProfit ? null : new QuoteView.Profit(new Money(q.netVehiclePrice, q.currency),
                q.cost == null ? null : new Money(q.cost, q.currency),
                q.grossMargin == null ? null : new Money(q.grossMargin, q.currency),
                q.grossMargin == null || q.netVehiclePrice.signum() <= 0 ? null
                        : QuotePricing.percentOf(q.grossMargin, q.netVehiclePrice));
        QuoteView.Approval approval = new QuoteView.Approval(q.approvalRequired, reasons(q),
                q.discountLimitPercent, q.decision == null ? null : q.decision.name(), q.decidedBy,
                Clocks.at(q.decidedAt, zone), q.decisionNote);
        return new QuoteView(q.id, q.version, number(q.id), q.revision, q.statusAt(now), q.leadId, q.customerId,
                q.salespersonId, q.currency, q.content, profit, approval, q.validUntil, Clocks.at(q.sentAt, zone),
                Clocks.at(q.status == QuoteStatus.SENT && q.statusAt(now) == QuoteStatus.EXPIRED ? q.expiresAt
                        : q.answeredAt, zone), q.rejectionReason, allowedActions, Clocks.at(q.createdAt, zone),
                Clocks.at(q.updatedAt, zone));
    }

    /**
     * A stored revision as this caller may see it: no profit and no margin reason for salespeople, nothing to do on
     * it, and its times in the caller's zone (the stored JSON keeps instants, not the dealer's offset).
     */
    private static QuoteView forCaller(Caller caller, QuoteView stored) {
        ZoneId zone = caller.zone();
        QuoteView.Approval approval = stored.approval();
        List<ApprovalReason> reasons = seesProfit(caller) ? approval.reasons()
                : approval.reasons().stream().filter(r -> r != ApprovalReason.MARGIN_BELOW_MINIMUM).toList();
        return new QuoteView(stored.id(), stored.version(), stored.number(), stored.revision(), stored.status(),
                stored.leadId(), stored.customerId(), stored.salespersonId(), stored.currency(), stored.priced(),
                seesProfit(caller) ? stored.profit() : null,
                new QuoteView.Approval(approval.required(), reasons, approval.discountLimitPercent(),
                        approval.decision(), approval.decidedBy(), inZone(approval.decidedAt(), zone), approval.note()),
                stored.validUntil(), inZone(stored.sentAt(), zone), inZone(stored.answeredAt(), zone),
                stored.rejectionReason(), List.of(), inZone(stored.createdAt(), zone), inZone(stored.updatedAt(), zone));
    }

    private static QuoteView withApproval(QuoteView view, QuoteView.Approval approval) {
        return new QuoteView(view.id(), view.version(), view.number(), view.revision(), view.status(), view.leadId(),
                view.customerId(), view.salespersonId(), view.currency(), view.priced(), view.profit(), approval,
                view.validUntil(), view.sentAt(), view.answeredAt(), view.rejectionReason(), view.allowedActions(),
                view.createdAt(), view.updatedAt());
    }

    private static OffsetDateTime inZone(OffsetDateTime time, ZoneId zone) {
        return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
    }

    /** The printed number: the id's last 10 hex digits (random in a time-ordered id; the first ones are time). */
    public static String number(UUID id) {
        String hex = id.toString();
        return "Q-" + hex.substring(hex.length() - 10).toUpperCase(java.util.Locale.ROOT);
    }

    private static Map<String, Object> snapshot(Quote q) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("status", q.status.name());
        snapshot.put("revision", q.revision);
        snapshot.put("vehicleId", q.vehicleId == null ? null : q.vehicleId.toString());
        snapshot.put("listPrice", q.listPrice.toPlainString());
        snapshot.put("discount", q.discountAmount.toPlainString());
        snapshot.put("tradeInAllowance", q.tradeInAllowance.toPlainString());
        snapshot.put("total", q.total.toPlainString());
        snapshot.put("cost", q.cost == null ? null : q.cost.toPlainString());
        snapshot.put("grossMargin", q.grossMargin == null ? null : q.grossMargin.toPlainString());
        snapshot.put("approvalRequired", q.approvalRequired);
        snapshot.put("decision", q.decision == null ? null : q.decision.name());
        snapshot.put("decisionNote", q.decisionNote);
        snapshot.put("validUntil", q.validUntil == null ? null : q.validUntil.toString());
        snapshot.put("rejectionReason", q.rejectionReason);
        return snapshot;
    }
}
