package com.dealerops.followup;

import static com.dealerops.common.Texts.blankToNull;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;

import com.dealerops.common.Ids;
import com.dealerops.common.audit.AuditTrail;
import com.dealerops.common.audit.HistoryEntry;
import com.dealerops.common.concurrency.EntityTags;
import com.dealerops.common.error.DatabaseFailures;
import com.dealerops.common.error.Problem;
import com.dealerops.common.error.ProblemException;
import com.dealerops.common.idempotency.Outcome;
import com.dealerops.common.paging.Keyset;
import com.dealerops.common.paging.Page;
import com.dealerops.common.paging.SortKey;
import com.dealerops.common.security.Caller;
import com.dealerops.common.security.Role;
import com.dealerops.common.time.Clocks;
import com.dealerops.customer.ContactStopListener;
import com.dealerops.customer.CustomerService;
import com.dealerops.followup.dto.FollowUpInput;
import com.dealerops.followup.dto.FollowUpView;
import com.dealerops.followup.dto.RescheduleInput;
import com.dealerops.followup.dto.ResultInput;
import com.dealerops.lead.LeadService;
import com.dealerops.settings.DealerSettings;
import com.dealerops.settings.DeliverySettings;
import com.dealerops.settings.FollowUpChannel;
import com.dealerops.settings.FollowUpSettings;
import com.dealerops.settings.LeadSettings;
import com.dealerops.staff.StaffRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Follow-ups (回访): who may see and work on which, results recorded once under the recording phone's id, the
 * low-score rule, the post-delivery plan, and stopping all contact when a customer withdraws consent. PostgreSQL
 * holds the same lines: one result per follow-up (CHECKs and a unique result id), no follow-up for a customer who
 * may not be contacted (a trigger).
 */
@ApplicationScoped
public class FollowUpService implements ContactStopListener {

    static final String RESOURCE_TYPE = "follow-up";
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final SortKey<FollowUp> DUE_FIRST = SortKey.ascending("dueAt", Instant.class, f -> f.dueAt,
            f -> f.id);
    private static final Set<FollowUpKind> SCHEDULED_BY_HAND = Set.of(FollowUpKind.POST_SERVICE, FollowUpKind.SURVEY);

    private final CustomerService customerService;
    private final LeadService leads;
    private final StaffRepository staff;
    private final AuditTrail audit;
    private final Clock clock;
    private final Instance<ComplaintClosureListener> closureListeners;
    private final Instance<LowScoreComplaints> lowScoreComplaints; // the complaints feature, resolved when asked

    public FollowUpService(CustomerService customerService, LeadService leads, StaffRepository staff,
            AuditTrail audit, Clock clock, Instance<ComplaintClosureListener> closureListeners,
            Instance<LowScoreComplaints> lowScoreComplaints) {
        this.closureListeners = closureListeners;
        this.lowScoreComplaints = lowScoreComplaints;
        this.customerService = customerService;
        this.leads = leads;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    public static URI location(UUID id) {
        return URI.create("/api/v1/follow-ups/" + id);
    }

    /** The filters of the follow-up list; null means "any". */
    public record Filter(List<FollowUpStatus> statuses, List<FollowUpKind> kinds, UUID assigneeId,
            boolean unassigned, UUID customerId, UUID deliveryId, UUID originId, Instant dueFrom, Instant dueTo,
            boolean overdue) {
    }

    // ---------------------------------------------------------------------------------------------- scheduling

    /** A follow-up scheduled by hand (after-service calls and surveys); the caller's team owns it. */
    @WithTransaction
    public Uni<Outcome> create(Caller caller, FollowUpInput input, FollowUpSettings settings) {
        if (!SCHEDULED_BY_HAND.contains(input.kind())) {
            throw ProblemException.invalid("kind", "must be POST_SERVICE or SURVEY; the service schedules the "
                    + "other kinds itself");
        }
        FollowUpTeam team = teamOf(caller);
        if (input.kind() == FollowUpKind.POST_SERVICE && team == FollowUpTeam.SALES) {
            throw ProblemException.forbidden("After-service follow-ups are for after-sales and customer service");
        }
        Instant now = Clocks.now(clock);
        Instant due = Clocks.input("dueAt", input.dueAt());
        if (due.isBefore(now.minus(CLOCK_SKEW))) {
            throw ProblemException.unprocessable("in-the-past", "Due time in the past",
                    "A new follow-up cannot be due before now");
        }
        return customerService.findVisible(caller, input.customerId())
                .call(customer -> contactable(caller.dealerId(), customer.id).invoke(contactable -> {
                    if (!contactable) {
                        throw ProblemException.unprocessable("no-contact-consent", "No consent to contact",
                                "The customer has not consented to be contacted (or withdrew it); no follow-up is "
                                        + "scheduled");
                    }
                }))
                .chain(customer -> assignee(caller, team, input.assigneeId() == null ? caller.staffId()
                        : input.assigneeId()))
                .call(assignee -> input.id() == null ? Uni.createFrom().voidItem()
                        : Panache.getSession().chain(session -> session.find(FollowUp.class, input.id()))
                                .invoke(existing -> {
                                    if (existing != null) {
                                        throw ProblemException.idTaken(input.id());
                                    }
                                }))
                .chain(assignee -> {
                    FollowUp followUp = newFollowUp(caller.dealerId(), input.kind(), input.customerId(), team,
                            assignee, input.channel(), due, Boolean.TRUE.equals(input.survey()),
                            blankToNull(input.purpose()), caller.staffId(), now);
                    if (input.id() != null) {
                        followUp.id = input.id();
                    }
                    return persisted(caller, followUp).map(ignored -> Outcome.created(location(followUp.id),
                            followUp.version, view(caller, followUp, settings)));
                });
    }

    /**
     * The hand-over's follow-up plan (dealer setting, e.g. day 1 call by the salesperson, day 7 survey and day 30
     * call by customer service), in the caller's transaction. Nothing is scheduled for a customer who may not be
     * contacted; the ids of the follow-ups scheduled are returned.
     */
    public Uni<List<UUID>> planAfterDelivery(Caller caller, UUID deliveryId, UUID customerId, UUID salespersonId,
            List<DeliverySettings.PlannedFollowUp> plan, Instant deliveredAt, ZoneId zone) {
        return contactable(caller.dealerId(), customerId).chain(contactable -> {
            if (!contactable || plan.isEmpty()) {
                return Uni.createFrom().item(List.<UUID>of());
            }
            List<FollowUp> planned = new ArrayList<>();
            Instant now = Clocks.now(clock);
            for (int step = 0; step < plan.size(); step++) {
                DeliverySettings.PlannedFollowUp item = plan.get(step);
                boolean sales = item.assignee() == DeliverySettings.FollowUpOwner.SALESPERSON;
                FollowUp followUp = newFollowUp(caller.dealerId(), FollowUpKind.POST_DELIVERY, customerId,
                        sales ? FollowUpTeam.SALES : FollowUpTeam.CUSTOMER_SERVICE, sales ? salespersonId : null,
                        item.channel(), deliveredAt.atZone(zone).plusDays(item.dayOffset()).toInstant(),
                        item.survey(), "交车后第" + item.dayOffset() + "天回访 / Day " + item.dayOffset()
                                + " after delivery", caller.staffId(), now);
                followUp.deliveryId = deliveryId;
                followUp.planStep = step + 1;
                planned.add(followUp);
            }
            // one flush for the whole plan, then its history events
            Uni<Void> all = Panache.getSession().chain(session -> session.persistAll(planned.toArray())
                    .chain(session::flush));
            for (FollowUp followUp : planned) {
                all = all.call(() -> audit.record(caller, RESOURCE_TYPE, followUp.id, "CREATED", Map.of(),
                        snapshot(followUp)));
            }
            return all.map(ignored -> planned.stream().map(f -> f.id).toList());
        });
    }

    /** Consent withdrawn or the file deleted: every follow-up still due is cancelled with the reason. */
    @Override
    public Uni<Void> contactStopped(Caller caller, UUID customerId, String reason) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("from FollowUp f where "
                + "f.dealerId = :dealerId and f.customerId = :customerId and f.status = :due order by f.dueAt",
                FollowUp.class).setParameter("dealerId", caller.dealerId()).setParameter("customerId", customerId)
                .setParameter("due", FollowUpStatus.DUE).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList())
                .chain(due -> {
                    Uni<Void> done = Uni.createFrom().voidItem();
                    for (FollowUp followUp : due) {
                        done = done.call(() -> close(caller, followUp, FollowUpStatus.CANCELLED, reason))
                                .call(() -> followUp.kind != FollowUpKind.COMPLAINT_CLOSURE ? Uni.createFrom().voidItem()
                                        : closureCallEnded(caller, followUp,
                                                ComplaintClosureListener.ClosureOutcome.CONTACT_STOPPED));
                    }
                    return done;
                });
    }

    @WithTransaction
    public Uni<Outcome> reschedule(Caller caller, UUID id, Long expectedVersion, RescheduleInput input,
            FollowUpSettings settings) {
        return lockedWithCustomer(caller, id).chain(old -> {
            checkDue(caller, old, expectedVersion, "be rescheduled", mayManage(caller, old));
            Instant now = Clocks.now(clock);
            Instant due = Clocks.input("dueAt", input.dueAt());
            if (due.isBefore(now.minus(CLOCK_SKEW))) {
                throw ProblemException.unprocessable("in-the-past", "Due time in the past",
                        "A follow-up cannot be rescheduled to before now");
            }
            FollowUp next = newFollowUp(old.dealerId, old.kind, old.customerId, old.team, old.assigneeId,
                    input.channel() != null ? input.channel() : old.channel, due, old.survey, old.purpose,
                    caller.staffId(), now);
            next.leadId = old.leadId;
            next.deliveryId = old.deliveryId;
            next.complaintId = old.complaintId;
            next.originId = old.id;
            Map<String, Object> before = snapshot(old);
            old.status = FollowUpStatus.RESCHEDULED;
            old.rescheduledTo = next.id;
            old.updatedAt = now;
            Map<String, Object> after = new LinkedHashMap<>(snapshot(old));
            after.put("reason", input.reason().trim());
            after.put("dueAt", due.toString());
            // the old one leaves DUE before the new one arrives (one open nurture follow-up per lead)
            return Panache.getSession().chain(session -> session.flush())
                    .call(() -> audit.record(caller, RESOURCE_TYPE, old.id, "RESCHEDULED", before, after))
                    .chain(() -> persisted(caller, next))
                    .map(ignored -> Outcome.created(location(next.id), next.version, view(caller, next, settings)));
        });
    }

    @WithTransaction
    public Uni<Outcome> cancel(Caller caller, UUID id, Long expectedVersion, String reason,
            FollowUpSettings settings) {
        return locked(caller, id).chain(followUp -> {
            checkDue(caller, followUp, expectedVersion, "be cancelled", mayManage(caller, followUp));
            if (followUp.kind == FollowUpKind.COMPLAINT_CLOSURE) {
                throw ProblemException.conflict("closure-call", "Closure call", "A complaint's closure call is "
                        + "rescheduled or answered, not cancelled: the complaint closes on the customer's answer",
                        Map.of("complaintId", followUp.complaintId));
            }
            return close(caller, followUp, FollowUpStatus.CANCELLED, reason.trim())
                    .map(ignored -> Outcome.ok(followUp.version, view(caller, followUp, settings)));
        });
    }

    /** Customer service and sales managers give a follow-up to a member of its team (or back to CS's queue). */
    @WithTransaction
    public Uni<Outcome> assign(Caller caller, UUID id, Long expectedVersion, UUID assigneeId,
            FollowUpSettings settings) {
        return locked(caller, id).chain(followUp -> {
            checkDue(caller, followUp, expectedVersion, "be assigned", mayAssign(caller, followUp));
            if (followUp.kind == FollowUpKind.LEAD_NURTURE) {
                throw ProblemException.conflict("follows-lead", "Follows its lead", "A nurture follow-up belongs to "
                        + "the lead's salesperson; reassign the lead instead", Map.of("leadId", followUp.leadId));
            }
            if (assigneeId == null && followUp.team != FollowUpTeam.CUSTOMER_SERVICE) {
                throw ProblemException.invalid("assigneeId", "is required: only customer service has a queue");
            }
            Uni<UUID> checked = assigneeId == null ? Uni.createFrom().nullItem()
                    : assignee(caller, followUp.team, assigneeId);
            return checked.chain(assignee -> {
                Map<String, Object> before = snapshot(followUp);
                followUp.assigneeId = assignee;
                followUp.updatedAt = Clocks.now(clock);
                return Panache.getSession().chain(session -> session.flush())
                        .call(() -> audit.record(caller, RESOURCE_TYPE, followUp.id, "ASSIGNED", before,
                                snapshot(followUp)))
                        .map(ignored -> Outcome.ok(followUp.version, view(caller, followUp, settings)));
            });
        });
    }

    // ------------------------------------------------------------------------------------------------- results

    /**
     * Records a result synced from a phone. The result's own id makes a replay harmless (200 with what was
     * recorded); a follow-up someone else closed meanwhile is a 409 carrying their result.
     */
    @WithTransaction
    public Uni<Outcome> recordResult(Caller caller, UUID id, ResultInput input, DealerSettings all) {
        FollowUpSettings settings = all.followUps();
        return lockedWithCustomer(caller, id).chain(followUp -> {
            if (input.id().equals(followUp.resultId)) {
                if (followUp.status.name().equals(input.status().name())) {
                    return Uni.createFrom().item(Outcome.ok(followUp.version, view(caller, followUp, settings)));
                }
                throw ProblemException.idTaken(input.id());
            }
            if (followUp.status != FollowUpStatus.DUE) {
                throw closed(caller, followUp, settings);
            }
            if (!mayManage(caller, followUp)) {
                throw ProblemException.forbidden("Only its assignee, customer service or (for sales follow-ups) a "
                        + "sales manager records a follow-up's result");
            }
            Map<String, Integer> answers = answers(input, settings);
            boolean closureAnswer = followUp.kind == FollowUpKind.COMPLAINT_CLOSURE && input.status() == ResultStatus.DONE;
            if (closureAnswer && input.resolutionAccepted() == null) {
                throw ProblemException.invalid("resolutionAccepted", "is required: does the customer accept the "
                        + "complaint's resolution?");
            }
            if (!closureAnswer && input.resolutionAccepted() != null) {
                throw ProblemException.invalid("resolutionAccepted", "is only for a complaint's closure call that "
                        + "reached the customer");
            }
            Instant now = Clocks.now(clock);
            Instant occurred = Clocks.input("occurredAt", input.occurredAt());
            if (occurred.isAfter(now.plus(CLOCK_SKEW))) {
                throw ProblemException.invalid("occurredAt", "cannot be in the future");
            }
            return Panache.getSession().chain(session -> session.createSelectionQuery(
                    "select f.id from FollowUp f where f.resultId = :resultId", UUID.class)
                    .setParameter("resultId", input.id()).getSingleResultOrNull())
                    .chain(other -> {
                        if (other != null) {
                            throw ProblemException.idTaken(input.id());
                        }
                        return record(caller, followUp, input, answers, occurred, now, all);
                    });
        });
    }

    private Uni<Outcome> record(Caller caller, FollowUp followUp, ResultInput input, Map<String, Integer> answers,
            Instant occurred, Instant now, DealerSettings all) {
        FollowUpSettings settings = all.followUps();
        LeadSettings leadSettings = all.leads();
        boolean done = input.status() == ResultStatus.DONE;
        Integer nps = done && input.satisfaction() != null ? input.satisfaction().nps() : null;
        boolean low = done && (answers != null && answers.values().stream()
                .anyMatch(score -> score <= settings.lowScoreThreshold())
                || nps != null && nps <= settings.npsLowThreshold());
        boolean openComplaint = Boolean.TRUE.equals(input.openComplaint());
        if (openComplaint && !low) {
            throw ProblemException.invalid("openComplaint", "only with a low score: an answer at or below "
                    + settings.lowScoreThreshold() + " or an NPS at or below " + settings.npsLowThreshold());
        }
        Map<String, Object> before = snapshot(followUp);
        if (followUp.assigneeId == null) {
            followUp.assigneeId = caller.staffId(); // taken from the team's queue by whoever made the call
        }
        followUp.status = done ? FollowUpStatus.DONE : FollowUpStatus.MISSED;
        followUp.resultId = input.id();
        followUp.occurredAt = occurred;
        followUp.recordedBy = caller.staffId();
        followUp.recordedAt = now;
        followUp.lateMinutes = (int) Math.max(0, Math.min(Integer.MAX_VALUE,
                Duration.between(followUp.dueAt, occurred).toMinutes()));
        followUp.outcome = input.outcome().trim();
        followUp.notes = blankToNull(input.notes());
        followUp.answers = answers;
        followUp.nps = nps;
        followUp.lowScore = low;
        followUp.nextAction = blankToNull(input.nextAction());
        followUp.resolutionAccepted = input.resolutionAccepted();
        if (input.location() != null) {
            followUp.latitude = input.location().latitude();
            followUp.longitude = input.location().longitude();
            followUp.address = blankToNull(input.location().address());
        }
        followUp.updatedAt = now;
        Map<String, Object> after = new LinkedHashMap<>(snapshot(followUp));
        after.put("resultId", input.id().toString());
        after.put("outcome", followUp.outcome);
        after.put("lateMinutes", followUp.lateMinutes);
        if (nps != null) {
            after.put("nps", nps);
        }
        Uni<Void> nurtured = followUp.kind == FollowUpKind.LEAD_NURTURE
                ? leads.nurtured(caller, followUp.leadId, followUp.dueAt, occurred, done, leadSettings)
                : Uni.createFrom().voidItem();
        return Panache.getSession().chain(session -> session.flush())
                .call(() -> audit.record(caller, RESOURCE_TYPE, followUp.id, "RESULT_RECORDED", before, after))
                .call(() -> nurtured)
                .call(() -> low ? careCallback(caller, followUp, answers, nps, all, openComplaint, now)
                        : Uni.createFrom().voidItem())
                .call(() -> followUp.kind != FollowUpKind.COMPLAINT_CLOSURE ? Uni.createFrom().voidItem()
                        : closureCallEnded(caller, followUp, !done ? ComplaintClosureListener.ClosureOutcome.NOT_REACHED
                                : followUp.resolutionAccepted ? ComplaintClosureListener.ClosureOutcome.ACCEPTED
                                        : ComplaintClosureListener.ClosureOutcome.REJECTED))
                .map(ignored -> Outcome.created(URI.create(location(followUp.id) + "/result"), followUp.version,
                        view(caller, followUp, settings)));
    }

    private Uni<Void> closureCallEnded(Caller caller, FollowUp followUp, ComplaintClosureListener.ClosureOutcome outcome) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (ComplaintClosureListener listener : closureListeners) {
            done = done.call(() -> listener.closureCallEnded(caller, followUp.complaintId, followUp.id, outcome));
        }
        return done;
    }

    /**
     * A resolved complaint's closure call (COMPLAINT_CLOSURE) for its handler, in the caller's transaction; null
     * when the customer may not be contacted (the complaint then closes without one).
     */
    public Uni<UUID> scheduleClosure(Caller caller, UUID complaintId, UUID customerId, UUID handlerId, Instant due) {
        return contactable(caller.dealerId(), customerId).chain(contactable -> {
            if (!contactable) {
                return Uni.createFrom().nullItem();
            }
            FollowUp closure = newFollowUp(caller.dealerId(), FollowUpKind.COMPLAINT_CLOSURE, customerId,
                    FollowUpTeam.CUSTOMER_SERVICE, handlerId, FollowUpChannel.PHONE, due, false,
                    "投诉结案回访：确认客户是否接受处理结果 / Complaint closure: does the customer accept the resolution?",
                    caller.staffId(), Clocks.now(clock));
            closure.complaintId = complaintId;
            return persisted(caller, closure).map(ignored -> closure.id);
        });
    }

    /** The low-score rule: customer service calls the customer back (a CARE_CALLBACK in the team's queue). */
    private Uni<Void> careCallback(Caller caller, FollowUp source, Map<String, Integer> answers, Integer nps,
            DealerSettings all, boolean openComplaint, Instant now) {
        FollowUpSettings settings = all.followUps();
        List<String> low = new ArrayList<>();
        if (answers != null) {
            answers.forEach((question, score) -> {
                if (score <= settings.lowScoreThreshold()) {
                    low.add(question + "=" + score);
                }
            });
        }
        if (nps != null && nps <= settings.npsLowThreshold()) {
            low.add("NPS=" + nps);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("lowScores", String.join(", ", low));
        Uni<Void> complaint = !openComplaint ? Uni.createFrom().voidItem() : complaintFromLowScore(caller, source,
                String.join(", ", low), all).invoke(id -> event.put("complaintId", id.toString())).replaceWithVoid();
        return complaint.chain(() -> contactable(caller.dealerId(), source.customerId)).chain(contactable -> {
            if (!contactable) {
                event.put("careCallback", "not scheduled: the customer may not be contacted");
                return audit.record(caller, RESOURCE_TYPE, source.id, "LOW_SCORE", Map.of(), event);
            }
            FollowUp callback = newFollowUp(caller.dealerId(), FollowUpKind.CARE_CALLBACK, source.customerId,
                    FollowUpTeam.CUSTOMER_SERVICE, null, FollowUpChannel.PHONE, now, false,
                    bounded("低分回访 / Low score: " + String.join(", ", low), 500), caller.staffId(), now);
            callback.originId = source.id;
            callback.leadId = source.leadId;
            callback.deliveryId = source.deliveryId;
            event.put("careCallbackId", callback.id.toString());
            return persisted(caller, callback)
                    .call(() -> audit.record(caller, RESOURCE_TYPE, source.id, "LOW_SCORE", Map.of(), event));
        });
    }

    private Uni<UUID> complaintFromLowScore(Caller caller, FollowUp source, String scores, DealerSettings all) {
        LowScoreComplaints.LowScore lowScore = new LowScoreComplaints.LowScore(source.id, source.kind, source.channel,
                source.customerId, source.leadId, source.deliveryId, scores, source.outcome, source.notes);
        return lowScoreComplaints.get().openFromLowScore(caller, lowScore, all);
    }

    private Map<String, Integer> answers(ResultInput input, FollowUpSettings settings) {
        ResultInput.Satisfaction satisfaction = input.satisfaction();
        if (satisfaction == null) {
            return null;
        }
        if (input.status() != ResultStatus.DONE) {
            throw ProblemException.invalid("satisfaction", "only a DONE follow-up has answers");
        }
        if (satisfaction.answers() == null || satisfaction.answers().isEmpty()) {
            return null;
        }
        Set<String> questions = new java.util.HashSet<>();
        settings.survey().questions().forEach(q -> questions.add(q.code()));
        Map<String, Integer> answers = new LinkedHashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < satisfaction.answers().size(); i++) {
            ResultInput.Answer answer = satisfaction.answers().get(i);
            String field = "satisfaction.answers[" + i + "]";
            if (!questions.contains(answer.question())) {
                errors.add(new Problem.FieldError(field + ".question", "is not a question of the dealer's survey "
                        + questions.stream().sorted().toList()));
            } else if (answers.put(answer.question(), answer.score()) != null) {
                errors.add(new Problem.FieldError(field + ".question", "is answered twice"));
            }
            if (answer.score() > settings.survey().scaleMax()) {
                errors.add(new Problem.FieldError(field + ".score", "must be from 1 to "
                        + settings.survey().scaleMax()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return answers;
    }

    private ProblemException closed(Caller caller, FollowUp followUp, FollowUpSettings settings) {
        FollowUpView current = view(caller, followUp, settings);
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("currentStatus", followUp.status.name());
        if (current.result() != null) {
            extensions.put("result", current.result());
        }
        if (followUp.cancelReason != null) {
            extensions.put("cancelReason", followUp.cancelReason);
        }
        if (followUp.rescheduledTo != null) {
            extensions.put("rescheduledTo", followUp.rescheduledTo);
        }
        String detail = switch (followUp.status) {
            case DONE, MISSED -> "Another result was recorded for this follow-up at " + current.result().recordedAt()
                    + "; it is " + followUp.status;
            case CANCELLED -> "The follow-up was cancelled: " + followUp.cancelReason;
            case RESCHEDULED -> "The follow-up was rescheduled as " + followUp.rescheduledTo
                    + "; record the result there";
            case DUE -> "The follow-up is due";
        };
        return ProblemException.conflict("follow-up-closed", "Follow-up already closed", detail, extensions);
    }

    // --------------------------------------------------------------------------------------------------- reads

    @WithSession
    public Uni<FollowUpView> get(Caller caller, UUID id, FollowUpSettings settings) {
        return visible(caller, id, false).map(followUp -> view(caller, followUp, settings));
    }

    @WithSession
    public Uni<Page<FollowUpView>> list(Caller caller, Filter filter, FollowUpSettings settings, String cursor,
            int limit) {
        StringBuilder where = new StringBuilder("e.dealerId = :dealerId");
        Map<String, Object> params = new HashMap<>();
        params.put("dealerId", caller.dealerId());
        UUID assignee = filter.assigneeId();
        if (!seesAll(caller)) {
            if (filter.unassigned() || assignee != null && !assignee.equals(caller.staffId())) {
                return Uni.createFrom().item(new Page<>(List.of(), null));
            }
            assignee = caller.staffId();
        }
        if (assignee != null) {
            where.append(" and e.assigneeId = :assignee");
            params.put("assignee", assignee);
        } else if (filter.unassigned()) {
            where.append(" and e.assigneeId is null");
        }
        if (!filter.statuses().isEmpty()) {
            where.append(" and e.status in :statuses");
            params.put("statuses", filter.statuses());
        }
        if (!filter.kinds().isEmpty()) {
            where.append(" and e.kind in :kinds");
            params.put("kinds", filter.kinds());
        }
        addEquals(where, params, "customerId", filter.customerId());
        addEquals(where, params, "deliveryId", filter.deliveryId());
        addEquals(where, params, "originId", filter.originId());
        if (filter.dueFrom() != null) {
            where.append(" and e.dueAt >= :dueFrom");
            params.put("dueFrom", filter.dueFrom());
        }
        if (filter.dueTo() != null) {
            where.append(" and e.dueAt < :dueTo");
            params.put("dueTo", filter.dueTo());
        }
        if (filter.overdue()) {
            where.append(" and e.status = :due and e.dueAt < :overdueBefore");
            params.put("due", FollowUpStatus.DUE);
            params.put("overdueBefore", overdueBefore(settings));
        }
        return Panache.getSession().chain(session -> Keyset.page(session, FollowUp.class, where.toString(), params,
                DUE_FIRST, cursor, limit))
                .map(page -> new Page<>(page.items().stream().map(f -> view(caller, f, settings)).toList(),
                        page.nextCursor()));
    }

    @WithSession
    public Uni<Page<HistoryEntry>> history(Caller caller, UUID id, String cursor, int limit) {
        return visible(caller, id, false)
                .chain(followUp -> audit.history(caller.dealerId(), RESOURCE_TYPE, id, limit, cursor))
                .map(page -> new Page<>(page.items().stream()
                        .map(event -> HistoryEntry.of(event, caller.zone(), HistoryEntry.FieldPolicy.ALL)).toList(),
                        page.nextCursor()));
    }

    /** A unique-index race PostgreSQL decided (the same result id recorded twice at once). */
    public static Throwable explainConflict(Throwable failure) {
        return DatabaseFailures.uniqueViolation(failure).<Throwable>map(constraint -> switch (constraint) {
            case "follow_up_result_once" -> ProblemException.conflict("id-taken", "Id already used",
                    "This result id is already recorded; ids are accepted once", Map.of());
            case "follow_up_id_uq", "follow_up_pkey" -> ProblemException.conflict("id-taken", "Id already used",
                    "A follow-up with this id already exists; ids are accepted once", Map.of());
            default -> failure;
        }).orElse(failure);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private FollowUp newFollowUp(UUID dealerId, FollowUpKind kind, UUID customerId, FollowUpTeam team,
            UUID assigneeId, FollowUpChannel channel, Instant dueAt, boolean survey, String purpose, UUID createdBy,
            Instant now) {
        FollowUp followUp = new FollowUp();
        followUp.id = Ids.newId();
        followUp.dealerId = dealerId;
        followUp.kind = kind;
        followUp.customerId = customerId;
        followUp.team = team;
        followUp.assigneeId = assigneeId;
        followUp.channel = channel;
        followUp.dueAt = dueAt.truncatedTo(ChronoUnit.MICROS);
        followUp.survey = survey;
        followUp.purpose = purpose;
        followUp.status = FollowUpStatus.DUE;
        followUp.createdBy = createdBy;
        followUp.createdAt = now;
        followUp.updatedAt = now;
        return followUp;
    }

    private Uni<Void> persisted(Caller caller, FollowUp followUp) {
        return Panache.getSession().chain(session -> session.persist(followUp).chain(session::flush))
                .call(() -> audit.record(caller, RESOURCE_TYPE, followUp.id, "CREATED", Map.of(), snapshot(followUp)));
    }

    private Uni<Void> close(Caller caller, FollowUp followUp, FollowUpStatus status, String reason) {
        Map<String, Object> before = snapshot(followUp);
        followUp.status = status;
        followUp.cancelReason = reason;
        followUp.updatedAt = Clocks.now(clock);
        return Panache.getSession().chain(session -> session.flush())
                .call(() -> audit.record(caller, RESOURCE_TYPE, followUp.id, status.name(), before,
                        snapshot(followUp)));
    }

    private void checkDue(Caller caller, FollowUp followUp, Long expectedVersion, String action, boolean allowed) {
        if (!allowed) {
            throw ProblemException.forbidden("Only " + (followUp.team == FollowUpTeam.CUSTOMER_SERVICE
                    ? "customer service" : "its assignee, customer service or a sales manager")
                    + " may do this to the follow-up");
        }
        if (expectedVersion != null) {
            EntityTags.ensureCurrent(expectedVersion, followUp.version);
        }
        if (followUp.status != FollowUpStatus.DUE) {
            throw ProblemException.illegalTransition("follow-up", followUp.status, action,
                    allowedActions(caller, followUp));
        }
    }

    /** The assignee if they are an active member of the team; who may give work to whom. */
    private Uni<UUID> assignee(Caller caller, FollowUpTeam team, UUID requested) {
        if (requested.equals(caller.staffId()) && teamOf(caller) == team) {
            return Uni.createFrom().item(requested);
        }
        boolean mayGive = caller.has(Role.CUSTOMER_SERVICE)
                || caller.has(Role.SALES_MANAGER) && team == FollowUpTeam.SALES;
        if (!mayGive) {
            throw ProblemException.forbidden("Only customer service or a sales manager may give a follow-up to "
                    + "someone else");
        }
        return staff.isActiveWithRole(caller.dealerId(), requested, team.roleClaims()).map(ok -> {
            if (!ok) {
                throw ProblemException.unprocessable("unknown-assignee", "Unknown assignee", "assigneeId must be "
                        + "an active member of " + team + " (" + String.join(", ", team.roleClaims()) + ")");
            }
            return requested;
        });
    }

    private Uni<FollowUp> visible(Caller caller, UUID id, boolean lock) {
        return Panache.getSession().chain(session -> lock ? session.find(FollowUp.class, id,
                LockModeType.PESSIMISTIC_WRITE) : session.find(FollowUp.class, id)).map(followUp -> {
                    if (followUp == null || !canSee(caller, followUp)) {
                        throw ProblemException.notFound("Follow-up");
                    }
                    return followUp;
                });
    }

    private Uni<FollowUp> locked(Caller caller, UUID id) {
        return visible(caller, id, true);
    }

    /**
     * The follow-up locked for a write that may add follow-ups for its customer. The customer's row is share-locked
     * first, in the order a consent withdrawal takes its locks (customer, then the due follow-ups), so the two wait
     * for each other instead of deadlocking; the follow-up is then re-read under its lock.
     */
    private Uni<FollowUp> lockedWithCustomer(Caller caller, UUID id) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("select f.dealerId, f.customerId "
                + "from FollowUp f where f.id = :id", Object[].class).setParameter("id", id).getSingleResultOrNull())
                .chain(row -> row == null ? Uni.createFrom().voidItem()
                        : contactable((UUID) row[0], (UUID) row[1]).replaceWithVoid())
                .chain(() -> locked(caller, id));
    }

    /**
     * Whether the customer may be contacted, with their row share-locked until commit: consent cannot be withdrawn
     * between this answer and the follow-ups written on it (which PostgreSQL's trigger would then refuse).
     */
    private Uni<Boolean> contactable(UUID dealerId, UUID customerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT contact_consent AND "
                + "deleted_at IS NULL FROM customer WHERE dealer_id = :dealerId AND id = :customerId FOR SHARE",
                Boolean.class).setParameter("dealerId", dealerId).setParameter("customerId", customerId)
                .getSingleResultOrNull()).map(Boolean.TRUE::equals);
    }

    private static String bounded(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static FollowUpTeam teamOf(Caller caller) {
        if (caller.has(Role.CUSTOMER_SERVICE)) {
            return FollowUpTeam.CUSTOMER_SERVICE;
        }
        if (caller.has(Role.AFTER_SALES)) {
            return FollowUpTeam.AFTER_SALES;
        }
        return FollowUpTeam.SALES;
    }

    /** Customer service and sales managers see and assign all follow-ups; everyone else their own. */
    static boolean seesAll(Caller caller) {
        return caller.hasAny(Role.CUSTOMER_SERVICE, Role.SALES_MANAGER);
    }

    private static boolean canSee(Caller caller, FollowUp followUp) {
        return followUp.dealerId.equals(caller.dealerId())
                && (seesAll(caller) || caller.staffId().equals(followUp.assigneeId));
    }

    /** Its assignee; customer service any (and the queue); sales managers their team's. */
    private static boolean mayManage(Caller caller, FollowUp followUp) {
        return caller.staffId().equals(followUp.assigneeId) || caller.has(Role.CUSTOMER_SERVICE)
                || caller.has(Role.SALES_MANAGER) && followUp.team == FollowUpTeam.SALES;
    }

    private static boolean mayAssign(Caller caller, FollowUp followUp) {
        return caller.has(Role.CUSTOMER_SERVICE) || caller.has(Role.SALES_MANAGER) && followUp.team == FollowUpTeam.SALES;
    }

    static List<String> allowedActions(Caller caller, FollowUp followUp) {
        if (followUp.status != FollowUpStatus.DUE) {
            return List.of();
        }
        List<String> actions = new ArrayList<>();
        if (mayManage(caller, followUp)) {
            actions.addAll(List.of("result", "reschedule", "cancel"));
        }
        if (mayAssign(caller, followUp) && followUp.kind != FollowUpKind.LEAD_NURTURE) {
            actions.add("assign");
        }
        return actions;
    }

    private Instant overdueBefore(FollowUpSettings settings) {
        return Clocks.now(clock).minus(Duration.ofHours(settings.overdueToleranceHours()));
    }

    FollowUpView view(Caller caller, FollowUp f, FollowUpSettings settings) {
        ZoneId zone = caller.zone();
        FollowUpView.Result result = null;
        if (f.resultId != null) {
            FollowUpView.Satisfaction satisfaction = f.answers == null && f.nps == null ? null
                    : new FollowUpView.Satisfaction(f.answers == null ? List.of() : f.answers.entrySet().stream()
                            .map(e -> new FollowUpView.Answer(e.getKey(), e.getValue())).toList(), f.nps);
            result = new FollowUpView.Result(f.resultId, ResultStatus.valueOf(f.status.name()),
                    Clocks.at(f.occurredAt, zone), f.lateMinutes, f.outcome, f.notes, satisfaction,
                    Boolean.TRUE.equals(f.lowScore), f.nextAction, f.resolutionAccepted,
                    f.latitude == null ? null : new FollowUpView.Location(f.latitude, f.longitude, f.address),
                    f.recordedBy, Clocks.at(f.recordedAt, zone));
        }
        boolean overdue = f.status == FollowUpStatus.DUE && f.dueAt.isBefore(overdueBefore(settings));
        return new FollowUpView(f.id, f.version, f.kind, f.status, f.customerId, f.leadId, f.deliveryId,
                f.complaintId, f.originId, f.team, f.assigneeId, f.channel, Clocks.at(f.dueAt, zone), overdue,
                f.survey, f.purpose, result, f.cancelReason, f.rescheduledTo, allowedActions(caller, f),
                Clocks.at(f.createdAt, zone), Clocks.at(f.updatedAt, zone));
    }

    private static Map<String, Object> snapshot(FollowUp f) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("kind", f.kind.name());
        snapshot.put("status", f.status.name());
        snapshot.put("assigneeId", f.assigneeId == null ? null : f.assigneeId.toString());
        snapshot.put("channel", f.channel.name());
        snapshot.put("dueAt", f.dueAt.toString());
        snapshot.put("cancelReason", f.cancelReason);
        snapshot.put("rescheduledTo", f.rescheduledTo == null ? null : f.rescheduledTo.toString());
        snapshot.put("lowScore", f.lowScore);
        return snapshot;
    }

    private static void addEquals(StringBuilder where, Map<String, Object> params, String property, UUID value) {
        if (value != null) {
            where.append(" and e.").append(property).append(" = :").append(property);
            params.put(property, value);
        }
    }
}
