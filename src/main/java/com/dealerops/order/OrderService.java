package com.dealerops.order;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
import com.dealerops.lead.LeadService;
import com.dealerops.lead.LeadStatus;
import com.dealerops.order.dto.CancelInput;
import com.dealerops.order.dto.OrderInput;
import com.dealerops.order.dto.OrderView;
import com.dealerops.order.dto.PaymentInput;
import com.dealerops.order.dto.PaymentReceipt;
import com.dealerops.order.dto.PaymentView;
import com.dealerops.quote.QuoteService;
import com.dealerops.settings.LeadSettings;
import com.dealerops.vehicle.VehicleService;
import com.dealerops.vehicle.VehicleStatus;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Orders from accepted quotes, and the money paid for them. A car is on one live order at most (a unique index),
 * an order is never paid more than its total (a CHECK), and its paid figure always equals its payments (a
 * constraint trigger at commit); this class explains those rules before PostgreSQL has to enforce them.
 */
@ApplicationScoped
public class OrderService {

    static final String RESOURCE_TYPE = "order";
    private static final SortKey<SalesOrder> NEWEST_FIRST = SortKey.descending("createdAt", Instant.class,
            o -> o.createdAt, o -> o.id);

    private final QuoteService quotes;
    private final LeadService leads;
    private final VehicleService vehicles;
    private final AuditTrail audit;
    private final Clock clock;

    public OrderService(QuoteService quotes, LeadService leads, VehicleService vehicles, AuditTrail audit,
            Clock clock) {
        this.quotes = quotes;
        this.leads = leads;
        this.vehicles = vehicles;
        this.audit = audit;
        this.clock = clock;
    }

    public static URI location(UUID id) {
        return URI.create("/api/v1/orders/" + id);
    }

    /** Confirms an order from an accepted quote: the car is RESERVED and the lead WON, in the same transaction. */
    @WithTransaction
    public Uni<Outcome> create(Caller caller, OrderInput input, LeadSettings leadSettings) {
        return quotes.acceptedForOrder(caller, input.quoteId())
                .call(quote -> Panache.getSession().chain(session -> session
                        .createSelectionQuery("from SalesOrder o where o.dealerId = :dealerId and o.quoteId = :quoteId "
                                + "and o.status <> :cancelled", SalesOrder.class)
                        .setParameter("cancelled", OrderStatus.CANCELLED)
                        .setParameter("dealerId", caller.dealerId()).setParameter("quoteId", quote.id)
                        .getSingleResultOrNull()).invoke(existing -> {
                            if (existing != null) {
                                throw ProblemException.conflict("order-exists", "Already ordered",
                                        "This quote has order " + existing.id, Map.of("orderId", existing.id));
                            }
                        }))
                // a lead lost or gone dormant since the quote was accepted is reopened first, not sold to silently
                .call(quote -> leads.statusOf(caller.dealerId(), quote.leadId).invoke(status -> {
                    if (!status.isOpen() && status != LeadStatus.WON) {
                        throw ProblemException.conflict("lead-closed", "Lead closed", "The quote's lead is " + status
                                + "; reopen it before ordering", Map.of("leadStatus", status.name()));
                    }
                }))
                .call(quote -> input.id() == null ? Uni.createFrom().voidItem()
                        : Panache.getSession().chain(session -> session.find(SalesOrder.class, input.id()))
                                .invoke(existing -> {
                                    if (existing != null) {
                                        throw ProblemException.idTaken(input.id());
                                    }
                                }))
                .chain(quote -> {
                    Instant now = Clocks.now(clock);
                    SalesOrder order = new SalesOrder();
                    order.id = input.id() != null ? input.id() : Ids.newId();
                    order.dealerId = caller.dealerId();
                    order.quoteId = quote.id;
                    order.quoteRevision = quote.revision;
                    order.leadId = quote.leadId;
                    order.customerId = quote.customerId;
                    order.salespersonId = quote.salespersonId;
                    order.vehicleId = quote.vehicleId;
                    order.currency = quote.currency;
                    order.content = quote.content;
                    order.total = quote.total;
                    order.paid = BigDecimal.ZERO.setScale(2);
                    order.cost = quote.cost;
                    order.grossMargin = quote.grossMargin;
                    order.status = OrderStatus.CONFIRMED;
                    order.createdBy = caller.staffId();
                    order.createdAt = now;
                    order.updatedAt = now;
                    Uni<Void> reserved = order.vehicleId == null ? Uni.createFrom().voidItem()
                            : vehicles.moveForOrder(caller, order.vehicleId, order.id, Set.of(VehicleStatus.IN_STOCK),
                                    VehicleStatus.RESERVED, "reserved for order " + number(order.id));
                    return reserved
                            .chain(() -> Panache.getSession().chain(session -> session.persist(order)
                                    .chain(session::flush)))
                            .chain(() -> leads.orderConfirmed(caller, order.leadId, leadSettings))
                            .call(() -> audit.record(caller, RESOURCE_TYPE, order.id, "CONFIRMED", Map.of(),
                                    snapshot(order)))
                            .map(ignored -> Outcome.created(location(order.id), order.version, view(caller, order)));
                });
    }

    /**
     * An order that lost a race PostgreSQL decided: the row lock on the car settles almost every one, the unique
     * indexes are the last word. Any other failure passes through.
     */
    static Throwable explainConflict(Throwable failure) {
        return DatabaseFailures.uniqueViolation(failure).<Throwable>map(constraint -> switch (constraint) {
            case "sales_order_vehicle_sold_once" -> ProblemException.conflict("vehicle-not-available",
                    "Vehicle not available", "The car is on another order", Map.of());
            case "sales_order_one_per_quote" -> ProblemException.conflict("order-exists", "Already ordered",
                    "This quote has an order already", Map.of());
            default -> failure;
        }).orElse(failure);
    }

    /**
     * Records money for an order. The same reference again with the same figures is the same payment (200, nothing
     * counted twice); with other figures it is a 409. Payments of one order take turns on the order's row lock.
     */
    @WithTransaction
    public Uni<Outcome> recordPayment(Caller caller, UUID orderId, PaymentInput input) {
        String reference = input.reference().trim();
        return locked(caller, orderId).chain(order -> Panache.getSession().chain(session -> session
                .createSelectionQuery("from OrderPayment p where p.dealerId = :dealerId and p.reference = :reference",
                        OrderPayment.class)
                .setParameter("dealerId", caller.dealerId()).setParameter("reference", reference)
                .getSingleResultOrNull())
                .chain(existing -> existing != null ? replay(caller, order, existing, input)
                        : record(caller, order, input, reference)));
    }

    private Uni<Outcome> replay(Caller caller, SalesOrder order, OrderPayment existing, PaymentInput input) {
        boolean same = existing.orderId.equals(order.id) && existing.kind == input.kind()
                && order.currency.equals(input.amount().currency())
                && existing.amount.compareTo(input.amount().amount()) == 0 && existing.method == input.method();
        if (!same) {
            throw ProblemException.conflict("reference-used", "Reference already recorded",
                    "Payment reference " + existing.reference + " is already recorded"
                            + (existing.orderId.equals(order.id) ? " for different figures" : " for another order"),
                    Map.of("existingPaymentId", existing.id));
        }
        return Uni.createFrom().item(Outcome.ok(order.version, new PaymentReceipt(paymentView(caller, existing, order.currency),
                view(caller, order))));
    }

    private Uni<Outcome> record(Caller caller, SalesOrder order, PaymentInput input, String reference) {
        if (!order.currency.equals(input.amount().currency())) {
            throw ProblemException.invalid("amount", "must be in " + order.currency + ", the order's currency");
        }
        Instant now = Clocks.now(clock);
        Instant paidAt = Clocks.input("paidAt", input.paidAt());
        if (paidAt.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw ProblemException.invalid("paidAt", "cannot be in the future");
        }
        BigDecimal amount = input.amount().amount().setScale(2);
        if (amount.signum() <= 0) {
            throw ProblemException.invalid("amount", "must be more than zero");
        }
        BigDecimal paid = order.paid;
        switch (input.kind()) {
            case DEPOSIT, PAYMENT -> {
                if (order.status == OrderStatus.CANCELLED || order.status == OrderStatus.DELIVERED) {
                    throw illegal(caller, order, "take payments");
                }
                if (input.kind() == PaymentKind.DEPOSIT && paid.signum() > 0) {
                    throw ProblemException.conflict("deposit-already-paid", "Deposit already paid",
                            "The deposit is the first payment; record later money as PAYMENT", Map.of());
                }
                BigDecimal outstanding = order.total.subtract(paid);
                if (amount.compareTo(outstanding) > 0) {
                    throw ProblemException.unprocessable("overpayment", "More than is owed",
                            "The order has " + outstanding + " " + order.currency + " outstanding; " + amount
                                    + " would overpay it");
                }
                paid = paid.add(amount);
            }
            case REFUND -> {
                if (order.status == OrderStatus.DELIVERED) {
                    throw illegal(caller, order, "be refunded");
                }
                BigDecimal refundable = order.status == OrderStatus.CANCELLED
                        ? paid.subtract(order.retainedAmount) : paid;
                if (amount.compareTo(refundable) > 0) {
                    throw ProblemException.unprocessable("refund-exceeds-paid", "More than can be refunded",
                            "At most " + refundable + " " + order.currency + " can be refunded"
                                    + (order.status == OrderStatus.CANCELLED ? " (paid less what the dealer keeps)"
                                            : ""));
                }
                paid = paid.subtract(amount);
            }
        }
        OrderPayment payment = new OrderPayment();
        payment.id = Ids.newId();
        payment.dealerId = order.dealerId;
        payment.orderId = order.id;
        payment.kind = input.kind();
        payment.amount = amount;
        payment.method = input.method();
        payment.payerName = input.payerName().trim();
        payment.payerAccount = input.payerAccount() == null || input.payerAccount().isBlank() ? null
                : input.payerAccount().trim();
        payment.reference = reference;
        payment.paidAt = paidAt;
        payment.note = input.note() == null || input.note().isBlank() ? null : input.note().trim();
        payment.recordedBy = caller.staffId();
        payment.recordedAt = now;

        Map<String, Object> before = snapshot(order);
        OrderStatus previous = order.status;
        order.paid = paid;
        if (order.status != OrderStatus.CANCELLED) {
            order.status = paid.signum() == 0 ? OrderStatus.CONFIRMED
                    : paid.compareTo(order.total) < 0 ? OrderStatus.DEPOSIT_PAID : OrderStatus.FULLY_PAID;
        }
        order.updatedAt = now;
        Uni<Void> car = Uni.createFrom().voidItem();
        if (order.vehicleId != null && previous != order.status) {
            if (order.status == OrderStatus.FULLY_PAID) {
                car = vehicles.moveForOrder(caller, order.vehicleId, order.id, Set.of(VehicleStatus.RESERVED),
                        VehicleStatus.SOLD, "order " + number(order.id) + " paid in full");
            } else if (previous == OrderStatus.FULLY_PAID) {
                car = vehicles.moveForOrder(caller, order.vehicleId, order.id, Set.of(VehicleStatus.SOLD),
                        VehicleStatus.RESERVED, "refund on order " + number(order.id));
            }
        }
        Map<String, Object> event = new LinkedHashMap<>(snapshot(order));
        event.put("payment", Map.of("id", payment.id.toString(), "kind", payment.kind.name(), "amount",
                amount.toPlainString(), "reference", reference));
        return car.chain(() -> Panache.getSession().chain(session -> session.persist(payment).chain(session::flush)))
                .call(() -> audit.record(caller, RESOURCE_TYPE, order.id, payment.kind == PaymentKind.REFUND
                        ? "REFUNDED" : "PAID", before, event))
                .map(ignored -> Outcome.created(URI.create(location(order.id) + "/payments"), order.version,
                        new PaymentReceipt(paymentView(caller, payment, order.currency), view(caller, order))));
    }

    /** Cancels an order before delivery: the car goes back to stock and the refund due is recorded. */
    @WithTransaction
    public Uni<Outcome> cancel(Caller caller, UUID id, Long expectedVersion, CancelInput input) {
        return locked(caller, id).chain(order -> {
            if (expectedVersion != null) {
                EntityTags.ensureCurrent(expectedVersion, order.version);
            }
            if (order.status == OrderStatus.CANCELLED || order.status == OrderStatus.DELIVERED) {
                throw illegal(caller, order, "be cancelled");
            }
            return scheduledDelivery(order).chain(delivery -> {
                if (delivery != null) {
                    throw ProblemException.conflict("delivery-scheduled", "Delivery scheduled", "The order has "
                            + "delivery " + delivery + " scheduled; cancel the delivery first",
                            Map.of("deliveryId", delivery));
                }
                return cancelLocked(caller, order, input);
            });
        });
    }

    /**
     * The order's scheduled delivery, if any. Deliveries lock the order's row before they are made or handed over,
     * so with the order locked here none appears or completes before this cancellation commits.
     */
    private Uni<UUID> scheduledDelivery(SalesOrder order) {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT id FROM delivery WHERE "
                + "dealer_id = :dealerId AND order_id = :orderId AND status = 'SCHEDULED'", UUID.class)
                .setParameter("dealerId", order.dealerId).setParameter("orderId", order.id).getSingleResultOrNull());
    }

    private Uni<Outcome> cancelLocked(Caller caller, SalesOrder order, CancelInput input) {
        BigDecimal retained = BigDecimal.ZERO.setScale(2);
        if (input.retainedAmount() != null) {
            if (!order.currency.equals(input.retainedAmount().currency())) {
                throw ProblemException.invalid("retainedAmount", "must be in " + order.currency);
            }
            retained = input.retainedAmount().amount().setScale(2);
            if (retained.compareTo(order.paid) > 0) {
                throw ProblemException.unprocessable("retained-exceeds-paid", "More than was paid",
                        "The dealer can keep at most what was paid: " + order.paid + " " + order.currency);
            }
        }
        Instant now = Clocks.now(clock);
        Map<String, Object> before = snapshot(order);
        order.status = OrderStatus.CANCELLED;
        order.cancelReason = input.reason().trim();
        order.retainedAmount = retained;
        order.cancelledBy = caller.staffId();
        order.cancelledAt = now;
        order.updatedAt = now;
        Uni<Void> car = order.vehicleId == null ? Uni.createFrom().voidItem()
                : vehicles.moveForOrder(caller, order.vehicleId, order.id,
                        Set.of(VehicleStatus.RESERVED, VehicleStatus.SOLD), VehicleStatus.IN_STOCK,
                        "order " + number(order.id) + " cancelled");
        return car.chain(() -> Panache.getSession().chain(session -> session.flush()))
                .call(() -> audit.record(caller, RESOURCE_TYPE, order.id, "CANCELLED", before, snapshot(order)))
                .map(ignored -> Outcome.ok(order.version, view(caller, order)));
    }

    /**
     * The order a delivery is for, its row locked so payments and a cancellation wait for the hand-over. Visibility
     * is the delivery's business: a colleague may hand over a salesperson's car. Joins the caller's transaction.
     */
    public Uni<SalesOrder> lockedForDelivery(Caller caller, UUID orderId) {
        return Panache.getSession().chain(session -> session.find(SalesOrder.class, orderId,
                LockModeType.PESSIMISTIC_WRITE)).map(order -> {
                    if (order == null || !order.dealerId.equals(caller.dealerId())) {
                        throw ProblemException.notFound("Order");
                    }
                    return order;
                });
    }

    /**
     * The car is handed over: a FULLY_PAID order becomes DELIVERED and its car goes from SOLD to DELIVERED, in the
     * caller's transaction (the order locked by {@link #lockedForDelivery}).
     */
    public Uni<Void> delivered(Caller caller, SalesOrder order, UUID deliveryId) {
        if (order.status != OrderStatus.FULLY_PAID) {
            throw illegal(caller, order, "be delivered");
        }
        Map<String, Object> before = snapshot(order);
        order.status = OrderStatus.DELIVERED;
        order.updatedAt = Clocks.now(clock);
        Map<String, Object> after = new LinkedHashMap<>(snapshot(order));
        after.put("deliveryId", deliveryId.toString());
        return vehicles.moveForOrder(caller, order.vehicleId, order.id, Set.of(VehicleStatus.SOLD),
                VehicleStatus.DELIVERED, "handed over on delivery " + deliveryId)
                .chain(() -> Panache.getSession().chain(session -> session.flush()))
                .call(() -> audit.record(caller, RESOURCE_TYPE, order.id, "DELIVERED", before, after))
                .replaceWithVoid();
    }

    @WithSession
    public Uni<OrderView> get(Caller caller, UUID id) {
        return visible(caller, id).map(order -> view(caller, order));
    }

    @WithSession
    public Uni<Page<OrderView>> list(Caller caller, List<OrderStatus> statuses, UUID salespersonId, UUID quoteId,
            String cursor, int limit) {
        StringBuilder where = new StringBuilder("e.dealerId = :dealerId");
        Map<String, Object> params = new HashMap<>();
        params.put("dealerId", caller.dealerId());
        if (!seesAll(caller) && salespersonId != null && !salespersonId.equals(caller.staffId())) {
            return Uni.createFrom().item(new Page<>(List.of(), null));
        }
        UUID salesperson = seesAll(caller) ? salespersonId : caller.staffId();
        if (salesperson != null) {
            where.append(" and e.salespersonId = :salesperson");
            params.put("salesperson", salesperson);
        }
        if (quoteId != null) {
            where.append(" and e.quoteId = :quoteId");
            params.put("quoteId", quoteId);
        }
        if (!statuses.isEmpty()) {
            where.append(" and e.status in :statuses");
            params.put("statuses", statuses);
        }
        return Panache.getSession().chain(session -> Keyset.page(session, SalesOrder.class, where.toString(), params,
                NEWEST_FIRST, cursor, limit))
                .map(page -> new Page<>(page.items().stream().map(o -> view(caller, o)).toList(), page.nextCursor()));
    }

    /** The order's payments and refunds in the order they happened: finance sees the payer's account. */
    @WithSession
    public Uni<List<PaymentView>> payments(Caller caller, UUID orderId) {
        return visible(caller, orderId).chain(order -> Panache.getSession().chain(session -> session
                .createSelectionQuery("from OrderPayment p where p.dealerId = :dealerId and p.orderId = :orderId "
                        + "order by p.paidAt, p.id", OrderPayment.class)
                .setParameter("dealerId", caller.dealerId()).setParameter("orderId", orderId).getResultList())
                .map(rows -> rows.stream().map(p -> paymentView(caller, p, order.currency)).toList()));
    }

    @WithSession
    public Uni<Page<HistoryEntry>> history(Caller caller, UUID id, String cursor, int limit) {
        return visible(caller, id).chain(order -> audit.history(caller.dealerId(), RESOURCE_TYPE, id, limit, cursor))
                .map(page -> new Page<>(page.items().stream()
                        .map(event -> HistoryEntry.of(event, caller.zone(), seesAll(caller)
                                ? HistoryEntry.FieldPolicy.ALL : STATUS_ONLY))
                        .toList(), page.nextCursor()));
    }

    /** Salespeople follow the payment status in the history, not the payments (references, kinds, amounts). */
    private static final HistoryEntry.FieldPolicy STATUS_ONLY = (field, value) ->
            "payment".equals(field) ? HistoryEntry.FieldPolicy.HIDDEN : value;

    private Uni<SalesOrder> visible(Caller caller, UUID id) {
        return Panache.getSession().chain(session -> session.find(SalesOrder.class, id)).map(order -> {
            if (order == null || !canSee(caller, order)) {
                throw ProblemException.notFound("Order");
            }
            return order;
        });
    }

    private Uni<SalesOrder> locked(Caller caller, UUID id) {
        return Panache.getSession().chain(session -> session.find(SalesOrder.class, id,
                LockModeType.PESSIMISTIC_WRITE)).map(order -> {
                    if (order == null || !canSee(caller, order)) {
                        throw ProblemException.notFound("Order");
                    }
                    return order;
                });
    }

    private ProblemException illegal(Caller caller, SalesOrder order, String action) {
        return ProblemException.illegalTransition("order", order.status, action, allowedActions(caller, order));
    }

    /** Salespeople see their own orders; sales managers and finance all. */
    static boolean seesAll(Caller caller) {
        return caller.hasAny(Role.SALES_MANAGER, Role.FINANCE);
    }

    private static boolean canSee(Caller caller, SalesOrder order) {
        return order.dealerId.equals(caller.dealerId())
                && (seesAll(caller) || caller.staffId().equals(order.salespersonId));
    }

    static List<String> allowedActions(Caller caller, SalesOrder order) {
        boolean finance = caller.has(Role.FINANCE);
        boolean cancels = caller.hasAny(Role.FINANCE, Role.SALES_MANAGER);
        return switch (order.status) {
            case CONFIRMED -> finance ? List.of("pay", "cancel") : cancels ? List.of("cancel") : List.of();
            case DEPOSIT_PAID, FULLY_PAID -> finance ? List.of("pay", "refund", "cancel")
                    : cancels ? List.of("cancel") : List.of();
            case CANCELLED -> finance && order.paid.compareTo(order.retainedAmount) > 0 ? List.of("refund")
                    : List.of();
            case DELIVERED -> List.of();
        };
    }

    OrderView view(Caller caller, SalesOrder o) {
        ZoneId zone = caller.zone();
        boolean profit = caller.hasAny(Role.SALES_MANAGER, Role.FINANCE);
        boolean cancelled = o.status == OrderStatus.CANCELLED;
        OrderView.Payments payments = new OrderView.Payments(money(o.total, o), money(o.paid, o),
                money(cancelled ? BigDecimal.ZERO.setScale(2) : o.total.subtract(o.paid), o),
                cancelled ? money(o.retainedAmount, o) : null,
                cancelled ? money(o.paid.subtract(o.retainedAmount), o) : null);
        return new OrderView(o.id, o.version, number(o.id), o.status, o.quoteId, o.quoteRevision, o.leadId,
                o.customerId, o.salespersonId, o.vehicleId, o.currency, o.content,
                profit ? new OrderView.Profit(o.cost == null ? null : money(o.cost, o),
                        o.grossMargin == null ? null : money(o.grossMargin, o)) : null,
                payments, o.cancelReason, Clocks.at(o.cancelledAt, zone), allowedActions(caller, o), Clocks.at(o.createdAt, zone),
                Clocks.at(o.updatedAt, zone));
    }

    private static PaymentView paymentView(Caller caller, OrderPayment p, String currency) {
        return new PaymentView(p.id, p.orderId, p.kind, new Money(p.amount, currency), p.method, p.payerName,
                caller.has(Role.FINANCE) ? p.payerAccount : null, p.reference, Clocks.at(p.paidAt, caller.zone()), p.note,
                p.recordedBy, Clocks.at(p.recordedAt, caller.zone()));
    }

    static String number(UUID id) {
        return "O-" + id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    private static Money money(BigDecimal amount, SalesOrder order) {
        return new Money(amount, order.currency);
    }

    private static Map<String, Object> snapshot(SalesOrder o) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("status", o.status.name());
        snapshot.put("total", o.total.toPlainString());
        snapshot.put("paid", o.paid.toPlainString());
        snapshot.put("vehicleId", o.vehicleId == null ? null : o.vehicleId.toString());
        snapshot.put("cancelReason", o.cancelReason);
        snapshot.put("retainedAmount", o.retainedAmount == null ? null : o.retainedAmount.toPlainString());
        return snapshot;
    }


}
