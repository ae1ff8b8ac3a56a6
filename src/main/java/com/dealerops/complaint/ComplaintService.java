package com.dealerops.complaint;

import static com.dealerops.common.Texts.blankToNull;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.dealerops.common.Ids;
import com.dealerops.common.audit.AuditTrail;
import com.dealerops.common.audit.HistoryEntry;
import com.dealerops.common.concurrency.EntityTags;
import com.dealerops.common.error.DatabaseFailures;
import com.dealerops.common.error.ProblemException;
import com.dealerops.common.idempotency.Outcome;
import com.dealerops.common.money.Money;
import com.dealerops.common.paging.Keyset;
import com.dealerops.common.paging.Page;
import com.dealerops.common.paging.SortKey;
import com.dealerops.common.security.Caller;
import com.dealerops.common.security.Role;
import com.dealerops.common.time.Clocks;
import com.dealerops.complaint.dto.ComplaintInput;
import com.dealerops.complaint.dto.ComplaintView;
import com.dealerops.complaint.dto.ResolutionInput;
import com.dealerops.customer.CustomerRepository;
import com.dealerops.followup.ComplaintClosureListener;
import com.dealerops.followup.FollowUpService;
import com.dealerops.followup.LowScoreComplaints;
import com.dealerops.settings.DealerSettings;
import com.dealerops.settings.ComplaintSettings;
import com.dealerops.settings.WorkingCalendar;
import com.dealerops.staff.Staff;
import com.dealerops.staff.StaffRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Complaints (投诉处理): registration with SLA deadlines, the handling lifecycle, fairness (nobody handles or
 * approves a complaint that names them, and those named read only its summary), resolution with compensation
 * approval and corrective action, and closure by the customer's answer on the closure call.
 */
@ApplicationScoped
public class ComplaintService implements ComplaintClosureListener, LowScoreComplaints {

    static final String RESOURCE_TYPE = "complaint";
    private static final SortKey<Complaint> NEWEST_FIRST = SortKey.descending("receivedAt", Instant.class,
            c -> c.receivedAt, c -> c.id);
    private static final Duration CLOSURE_CALL_AFTER = Duration.ofDays(1);
    /** What staff a complaint names, registrants and finance never see in its history. */
    private static final Set<String> INVESTIGATION_FIELDS = Set.of("note", "rootCauseCategory", "rootCause",
            "actionsTaken", "correctiveAction", "compensationKind", "compensationAmount", "compensationDescription",
            "approvedAmount");

    private final CustomerRepository customers;
    private final StaffRepository staff;
    private final FollowUpService followUps;
    private final AuditTrail audit;
    private final Clock clock;

    public ComplaintService(CustomerRepository customers, StaffRepository staff, FollowUpService followUps,
            AuditTrail audit, Clock clock) {
        this.customers = customers;
        this.staff = staff;
        this.followUps = followUps;
        this.audit = audit;
        this.clock = clock;
    }

    public static URI location(UUID id) {
        return URI.create("/api/v1/complaints/" + id);
    }

    /** The filters of the complaint list; null or empty means "any". */
    public record Filter(List<ComplaintStatus> statuses, List<Severity> severities, List<ComplaintCategory> categories,
            UUID customerId, UUID handlerId, Boolean open) {
    }

    /** The rules a registration needs from the dealer's settings, read before the transaction. */
    public record Rules(ComplaintSettings sla, WorkingCalendar calendar, String currency) {
    }

    @WithTransaction
    public Uni<Outcome> register(Caller caller, ComplaintInput input, Rules rules) {
        boolean safety = Boolean.TRUE.equals(input.safetyIssue());
        Severity severity = safety ? Severity.CRITICAL : input.severity();
        List<UUID> involved = input.staffInvolved() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(input.staffInvolved()));
        return customers.findInDealer(caller.dealerId(), input.customerId()).chain(customer -> {
            if (customer == null || customer.isDeleted()) {
                throw ProblemException.notFound("Customer");
            }
            return staffOfDealer(caller, involved);
        }).call(() -> input.id() == null ? Uni.createFrom().voidItem()
                : Panache.getSession().chain(session -> session.find(Complaint.class, input.id())).invoke(existing -> {
                    if (existing != null) {
                        throw ProblemException.idTaken(input.id());
                    }
                })).chain(() -> {
                    Complaint complaint = received(caller, input.id() != null ? input.id() : Ids.newId(),
                            input.customerId(), input.category(), severity, input.channel(), input.description(),
                            rules);
                    complaint.orderId = input.orderId();
                    complaint.deliveryId = input.deliveryId();
                    complaint.vehicleId = input.vehicleId();
                    complaint.leadId = input.leadId();
                    complaint.safetyIssue = safety;
                    complaint.desiredOutcome = blankToNull(input.desiredOutcome());
                    complaint.staffInvolved = involved.toArray(UUID[]::new);
                    complaint.attachments = input.attachments() == null ? new String[0]
                            : input.attachments().stream().map(String::trim).toArray(String[]::new);
                    Map<String, Object> after = snapshot(complaint);
                    if (safety && input.severity() != Severity.CRITICAL) {
                        after.put("note", "severity raised to CRITICAL: a safety issue");
                    }
                    return Panache.getSession().chain(session -> session.persist(complaint).chain(session::flush))
                            .call(() -> audit.record(caller, RESOURCE_TYPE, complaint.id, "RECEIVED", Map.of(), after))
                            .map(ignored -> Outcome.created(location(complaint.id), complaint.version,
                                    view(caller, complaint, null)));
                });
    }

    /** A complaint as received now, its SLA deadlines fixed from the dealer's settings for the severity. */
    private Complaint received(Caller caller, UUID id, UUID customerId, ComplaintCategory category,
            Severity severity, ComplaintChannel channel, String description, Rules rules) {
        Instant now = Clocks.now(clock);
        SlaClock.Deadlines deadlines = SlaClock.deadlines(now, SlaClock.slaFor(severity, rules.sla()),
                rules.calendar());
        Complaint complaint = new Complaint();
        complaint.id = id;
        complaint.dealerId = caller.dealerId();
        complaint.customerId = customerId;
        complaint.category = category;
        complaint.severity = severity;
        complaint.channel = channel;
        complaint.description = description.trim();
        complaint.staffInvolved = new UUID[0];
        complaint.attachments = new String[0];
        complaint.status = ComplaintStatus.RECEIVED;
        complaint.receivedAt = now;
        complaint.acknowledgeDueAt = deadlines.acknowledgeBy();
        complaint.resolveDueAt = deadlines.resolveBy();
        complaint.secondEscalationHours = rules.sla().secondEscalationAfterHours();
        complaint.currency = rules.currency();
        complaint.createdBy = caller.staffId();
        complaint.createdAt = now;
        complaint.updatedAt = now;
        return complaint;
    }

    /**
     * The complaint a low-score follow-up asked for, in its transaction: MEDIUM, of the category the follow-up's
     * kind suggests (a delivery call: DELIVERY; nurture: SALES_PROCESS; after service: SERVICE_REPAIR), with the
     * scores and what the customer said as its description.
     */
    @Override
    public Uni<UUID> openFromLowScore(Caller caller, LowScoreComplaints.LowScore low, DealerSettings settings) {
        ComplaintCategory category = switch (low.kind()) {
            case POST_DELIVERY -> ComplaintCategory.DELIVERY;
            case LEAD_NURTURE -> ComplaintCategory.SALES_PROCESS;
            case POST_SERVICE -> ComplaintCategory.SERVICE_REPAIR;
            default -> ComplaintCategory.OTHER;
        };
        ComplaintChannel channel = switch (low.channel()) {
            case WECHAT -> ComplaintChannel.WECHAT;
            case VISIT -> ComplaintChannel.WALK_IN;
            default -> ComplaintChannel.PHONE;
        };
        String description = "回访低分 / Low score on a follow-up (" + low.scores() + "): " + low.outcome()
                + (low.notes() == null ? "" : " — " + low.notes());
        Complaint complaint = received(caller, Ids.newId(), low.customerId(), category, Severity.MEDIUM, channel,
                description.length() > 4000 ? description.substring(0, 3999) + "…" : description,
                new Rules(settings.complaints(), new WorkingCalendar(settings.general()),
                        settings.general().currency()));
        complaint.leadId = low.leadId();
        complaint.deliveryId = low.deliveryId();
        Map<String, Object> after = snapshot(complaint);
        after.put("note", "opened from follow-up " + low.followUpId() + " with a low score");
        return Panache.getSession().chain(session -> session.persist(complaint).chain(session::flush))
                .call(() -> audit.record(caller, RESOURCE_TYPE, complaint.id, "RECEIVED", Map.of(), after))
                .map(ignored -> complaint.id);
    }

    private Uni<Void> staffOfDealer(Caller caller, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createSelectionQuery("select count(s) from Staff s "
                + "where s.dealerId = :dealerId and s.id in :ids", Long.class)
                .setParameter("dealerId", caller.dealerId()).setParameter("ids", ids).getSingleResult())
                .invoke(found -> {
                    if (found != ids.size()) {
                        throw ProblemException.unprocessable("unknown-staff", "Unknown staff",
                                "staffInvolved must name staff of this dealer");
                    }
                }).replaceWithVoid();
    }

    // ------------------------------------------------------------------------------------------------- handling

    /** Customer service or a sales manager gives the complaint to a customer-service handler it does not name. */
    @WithTransaction
    public Uni<Outcome> assign(Caller caller, UUID id, Long expectedVersion, UUID handlerId) {
        return locked(caller, id).chain(complaint -> {
            check(caller, complaint, expectedVersion, "be assigned", ComplaintAccess.mayDirect(caller, complaint),
                    complaint.isOpen());
            return handler(caller, complaint, handlerId).chain(handler -> {
                Map<String, Object> before = snapshot(complaint);
                complaint.handlerId = handler;
                return written(caller, complaint, "ASSIGNED", before, Map.of());
            });
        });
    }

    private Uni<UUID> handler(Caller caller, Complaint complaint, UUID handlerId) {
        if (complaint.names(handlerId) || handlerId.equals(complaint.approvedBy)) {
            throw ProblemException.unprocessable("conflict-of-interest", "Conflict of interest",
                    "The complaint names this staff member; someone else handles it");
        }
        return staff.isActiveWithRole(caller.dealerId(), handlerId, Set.of("customer-service")).map(ok -> {
            if (!ok) {
                throw ProblemException.unprocessable("unknown-handler", "Unknown handler",
                        "handlerId must be an active customer-service staff member of this dealer");
            }
            return handlerId;
        });
    }

    /** RECEIVED (or escalated before anyone acknowledged it) → ACKNOWLEDGED; the caller becomes the handler if none. */
    @WithTransaction
    public Uni<Outcome> acknowledge(Caller caller, UUID id, Long expectedVersion, String note) {
        return locked(caller, id).chain(complaint -> {
            check(caller, complaint, expectedVersion, "be acknowledged", ComplaintAccess.mayHandle(caller, complaint),
                    complaint.status == ComplaintStatus.RECEIVED
                            || complaint.status == ComplaintStatus.ESCALATED && complaint.acknowledgedAt == null);
            Map<String, Object> before = snapshot(complaint);
            Instant now = Clocks.now(clock);
            complaint.acknowledgedAt = now;
            complaint.status = ComplaintStatus.ACKNOWLEDGED;
            if (complaint.handlerId == null && caller.has(Role.CUSTOMER_SERVICE)
                    && !caller.staffId().equals(complaint.approvedBy)) {
                complaint.handlerId = caller.staffId();
            }
            return written(caller, complaint, "ACKNOWLEDGED", before, noted(complaint, caller, note, now));
        });
    }

    /** ACKNOWLEDGED or ESCALATED → INVESTIGATING, with the first findings. */
    @WithTransaction
    public Uni<Outcome> investigate(Caller caller, UUID id, Long expectedVersion, String note) {
        return locked(caller, id).chain(complaint -> {
            check(caller, complaint, expectedVersion, "be investigated", ComplaintAccess.mayHandle(caller, complaint),
                    complaint.status == ComplaintStatus.ACKNOWLEDGED || complaint.status == ComplaintStatus.ESCALATED);
            Map<String, Object> before = snapshot(complaint);
            complaint.status = ComplaintStatus.INVESTIGATING;
            acknowledgedBy(complaint, Clocks.now(clock));
            return written(caller, complaint, "INVESTIGATING", before,
                    noted(complaint, caller, note, Clocks.now(clock)));
        });
    }

    /** Investigation notes, appended with who wrote them and when, in any open state. */
    @WithTransaction
    public Uni<Outcome> addNote(Caller caller, UUID id, String note) {
        return locked(caller, id).chain(complaint -> {
            check(caller, complaint, null, "take notes", ComplaintAccess.mayHandle(caller, complaint),
                    complaint.isOpen());
            if (note == null || note.isBlank()) {
                throw ProblemException.invalid("note", "is required");
            }
            Map<String, Object> before = snapshot(complaint);
            return written(caller, complaint, "NOTE_ADDED", before, noted(complaint, caller, note, Clocks.now(clock)));
        });
    }

    /** INVESTIGATING or ESCALATED → WAITING_CUSTOMER: the resolution clock stops, and the pause is recorded. */
    @WithTransaction
    public Uni<Outcome> waitForCustomer(Caller caller, UUID id, Long expectedVersion, String reason) {
        return locked(caller, id).chain(complaint -> {
            check(caller, complaint, expectedVersion, "wait for the customer",
                    ComplaintAccess.mayHandle(caller, complaint), complaint.status == ComplaintStatus.INVESTIGATING
                            || complaint.status == ComplaintStatus.ESCALATED);
            Map<String, Object> before = snapshot(complaint);
            Instant now = Clocks.now(clock);
            complaint.status = ComplaintStatus.WAITING_CUSTOMER;
            complaint.pausedSince = now;
            acknowledgedBy(complaint, now);
            ComplaintPause pause = new ComplaintPause();
            pause.key = new ComplaintPause.Key(complaint.dealerId, complaint.id, now);
            pause.reason = reason.trim();
            return Panache.getSession().chain(session -> session.persist(pause))
                    .chain(() -> written(caller, complaint, "WAITING_CUSTOMER", before, Map.of("reason", pause.reason)));
        });
    }

    /** WAITING_CUSTOMER → INVESTIGATING: the clock runs again, the deadline moved by the wait. */
    @WithTransaction
    public Uni<Outcome> customerResponded(Caller caller, UUID id, Long expectedVersion, String note) {
        return locked(caller, id).chain(complaint -> {
            check(caller, complaint, expectedVersion, "resume", ComplaintAccess.mayHandle(caller, complaint),
                    complaint.status == ComplaintStatus.WAITING_CUSTOMER);
            Map<String, Object> before = snapshot(complaint);
            Instant now = Clocks.now(clock);
            complaint.status = ComplaintStatus.INVESTIGATING;
            return endPause(complaint, now).chain(() -> written(caller, complaint, "CUSTOMER_RESPONDED", before,
                    noted(complaint, caller, note, now)));
        });
    }

    /** By hand, from any open state: one level up (customer service's head, then the general manager). */
    @WithTransaction
    public Uni<Outcome> escalate(Caller caller, UUID id, Long expectedVersion, String reason) {
        return locked(caller, id).chain(complaint -> {
            check(caller, complaint, expectedVersion, "be escalated", ComplaintAccess.mayDirect(caller, complaint)
                    || ComplaintAccess.mayHandle(caller, complaint), complaint.isOpen()
                            && complaint.escalationLevel < 2);
            int level = complaint.escalationLevel + 1;
            List<UUID> named = new ArrayList<>(Arrays.asList(complaint.staffInvolved));
            named.add(caller.staffId()); // not to oneself either
            return head(caller.dealerId(), level == 1 ? "CUSTOMER_SERVICE" : null, named).chain(head -> {
                Map<String, Object> before = snapshot(complaint);
                Instant now = Clocks.now(clock);
                complaint.escalationLevel = level;
                complaint.escalatedAt = now;
                complaint.escalatedTo = head;
                complaint.status = ComplaintStatus.ESCALATED;
                return endPause(complaint, now).chain(() -> {
                    complaint.escalationPausedSeconds = complaint.pausedSeconds; // the wait just ended included
                    return written(caller, complaint, "ESCALATED", before, Map.of("reason", reason.trim()));
                });
            });
        });
    }

    /** The head of a department (customer service), or the general manager (null department). */
    private Uni<UUID> head(UUID dealerId, String department, List<UUID> excluded) {
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery("select s.id from Staff s where s.dealerId = :dealerId and "
                    + "s.active = true and s.head = :head and s.id not in :excluded" + (department == null ? ""
                            : " and s.department = :department") + " order by s.id", UUID.class)
                    .setParameter("dealerId", dealerId)
                    .setParameter("head", department == null ? Staff.Head.DEALER : Staff.Head.DEPARTMENT)
                    .setParameter("excluded", excluded);
            if (department != null) {
                query.setParameter("department", com.dealerops.common.security.Department.valueOf(department));
            }
            return query.setMaxResults(1).getSingleResultOrNull();
        });
    }

    /**
     * A manager approves compensation up to an amount: a sales manager or a head in the staff directory, never the
     * handler or anyone the complaint names (PostgreSQL refuses those too).
     */
    @WithTransaction
    public Uni<Outcome> approveCompensation(Caller caller, UUID id, Long expectedVersion, Money amount) {
        return locked(caller, id).chain(complaint -> staff.findInDealer(caller.dealerId(), caller.staffId())
                .chain(member -> {
                    boolean manager = caller.has(Role.SALES_MANAGER) || member != null && member.head != null;
                    check(caller, complaint, expectedVersion, "have compensation approved", manager
                            && ComplaintAccess.canSee(caller, complaint), complaint.isOpen());
                    if (complaint.names(caller.staffId()) || caller.staffId().equals(complaint.handlerId)) {
                        throw ProblemException.unprocessable("conflict-of-interest", "Conflict of interest",
                                "The handler and staff the complaint names do not approve its compensation");
                    }
                    if (!complaint.currency.equals(amount.currency())) {
                        throw ProblemException.invalid("amount", "must be in " + complaint.currency);
                    }
                    Map<String, Object> before = snapshot(complaint);
                    complaint.approvedAmount = amount.amount().setScale(2);
                    complaint.approvedBy = caller.staffId();
                    complaint.approvedAt = Clocks.now(clock);
                    return written(caller, complaint, "COMPENSATION_APPROVED", before,
                            Map.of("approvedAmount", complaint.approvedAmount.toPlainString()));
                }));
    }

    /**
     * INVESTIGATING or ESCALATED → RESOLVED, with root cause, actions, compensation and corrective action; the
     * customer gets a closure call (COMPLAINT_CLOSURE) a day later, or, if they may not be contacted, the complaint
     * closes at once.
     */
    @WithTransaction
    public Uni<Outcome> resolve(Caller caller, UUID id, Long expectedVersion, ResolutionInput input,
            Money compensationLimit) {
        return locked(caller, id).chain(complaint -> {
            check(caller, complaint, expectedVersion, "be resolved", ComplaintAccess.mayHandle(caller, complaint),
                    complaint.status == ComplaintStatus.INVESTIGATING || complaint.status == ComplaintStatus.ESCALATED);
            BigDecimal limit = compensationLimit.amount().setScale(2);
            ResolutionInput.Compensation compensation = input.compensation();
            if (compensation != null) {
                if (!complaint.currency.equals(compensation.amount().currency())) {
                    throw ProblemException.invalid("compensation.amount", "must be in " + complaint.currency);
                }
                BigDecimal amount = compensation.amount().amount().setScale(2);
                if (amount.compareTo(limit) > 0 && (complaint.approvedAmount == null
                        || amount.compareTo(complaint.approvedAmount) > 0)) {
                    throw new ProblemException(422, "compensation-needs-approval", "Compensation needs approval",
                            "Compensation above " + limit + " " + complaint.currency + " needs a manager's approval "
                                    + "of at least " + amount + (complaint.approvedAmount == null ? ""
                                            : " (approved: " + complaint.approvedAmount + ")"),
                            List.of(), Map.of("limit", limit.toPlainString()), Map.of());
                }
            }
            Uni<Void> owner = input.correctiveAction() == null ? Uni.createFrom().voidItem()
                    : staff.findInDealer(caller.dealerId(), input.correctiveAction().ownerId()).invoke(member -> {
                        if (member == null || !member.active) {
                            throw ProblemException.unprocessable("unknown-owner", "Unknown owner",
                                    "correctiveAction.ownerId must be an active staff member of this dealer");
                        }
                    }).replaceWithVoid();
            return owner.chain(() -> {
                Map<String, Object> before = snapshot(complaint);
                Instant now = Clocks.now(clock);
                complaint.status = ComplaintStatus.RESOLVED;
                complaint.resolvedAt = now;
                acknowledgedBy(complaint, now);
                complaint.rootCauseCategory = input.rootCause().category();
                complaint.rootCause = input.rootCause().text().trim();
                complaint.actionsTaken = input.actionsTaken().trim();
                complaint.compensationLimit = limit;
                complaint.compensationKind = compensation == null ? null : compensation.kind();
                complaint.compensationAmount = compensation == null ? null
                        : compensation.amount().amount().setScale(2);
                complaint.compensationDescription = compensation == null ? null : compensation.description().trim();
                complaint.correctiveAction = input.correctiveAction() == null ? null
                        : input.correctiveAction().description().trim();
                complaint.correctiveOwnerId = input.correctiveAction() == null ? null
                        : input.correctiveAction().ownerId();
                complaint.correctiveDueOn = input.correctiveAction() == null ? null
                        : input.correctiveAction().dueOn();
                return Panache.getSession().chain(session -> session.flush())
                        .chain(() -> followUps.scheduleClosure(caller, complaint.id, complaint.customerId,
                                complaint.handlerId, now.plus(CLOSURE_CALL_AFTER)))
                        .chain(closure -> {
                            Map<String, Object> extra = new LinkedHashMap<>();
                            if (closure != null) {
                                extra.put("closureFollowUpId", closure.toString());
                                return written(caller, complaint, "RESOLVED", before, extra);
                            }
                            extra.put("closure", "closed without a call: the customer may not be contacted");
                            complaint.status = ComplaintStatus.CLOSED;
                            complaint.closedAt = now;
                            return written(caller, complaint, "RESOLVED", before, extra);
                        });
            });
        });
    }

    /**
     * How the closure call ended: accepted, the complaint is CLOSED; rejected, it is reopened (its compensation
     * decided again); not reached, another call a day later; the customer no longer to be contacted, CLOSED without
     * their answer. Staff the complaint names never record its closure.
     */
    @Override
    public Uni<Void> closureCallEnded(Caller caller, UUID complaintId, UUID followUpId, ClosureOutcome outcome) {
        return Panache.getSession().chain(session -> session.find(Complaint.class, complaintId,
                LockModeType.PESSIMISTIC_WRITE)).chain(complaint -> {
                    if (complaint == null || complaint.status != ComplaintStatus.RESOLVED) {
                        return Uni.createFrom().voidItem(); // closed or reopened meanwhile: the call changes nothing
                    }
                    if (outcome != ClosureOutcome.CONTACT_STOPPED && complaint.names(caller.staffId())) {
                        // a consent withdrawal by whoever edits the customer is not a closure they record
                        throw ProblemException.forbidden("Staff a complaint names do not record its closure");
                    }
                    Map<String, Object> before = snapshot(complaint);
                    Instant now = Clocks.now(clock);
                    Map<String, Object> extra = new LinkedHashMap<>();
                    extra.put("closureFollowUpId", followUpId.toString());
                    switch (outcome) {
                        case ACCEPTED, CONTACT_STOPPED -> {
                            complaint.status = ComplaintStatus.CLOSED;
                            complaint.closedAt = now;
                            if (outcome == ClosureOutcome.CONTACT_STOPPED) {
                                extra.put("closure", "closed without the customer's answer: they may not be contacted");
                            }
                        }
                        case REJECTED -> {
                            complaint.status = ComplaintStatus.INVESTIGATING;
                            complaint.resolvedAt = null;
                            complaint.reopenedCount++;
                            complaint.compensationKind = null;
                            complaint.compensationAmount = null;
                            complaint.compensationDescription = null;
                            complaint.compensationLimit = null;
                        }
                        case NOT_REACHED -> {
                            return followUps.scheduleClosure(caller, complaint.id, complaint.customerId,
                                    complaint.handlerId, now.plus(CLOSURE_CALL_AFTER)).chain(next -> {
                                        if (next == null) {
                                            complaint.status = ComplaintStatus.CLOSED;
                                            complaint.closedAt = now;
                                            extra.put("closure", "closed without the customer's answer: they may "
                                                    + "not be contacted");
                                            return written(caller, complaint, "CLOSED", before, extra);
                                        }
                                        extra.put("nextClosureFollowUpId", next.toString());
                                        return written(caller, complaint, "CLOSURE_CALL_MISSED", before, extra);
                                    }).replaceWithVoid();
                        }
                    }
                    return written(caller, complaint, outcome == ClosureOutcome.REJECTED ? "REOPENED" : "CLOSED", before,
                            extra).replaceWithVoid();
                });
    }

    // --------------------------------------------------------------------------------------------------- reads

    @WithSession
    public Uni<ComplaintView> get(Caller caller, UUID id) {
        return visible(caller, id, false).chain(complaint -> Panache.getSession().chain(session -> session
                .createSelectionQuery("from ComplaintPause p where p.key.dealerId = :dealerId and "
                        + "p.key.complaintId = :id order by p.key.startedAt", ComplaintPause.class)
                .setParameter("dealerId", complaint.dealerId).setParameter("id", complaint.id).getResultList())
                .map(pauses -> view(caller, complaint, pauses)));
    }

    @WithSession
    public Uni<Page<ComplaintView>> list(Caller caller, Filter filter, String cursor, int limit) {
        StringBuilder where = new StringBuilder("e.dealerId = :dealerId");
        Map<String, Object> params = new HashMap<>();
        params.put("dealerId", caller.dealerId());
        if (!ComplaintAccess.seesAll(caller)) {
            // their own registrations, those that name them, and (finance) those with compensation
            where.append(" and (e.createdBy = :me or array_contains(e.staffInvolved, :me)");
            if (caller.has(Role.FINANCE)) {
                where.append(" or e.compensationKind is not null");
            }
            where.append(")");
            params.put("me", caller.staffId());
        }
        if (!filter.statuses().isEmpty()) {
            where.append(" and e.status in :statuses");
            params.put("statuses", filter.statuses());
        }
        if (!filter.severities().isEmpty()) {
            where.append(" and e.severity in :severities");
            params.put("severities", filter.severities());
        }
        if (!filter.categories().isEmpty()) {
            where.append(" and e.category in :categories");
            params.put("categories", filter.categories());
        }
        if (filter.customerId() != null) {
            where.append(" and e.customerId = :customerId");
            params.put("customerId", filter.customerId());
        }
        if (filter.handlerId() != null) {
            where.append(" and e.handlerId = :handlerId");
            params.put("handlerId", filter.handlerId());
        }
        if (filter.open() != null) {
            where.append(filter.open() ? " and e.status not in :closed" : " and e.status in :closed");
            params.put("closed", List.of(ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED));
        }
        return Panache.getSession().chain(session -> Keyset.page(session, Complaint.class, where.toString(), params,
                NEWEST_FIRST, cursor, limit))
                .map(page -> new Page<>(page.items().stream().map(c -> view(caller, c, null)).toList(),
                        page.nextCursor()));
    }

    @WithSession
    public Uni<Page<HistoryEntry>> history(Caller caller, UUID id, String cursor, int limit) {
        return visible(caller, id, false).chain(complaint -> {
            HistoryEntry.FieldPolicy policy = ComplaintAccess.full(caller, complaint) ? HistoryEntry.FieldPolicy.ALL
                    : (field, value) -> INVESTIGATION_FIELDS.contains(field) ? HistoryEntry.FieldPolicy.HIDDEN : value;
            return audit.history(caller.dealerId(), RESOURCE_TYPE, id, limit, cursor)
                    .map(page -> new Page<>(page.items().stream()
                            .map(event -> HistoryEntry.of(event, caller.zone(), policy)).toList(),
                            page.nextCursor()));
        });
    }

    /** A client-chosen id taken meanwhile. */
    public static Throwable explainConflict(Throwable failure) {
        return DatabaseFailures.uniqueViolation(failure).<Throwable>map(constraint -> switch (constraint) {
            case "complaint_id_uq", "complaint_pkey" -> ProblemException.conflict("id-taken", "Id already used",
                    "A complaint with this id already exists; ids are accepted once", Map.of());
            default -> failure;
        }).orElse(failure);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private Uni<Outcome> written(Caller caller, Complaint complaint, String action, Map<String, Object> before,
            Map<String, Object> extra) {
        complaint.updatedAt = Clocks.now(clock);
        Map<String, Object> after = new LinkedHashMap<>(snapshot(complaint));
        after.putAll(extra);
        return Panache.getSession().chain(session -> session.flush())
                .call(() -> audit.record(caller, RESOURCE_TYPE, complaint.id, action, before, after))
                .map(ignored -> Outcome.ok(complaint.version, view(caller, complaint, null)));
    }

    /** Appends a note to the investigation notes; the note itself goes into the history event. */
    private static Map<String, Object> noted(Complaint complaint, Caller caller, String note, Instant at) {
        if (note == null || note.isBlank()) {
            return Map.of();
        }
        String entry = "[" + at + " " + caller.name() + "] " + note.trim();
        String notes = complaint.investigationNotes == null ? entry : complaint.investigationNotes + "\n" + entry;
        if (notes.length() > 20000) {
            throw ProblemException.unprocessable("notes-full", "Notes full", "The investigation notes are full "
                    + "(20,000 characters)");
        }
        complaint.investigationNotes = notes;
        return Map.of("note", note.trim());
    }

    /** Working on an escalated complaint that nobody acknowledged acknowledges it (late, the clock says). */
    private static void acknowledgedBy(Complaint complaint, Instant now) {
        if (complaint.acknowledgedAt == null) {
            complaint.acknowledgedAt = now;
        }
    }

    /**
     * Ends a wait for the customer (the customer responded, or the complaint was escalated meanwhile): the time
     * waited is added to the pauses, and the pause's record gets its end.
     */
    private Uni<Void> endPause(Complaint complaint, Instant now) {
        Instant since = complaint.pausedSince;
        if (since == null) {
            return Uni.createFrom().voidItem();
        }
        complaint.pausedSeconds = SlaClock.pausedSeconds(complaint, now);
        complaint.pausedSince = null;
        return Panache.getSession().chain(session -> session.find(ComplaintPause.class,
                new ComplaintPause.Key(complaint.dealerId, complaint.id, since)))
                .invoke(pause -> pause.endedAt = now).replaceWithVoid();
    }

    private void check(Caller caller, Complaint complaint, Long expectedVersion, String action, boolean allowed,
            boolean legal) {
        if (!allowed) {
            throw ProblemException.forbidden(complaint.names(caller.staffId())
                    ? "Staff a complaint names take no part in handling it"
                    : "Your role may not do this to the complaint");
        }
        if (expectedVersion != null) {
            EntityTags.ensureCurrent(expectedVersion, complaint.version);
        }
        if (!legal) {
            throw ProblemException.illegalTransition("complaint", complaint.status, action,
                    allowedActions(caller, complaint));
        }
    }

    private Uni<Complaint> visible(Caller caller, UUID id, boolean lock) {
        return Panache.getSession().chain(session -> lock ? session.find(Complaint.class, id,
                LockModeType.PESSIMISTIC_WRITE) : session.find(Complaint.class, id)).map(complaint -> {
                    if (complaint == null || !ComplaintAccess.canSee(caller, complaint)) {
                        throw ProblemException.notFound("Complaint");
                    }
                    return complaint;
                });
    }

    private Uni<Complaint> locked(Caller caller, UUID id) {
        return visible(caller, id, true);
    }

    static List<String> allowedActions(Caller caller, Complaint c) {
        List<String> actions = new ArrayList<>();
        boolean handles = ComplaintAccess.mayHandle(caller, c);
        boolean directs = ComplaintAccess.mayDirect(caller, c);
        if (c.isOpen() && directs) {
            actions.add("assign");
        }
        if (handles) {
            switch (c.status) {
                case RECEIVED -> actions.add("acknowledge");
                case ACKNOWLEDGED -> actions.add("investigate");
                case INVESTIGATING -> actions.addAll(List.of("wait-for-customer", "resolve"));
                case WAITING_CUSTOMER -> actions.add("customer-responded");
                case ESCALATED -> {
                    if (c.acknowledgedAt == null) {
                        actions.add("acknowledge");
                    }
                    actions.addAll(List.of("investigate", "wait-for-customer", "resolve"));
                }
                default -> {
                }
            }
            if (c.isOpen()) {
                actions.add("notes");
            }
        }
        if (c.isOpen() && c.escalationLevel < 2 && (handles || directs)) {
            actions.add("escalate");
        }
        return actions;
    }

    ComplaintView view(Caller caller, Complaint c, List<ComplaintPause> pauses) {
        ZoneId zone = caller.zone();
        Instant now = Clocks.now(clock);
        boolean full = ComplaintAccess.full(caller, c);
        ComplaintView.Sla sla = new ComplaintView.Sla(Clocks.at(c.receivedAt, zone),
                Clocks.at(c.acknowledgeDueAt, zone), Clocks.at(c.acknowledgedAt, zone),
                SlaClock.acknowledgedOnTime(c, now), Clocks.at(SlaClock.resolveBy(c, now), zone),
                Clocks.at(c.resolvedAt, zone), SlaClock.resolvedOnTime(c, now), c.pausedSince != null,
                SlaClock.pausedSeconds(c, now) / 60, pauses == null ? null : pauses.stream()
                        .map(p -> new ComplaintView.Pause(Clocks.at(p.key.startedAt, zone), Clocks.at(p.endedAt, zone),
                                p.reason)).toList());
        ComplaintView.Investigation investigation = !full ? null : new ComplaintView.Investigation(
                c.investigationNotes, c.rootCauseCategory, c.rootCause, c.actionsTaken, c.correctiveAction,
                c.correctiveOwnerId, c.correctiveDueOn);
        ComplaintView.CompensationView compensation = !(full || ComplaintAccess.finance(caller, c))
                || c.compensationLimit == null && c.approvedAmount == null ? null
                        : new ComplaintView.CompensationView(c.compensationKind,
                                money(c.compensationAmount, c.currency), c.compensationDescription,
                                money(c.approvedAmount, c.currency), c.approvedBy,
                                money(c.compensationLimit, c.currency));
        return new ComplaintView(c.id, c.version, number(c.id), full ? ComplaintView.Access.FULL
                : ComplaintView.Access.SUMMARY, c.status, c.customerId, c.orderId, c.deliveryId, c.vehicleId,
                c.leadId, c.category, c.severity, c.safetyIssue, c.channel, c.description, c.desiredOutcome,
                Arrays.asList(c.staffInvolved), Arrays.asList(c.attachments), c.handlerId, sla,
                new ComplaintView.Escalation(c.escalationLevel, Clocks.at(c.escalatedAt, zone), c.escalatedTo),
                investigation, compensation, c.reopenedCount, allowedActions(caller, c), c.createdBy,
                Clocks.at(c.createdAt, zone), Clocks.at(c.updatedAt, zone));
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount, currency);
    }

    static String number(UUID id) {
        return "C-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    static Map<String, Object> snapshot(Complaint c) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("status", c.status.name());
        snapshot.put("severity", c.severity.name());
        snapshot.put("handlerId", c.handlerId == null ? null : c.handlerId.toString());
        snapshot.put("escalationLevel", c.escalationLevel);
        snapshot.put("escalatedTo", c.escalatedTo == null ? null : c.escalatedTo.toString());
        snapshot.put("rootCauseCategory", c.rootCauseCategory == null ? null : c.rootCauseCategory.name());
        snapshot.put("rootCause", c.rootCause);
        snapshot.put("actionsTaken", c.actionsTaken);
        snapshot.put("compensationKind", c.compensationKind == null ? null : c.compensationKind.name());
        snapshot.put("compensationAmount", c.compensationAmount == null ? null : c.compensationAmount.toPlainString());
        snapshot.put("compensationDescription", c.compensationDescription);
        snapshot.put("approvedAmount", c.approvedAmount == null ? null : c.approvedAmount.toPlainString());
        snapshot.put("correctiveAction", c.correctiveAction);
        return snapshot;
    }
}
