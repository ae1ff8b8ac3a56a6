package com.dealerops.delivery;

import static com.dealerops.common.Texts.blankToNull;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import com.dealerops.delivery.dto.DeliveryInput;
import com.dealerops.delivery.dto.DeliveryView;
import com.dealerops.delivery.dto.HandOverInput;
import com.dealerops.delivery.dto.PdiInput;
import com.dealerops.delivery.dto.PdiView;
import com.dealerops.delivery.dto.RescheduleInput;
import com.dealerops.followup.FollowUpService;
import com.dealerops.order.OrderService;
import com.dealerops.order.OrderStatus;
import com.dealerops.order.SalesOrder;
import com.dealerops.settings.DeliverySettings;
import com.dealerops.staff.StaffRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Deliveries (交车): the appointment, the pre-delivery inspections, and the hand-over gate. The hand-over moves the
 * order and the car to DELIVERED and schedules the follow-up plan in one transaction; PostgreSQL refuses a
 * completed delivery without its documents, sign-off, passing latest inspection and delivered order.
 */
@ApplicationScoped
public class DeliveryService {

    static final String RESOURCE_TYPE = "delivery";
    private static final Duration DEFAULT_LENGTH = Duration.ofMinutes(60);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final SortKey<Delivery> EARLIEST_FIRST = SortKey.ascending("scheduledAt", Instant.class,
            d -> d.scheduledAt, d -> d.id);
    private static final Set<OrderStatus> DELIVERABLE = Set.of(OrderStatus.CONFIRMED, OrderStatus.DEPOSIT_PAID,
            OrderStatus.FULLY_PAID);

    private final OrderService orders;
    private final FollowUpService followUps;
    private final StaffRepository staff;
    private final AuditTrail audit;
    private final Clock clock;

    public DeliveryService(OrderService orders, FollowUpService followUps, StaffRepository staff, AuditTrail audit,
            Clock clock) {
        this.orders = orders;
        this.followUps = followUps;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    public static URI location(UUID id) {
        return URI.create("/api/v1/deliveries/" + id);
    }

    /** The filters of the delivery list; null means "any". */
    public record Filter(List<DeliveryStatus> statuses, UUID salespersonId, UUID orderId, Instant from,
            Instant to) {
    }

    @WithTransaction
    public Uni<Outcome> create(Caller caller, DeliveryInput input) {
        Instant now = Clocks.now(clock);
        Instant start = Clocks.input("scheduledAt", input.scheduledAt());
        if (start.isBefore(now.minus(CLOCK_SKEW))) {
            throw ProblemException.unprocessable("in-the-past", "In the past", "A delivery cannot be scheduled "
                    + "before now");
        }
        Duration length = input.durationMinutes() == null ? DEFAULT_LENGTH
                : Duration.ofMinutes(input.durationMinutes());
        return orders.lockedForDelivery(caller, input.orderId()).chain(order -> {
            if (!caller.has(Role.SALES_MANAGER) && !caller.staffId().equals(order.salespersonId)) {
                throw ProblemException.notFound("Order");
            }
            if (!DELIVERABLE.contains(order.status)) {
                throw ProblemException.conflict("order-not-deliverable", "Order not deliverable", "A "
                        + order.status + " order gets no delivery", Map.of("orderStatus", order.status.name()));
            }
            if (order.vehicleId == null) {
                throw ProblemException.unprocessable("no-vehicle", "No vehicle yet", "The order is a factory "
                        + "order without a car; a delivery needs the car");
            }
            return Panache.getSession().chain(session -> session.createSelectionQuery("from Delivery d where "
                    + "d.dealerId = :dealerId and d.orderId = :orderId and d.status <> :cancelled", Delivery.class)
                    .setParameter("dealerId", caller.dealerId()).setParameter("orderId", order.id)
                    .setParameter("cancelled", DeliveryStatus.CANCELLED).getSingleResultOrNull())
                    .invoke(existing -> {
                        if (existing != null) {
                            throw ProblemException.conflict("delivery-exists", "Delivery already scheduled",
                                    "The order has delivery " + existing.id, Map.of("deliveryId", existing.id));
                        }
                    })
                    .chain(() -> input.id() == null ? Uni.createFrom().voidItem()
                            : Panache.getSession().chain(session -> session.find(Delivery.class, input.id()))
                                    .invoke(existing -> {
                                        if (existing != null) {
                                            throw ProblemException.idTaken(input.id());
                                        }
                                    }).replaceWithVoid())
                    .chain(() -> salesperson(caller, input.salespersonId(), order.salespersonId))
                    .chain(salesperson -> {
                        Delivery delivery = new Delivery();
                        delivery.id = input.id() != null ? input.id() : Ids.newId();
                        delivery.dealerId = caller.dealerId();
                        delivery.orderId = order.id;
                        delivery.customerId = order.customerId;
                        delivery.vehicleId = order.vehicleId;
                        delivery.salespersonId = salesperson;
                        delivery.scheduledAt = start;
                        delivery.endsAt = start.plus(length);
                        delivery.bay = input.bay().trim();
                        delivery.status = DeliveryStatus.SCHEDULED;
                        delivery.pdiStatus = PdiStatus.NOT_DONE;
                        delivery.createdBy = caller.staffId();
                        delivery.createdAt = now;
                        delivery.updatedAt = now;
                        return Panache.getSession().chain(session -> session.persist(delivery).chain(session::flush))
                                .call(() -> audit.record(caller, RESOURCE_TYPE, delivery.id, "SCHEDULED", Map.of(),
                                        snapshot(delivery)))
                                .map(ignored -> Outcome.created(location(delivery.id), delivery.version,
                                        view(caller, delivery)));
                    });
        });
    }

    @WithTransaction
    public Uni<Outcome> reschedule(Caller caller, UUID id, Long expectedVersion, RescheduleInput input) {
        return locked(caller, id).chain(delivery -> {
            checkScheduled(caller, delivery, expectedVersion, "be rescheduled", mayHandOver(caller, delivery));
            Instant start = Clocks.input("scheduledAt", input.scheduledAt());
            if (start.isBefore(Clocks.now(clock).minus(CLOCK_SKEW))) {
                throw ProblemException.unprocessable("in-the-past", "In the past", "A delivery cannot be moved "
                        + "to before now");
            }
            Duration length = input.durationMinutes() == null
                    ? Duration.between(delivery.scheduledAt, delivery.endsAt)
                    : Duration.ofMinutes(input.durationMinutes());
            Uni<UUID> salesperson = input.salespersonId() == null
                    || input.salespersonId().equals(delivery.salespersonId)
                            ? Uni.createFrom().item(delivery.salespersonId)
                            : salesperson(caller, input.salespersonId(), delivery.salespersonId);
            return salesperson.chain(chosen -> {
                Map<String, Object> before = snapshot(delivery);
                delivery.scheduledAt = start;
                delivery.endsAt = start.plus(length);
                delivery.bay = input.bay().trim();
                delivery.salespersonId = chosen;
                delivery.updatedAt = Clocks.now(clock);
                return written(caller, delivery, "RESCHEDULED", before, Map.of());
            });
        });
    }

    @WithTransaction
    public Uni<Outcome> cancel(Caller caller, UUID id, Long expectedVersion, String reason) {
        return locked(caller, id).chain(delivery -> {
            checkScheduled(caller, delivery, expectedVersion, "be cancelled", mayHandOver(caller, delivery));
            Map<String, Object> before = snapshot(delivery);
            delivery.status = DeliveryStatus.CANCELLED;
            delivery.cancelReason = reason.trim();
            delivery.updatedAt = Clocks.now(clock);
            return written(caller, delivery, "CANCELLED", before, Map.of());
        });
    }

    /**
     * Records an inspection by after-sales: every item of the dealer's checklist once, each PASS or FAIL (a FAIL
     * with a note). A re-inspection is the next number; the delivery shows the latest verdict.
     */
    @WithTransaction
    public Uni<Outcome> inspect(Caller caller, UUID id, PdiInput input, DeliverySettings standard) {
        List<PdiInspection.Item> items = checklist(input, standard);
        return locked(caller, id).chain(delivery -> {
            checkScheduled(caller, delivery, null, "be inspected", caller.has(Role.AFTER_SALES));
            Instant now = Clocks.now(clock);
            PdiInspection inspection = new PdiInspection();
            inspection.id = Ids.newId();
            inspection.dealerId = delivery.dealerId;
            inspection.deliveryId = delivery.id;
            inspection.number = delivery.pdiCount + 1;
            inspection.results = new PdiInspection.Results(items);
            inspection.passed = items.stream().allMatch(item -> item.result() == PdiResult.PASS);
            inspection.notes = input.notes() == null || input.notes().isBlank() ? null : input.notes().trim();
            inspection.performedBy = caller.staffId();
            inspection.performedAt = now;
            Map<String, Object> before = snapshot(delivery);
            delivery.pdiCount = inspection.number;
            delivery.pdiStatus = inspection.passed ? PdiStatus.PASSED : PdiStatus.FAILED;
            delivery.updatedAt = now;
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("inspection", inspection.number);
            extra.put("failed", String.join(",", items.stream().filter(i -> i.result() == PdiResult.FAIL)
                    .map(PdiInspection.Item::code).toList()));
            return Panache.getSession().chain(session -> session.persist(inspection))
                    .chain(() -> written(caller, delivery, "INSPECTED", before, extra))
                    .map(ignored -> Outcome.created(URI.create(location(delivery.id) + "/pdi/" + inspection.number),
                            delivery.version, pdiView(inspection, standard, caller.zone())));
        });
    }

    private static List<PdiInspection.Item> checklist(PdiInput input, DeliverySettings standard) {
        Set<String> expected = new LinkedHashSet<>();
        standard.pdiChecklist().forEach(item -> expected.add(item.code()));
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, PdiInspection.Item> given = new LinkedHashMap<>();
        for (int i = 0; i < input.items().size(); i++) {
            PdiInput.Item item = input.items().get(i);
            String field = "items[" + i + "]";
            if (!expected.contains(item.code())) {
                errors.add(new Problem.FieldError(field + ".code", "is not on the dealer's PDI checklist "
                        + expected));
                continue;
            }
            if (item.result() == PdiResult.FAIL && (item.note() == null || item.note().isBlank())) {
                errors.add(new Problem.FieldError(field + ".note", "is required for a FAIL: say what is wrong"));
            }
            if (given.put(item.code(), new PdiInspection.Item(item.code(), item.result(), blankToNull(item.note()),
                    blankToNull(item.photoRef()))) != null) {
                errors.add(new Problem.FieldError(field + ".code", "is inspected twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        List<String> missing = expected.stream().filter(code -> !given.containsKey(code)).toList();
        if (!missing.isEmpty()) {
            throw new ProblemException(422, "checklist-incomplete", "Checklist incomplete", "Every item of the "
                    + "PDI checklist is inspected; missing: " + String.join(", ", missing), List.of(),
                    Map.of("missing", missing), Map.of());
        }
        return expected.stream().map(given::get).toList();
    }

    /**
     * The hand-over (交车): refused with every reason at once unless the latest inspection passed, the order is paid
     * in full, each required document, the keys and the plate are handed over and the customer signed. Then the
     * order and the car are DELIVERED and the follow-up plan is scheduled, all in this transaction.
     */
    @WithTransaction
    public Uni<Outcome> complete(Caller caller, UUID id, Long expectedVersion, HandOverInput input,
            DeliverySettings standard) {
        Set<String> required = new LinkedHashSet<>();
        standard.requiredDocuments().forEach(document -> required.add(document.code()));
        if (input.documents() != null) {
            List<Problem.FieldError> errors = new ArrayList<>();
            Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < input.documents().size(); i++) {
                String code = input.documents().get(i).code();
                if (!required.contains(code)) {
                    errors.add(new Problem.FieldError("documents[" + i + "].code", "is not one of the dealer's "
                            + "delivery documents " + required));
                } else if (!seen.add(code)) {
                    errors.add(new Problem.FieldError("documents[" + i + "].code", "is ticked twice"));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
        }
        if (input.plate() != null && input.plate().number().trim().length() < 2) {
            throw ProblemException.invalid("plate.number", "must have at least 2 characters besides spaces");
        }
        return locked(caller, id).chain(delivery -> {
            checkScheduled(caller, delivery, expectedVersion, "be completed", mayHandOver(caller, delivery));
            return orders.lockedForDelivery(caller, delivery.orderId).chain(order -> {
                List<HandOverGate.Blocker> blockers = HandOverGate.blockers(delivery, order.status, standard, input);
                if (!blockers.isEmpty()) {
                    throw new ProblemException(422, "not-ready-for-hand-over", "Not ready for hand-over",
                            "The car cannot be handed over yet: " + String.join("; ", blockers.stream()
                                    .map(HandOverGate.Blocker::detail).toList()), List.of(),
                            Map.of("reasons", blockers.stream().map(HandOverGate.Blocker::asMap).toList()), Map.of());
                }
                return handOver(caller, delivery, order, input, standard);
            });
        });
    }

    private Uni<Outcome> handOver(Caller caller, Delivery delivery, SalesOrder order, HandOverInput input,
            DeliverySettings standard) {
        Instant now = Clocks.now(clock);
        Map<String, Object> before = snapshot(delivery);
        delivery.status = DeliveryStatus.COMPLETED;
        delivery.documents = new Delivery.Documents(input.documents().stream().map(tick ->
                new Delivery.HandedOverDocument(tick.code(), tick.handedOver(), blankToNull(tick.note()))).toList());
        delivery.keyCount = input.keyCount();
        delivery.plateKind = input.plate().kind();
        delivery.plateNumber = input.plate().number().trim();
        delivery.signatureRef = input.signOff().signatureRef().trim();
        delivery.handoverSha256 = input.signOff().documentSha256();
        delivery.completedBy = caller.staffId();
        delivery.completedAt = now;
        delivery.updatedAt = now;
        return orders.delivered(caller, order, delivery.id)
                .chain(() -> followUps.planAfterDelivery(caller, delivery.id, delivery.customerId,
                        delivery.salespersonId, standard.followUpPlan(), now, caller.zone()))
                .chain(planned -> {
                    Map<String, Object> extra = new LinkedHashMap<>();
                    extra.put("followUps", planned.isEmpty() ? "none: the customer may not be contacted"
                            : String.join(",", planned.stream().map(UUID::toString).toList()));
                    return written(caller, delivery, "COMPLETED", before, extra);
                });
    }

    // --------------------------------------------------------------------------------------------------- reads

    @WithSession
    public Uni<DeliveryView> get(Caller caller, UUID id) {
        return visible(caller, id, false).map(delivery -> view(caller, delivery));
    }

    @WithSession
    public Uni<List<PdiView>> inspections(Caller caller, UUID id, DeliverySettings standard) {
        return visible(caller, id, false).chain(delivery -> Panache.getSession().chain(session -> session
                .createSelectionQuery("from PdiInspection p where p.dealerId = :dealerId and p.deliveryId = :id "
                        + "order by p.number", PdiInspection.class)
                .setParameter("dealerId", caller.dealerId()).setParameter("id", id).getResultList()))
                .map(rows -> rows.stream().map(p -> pdiView(p, standard, caller.zone())).toList());
    }

    @WithSession
    public Uni<Page<DeliveryView>> list(Caller caller, Filter filter, String cursor, int limit) {
        StringBuilder where = new StringBuilder("e.dealerId = :dealerId");
        Map<String, Object> params = new HashMap<>();
        params.put("dealerId", caller.dealerId());
        UUID salesperson = filter.salespersonId();
        if (!seesAll(caller)) {
            if (salesperson != null && !salesperson.equals(caller.staffId())) {
                return Uni.createFrom().item(new Page<>(List.of(), null));
            }
            salesperson = caller.staffId();
        }
        if (salesperson != null) {
            where.append(" and e.salespersonId = :salesperson");
            params.put("salesperson", salesperson);
        }
        if (filter.orderId() != null) {
            where.append(" and e.orderId = :orderId");
            params.put("orderId", filter.orderId());
        }
        if (!filter.statuses().isEmpty()) {
            where.append(" and e.status in :statuses");
            params.put("statuses", filter.statuses());
        }
        if (filter.from() != null) {
            where.append(" and e.endsAt > :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and e.scheduledAt < :to");
            params.put("to", filter.to());
        }
        return Panache.getSession().chain(session -> Keyset.page(session, Delivery.class, where.toString(), params,
                EARLIEST_FIRST, cursor, limit))
                .map(page -> new Page<>(page.items().stream().map(d -> view(caller, d)).toList(), page.nextCursor()));
    }

    @WithSession
    public Uni<Page<HistoryEntry>> history(Caller caller, UUID id, String cursor, int limit) {
        return visible(caller, id, false)
                .chain(delivery -> audit.history(caller.dealerId(), RESOURCE_TYPE, id, limit, cursor))
                .map(page -> new Page<>(page.items().stream()
                        .map(event -> HistoryEntry.of(event, caller.zone(), HistoryEntry.FieldPolicy.ALL)).toList(),
                        page.nextCursor()));
    }

    /** Races PostgreSQL decided: the bay taken meanwhile, a second live delivery for the order. */
    public static Throwable explainConflict(Throwable failure) {
        return DatabaseFailures.sqlError(failure).<Throwable>map(error -> switch (String.valueOf(error.constraint())) {
            case "delivery_bay_free" -> ProblemException.conflict("bay-taken", "Bay already booked", "The delivery "
                    + "bay is booked for an overlapping time", Map.of());
            case "delivery_one_live_per_order" -> ProblemException.conflict("delivery-exists",
                    "Delivery already scheduled", "The order has a delivery already", Map.of());
            case "delivery_id_uq", "delivery_pkey" -> ProblemException.conflict("id-taken", "Id already used",
                    "A delivery with this id already exists; ids are accepted once", Map.of());
            default -> failure;
        }).orElse(failure);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private Uni<UUID> salesperson(Caller caller, UUID requested, UUID fallback) {
        if (requested == null || requested.equals(fallback)) {
            return Uni.createFrom().item(fallback);
        }
        if (!caller.has(Role.SALES_MANAGER)) {
            throw ProblemException.forbidden("Only a sales manager may give a delivery to another salesperson");
        }
        return staff.isActiveSalesStaff(caller.dealerId(), requested).map(ok -> {
            if (!ok) {
                throw ProblemException.unprocessable("unknown-salesperson", "Unknown salesperson",
                        "salespersonId must be an active salesperson of this dealer");
            }
            return requested;
        });
    }

    private Uni<Outcome> written(Caller caller, Delivery delivery, String action, Map<String, Object> before,
            Map<String, Object> extra) {
        Map<String, Object> after = new LinkedHashMap<>(snapshot(delivery));
        after.putAll(extra);
        return Panache.getSession().chain(session -> session.flush())
                .call(() -> audit.record(caller, RESOURCE_TYPE, delivery.id, action, before, after))
                .map(ignored -> Outcome.ok(delivery.version, view(caller, delivery)));
    }

    private void checkScheduled(Caller caller, Delivery delivery, Long expectedVersion, String action,
            boolean allowed) {
        if (!allowed) {
            throw ProblemException.forbidden(action.equals("be inspected")
                    ? "Pre-delivery inspections are recorded by after-sales"
                    : "Only the delivery's salesperson or a sales manager may do this");
        }
        if (expectedVersion != null) {
            EntityTags.ensureCurrent(expectedVersion, delivery.version);
        }
        if (delivery.status != DeliveryStatus.SCHEDULED) {
            throw ProblemException.illegalTransition("delivery", delivery.status, action,
                    allowedActions(caller, delivery));
        }
    }

    private Uni<Delivery> visible(Caller caller, UUID id, boolean lock) {
        return Panache.getSession().chain(session -> lock ? session.find(Delivery.class, id,
                LockModeType.PESSIMISTIC_WRITE) : session.find(Delivery.class, id)).map(delivery -> {
                    if (delivery == null || !canSee(caller, delivery)) {
                        throw ProblemException.notFound("Delivery");
                    }
                    return delivery;
                });
    }

    private Uni<Delivery> locked(Caller caller, UUID id) {
        return visible(caller, id, true);
    }

    /** Sales managers, after-sales (who inspect), customer service and finance see all; salespeople their own. */
    static boolean seesAll(Caller caller) {
        return caller.hasAny(Role.SALES_MANAGER, Role.AFTER_SALES, Role.CUSTOMER_SERVICE, Role.FINANCE);
    }

    private static boolean canSee(Caller caller, Delivery delivery) {
        return delivery.dealerId.equals(caller.dealerId())
                && (seesAll(caller) || caller.staffId().equals(delivery.salespersonId));
    }

    private static boolean mayHandOver(Caller caller, Delivery delivery) {
        return caller.has(Role.SALES_MANAGER)
                || caller.has(Role.SALES) && caller.staffId().equals(delivery.salespersonId);
    }

    static List<String> allowedActions(Caller caller, Delivery delivery) {
        if (delivery.status != DeliveryStatus.SCHEDULED) {
            return List.of();
        }
        List<String> actions = new ArrayList<>();
        if (caller.has(Role.AFTER_SALES)) {
            actions.add("pdi");
        }
        if (mayHandOver(caller, delivery)) {
            actions.addAll(List.of("complete", "reschedule", "cancel"));
        }
        return actions;
    }

    static DeliveryView view(Caller caller, Delivery d) {
        ZoneId zone = caller.zone();
        DeliveryView.HandOver handOver = d.completedAt == null ? null : new DeliveryView.HandOver(
                d.documents.items().stream().map(doc -> new DeliveryView.Document(doc.code(), doc.handedOver(), doc.note()))
                        .toList(),
                d.keyCount, d.plateKind, d.plateNumber, d.signatureRef, d.handoverSha256, d.completedBy,
                Clocks.at(d.completedAt, zone));
        return new DeliveryView(d.id, d.version, d.status, d.orderId, d.customerId, d.vehicleId, d.salespersonId,
                Clocks.at(d.scheduledAt, zone), Clocks.at(d.endsAt, zone), d.bay,
                new DeliveryView.Pdi(d.pdiStatus, d.pdiCount), handOver, d.cancelReason, allowedActions(caller, d),
                Clocks.at(d.createdAt, zone), Clocks.at(d.updatedAt, zone));
    }

    private static PdiView pdiView(PdiInspection p, DeliverySettings standard, ZoneId zone) {
        Map<String, DeliverySettings.ChecklistItem> labels = new HashMap<>();
        standard.pdiChecklist().forEach(item -> labels.put(item.code(), item));
        return new PdiView(p.id, p.deliveryId, p.number, p.passed, p.results.items().stream().map(item -> {
            DeliverySettings.ChecklistItem label = labels.get(item.code());
            // an item the dealer has since removed from the checklist keeps its code as its label
            return new PdiView.Item(item.code(), label == null ? item.code() : label.labelZh(),
                    label == null ? item.code() : label.labelEn(), item.result(), item.note(), item.photoRef());
        }).toList(), p.notes, p.performedBy, Clocks.at(p.performedAt, zone));
    }

    private static Map<String, Object> snapshot(Delivery d) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("status", d.status.name());
        snapshot.put("scheduledAt", d.scheduledAt.toString());
        snapshot.put("endsAt", d.endsAt.toString());
        snapshot.put("bay", d.bay);
        snapshot.put("salespersonId", d.salespersonId.toString());
        snapshot.put("pdiStatus", d.pdiStatus.name());
        snapshot.put("cancelReason", d.cancelReason);
        return snapshot;
    }
}
