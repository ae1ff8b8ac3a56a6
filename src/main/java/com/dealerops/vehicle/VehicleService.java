package com.dealerops.vehicle;

import static com.dealerops.common.Texts.blankToNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import com.dealerops.common.error.DatabaseFailures;
import com.dealerops.common.error.ProblemException;
import com.dealerops.common.idempotency.Outcome;
import com.dealerops.common.json.MergePatch;
import com.dealerops.common.money.Money;
import com.dealerops.common.paging.Page;
import com.dealerops.common.paging.SortKey;
import com.dealerops.common.security.Caller;
import com.dealerops.common.security.Role;
import com.dealerops.common.time.Clocks;
import com.dealerops.vehicle.dto.AgeingReport;
import com.dealerops.vehicle.dto.VehicleInput;
import com.dealerops.vehicle.dto.VehiclePatch;
import com.dealerops.vehicle.dto.VehicleView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The rules of the stock: valid and unique VINs, who sees costs, which status changes exist, stock age. */
@ApplicationScoped
public class VehicleService {

    static final String RESOURCE_TYPE = "vehicle";
    private static final String VIN_CONSTRAINT = "vehicle_vin_uq";
    private static final String STOCK_NUMBER_CONSTRAINT = "vehicle_stock_number_uq";

    private final VehicleRepository vehicles;
    private final VehicleListQuery listQuery;
    private final AuditTrail audit;
    private final Validator validator;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public VehicleService(VehicleRepository vehicles, VehicleListQuery listQuery, AuditTrail audit,
            Validator validator, ObjectMapper objectMapper, Clock clock) {
        this.vehicles = vehicles;
        this.listQuery = listQuery;
        this.audit = audit;
        this.validator = validator;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    public static URI location(UUID id) {
        return URI.create("/api/v1/vehicles/" + id);
    }

    /** The VIN in capitals, or a 400 naming the position that fails. */
    public static String validVin(String raw) {
        String vin = Vin.normalize(raw);
        Vin.problem(vin).ifPresent(problem -> {
            throw ProblemException.invalid("vin", problem);
        });
        return vin;
    }

    @WithTransaction
    public Uni<Outcome> create(Caller caller, VehicleInput input, String dealerCurrency) {
        checkCurrency("listPrice", input.listPrice(), dealerCurrency);
        checkCurrency("costPrice", input.costPrice(), dealerCurrency);
        String vin = validVin(input.vin());
        VehicleStatus status = input.initialStatus() == null ? VehicleStatus.IN_TRANSIT : input.initialStatus();
        if (status != VehicleStatus.IN_TRANSIT && status != VehicleStatus.IN_STOCK) {
            throw ProblemException.invalid("initialStatus", "must be IN_TRANSIT or IN_STOCK; later statuses are "
                    + "reached through POST /api/v1/vehicles/{id}/status");
        }
        UUID id = input.id() != null ? input.id() : Ids.newId();
        Instant now = Clocks.now(clock);
        Vehicle vehicle = new Vehicle();
        vehicle.id = id;
        vehicle.dealerId = caller.dealerId();
        vehicle.vin = vin;
        vehicle.status = status;
        vehicle.createdAt = now;
        vehicle.updatedAt = now;
        apply(vehicle, input.stockNumber(), input.make(), input.model(), input.trim(), input.modelYear(),
                input.exteriorColour(), input.interiorColour(), input.options(), input.arrivalDate(),
                input.location(), input.listPrice(), input.costPrice(), input.purchaseDate(), input.supplier());
        if (status == VehicleStatus.IN_STOCK && vehicle.arrivalDate == null) {
            vehicle.arrivalDate = today(caller);
        }
        Uni<Void> idFree = input.id() == null ? Uni.createFrom().voidItem()
                : vehicles.findById(id).invoke(existing -> {
                    if (existing != null) {
                        throw ProblemException.idTaken(id);
                    }
                }).replaceWithVoid();
        return idFree.chain(() -> ensureUnique(caller, vehicle.id, vehicle.vin, vehicle.stockNumber))
                .chain(() -> vehicles.persistAndFlush(vehicle))
                .call(saved -> audit.record(caller, RESOURCE_TYPE, id, "CREATED", Map.of(),
                        VehicleMapper.auditSnapshot(saved)))
                .map(saved -> Outcome.created(location(id), saved.version,
                        VehicleMapper.toView(saved, caller, today(caller))));
    }

    @WithSession
    public Uni<VehicleView> get(Caller caller, UUID id) {
        return vehicles.findInDealer(caller.dealerId(), id).map(vehicle -> {
            if (vehicle == null || !VehicleAccess.canSee(caller, vehicle)) {
                throw ProblemException.notFound("Vehicle");
            }
            return VehicleMapper.toView(vehicle, caller, today(caller));
        });
    }

    public Uni<Page<VehicleView>> list(Caller caller, VehicleListQuery.Filter requested, String sortName,
            String cursor, int limit) {
        SortKey<Vehicle> fallback = requested.updatedSince() != null ? VehicleListQuery.UPDATED_FIRST_TO_LAST
                : VehicleListQuery.NEWEST_FIRST;
        SortKey<Vehicle> sort = SortKey.parse(sortName, VehicleListQuery.SORTS, fallback);
        VehicleListQuery.Filter filter = requested;
        if (VehicleAccess.publicOnly(caller) && requested.freeFrom() != null) {
            throw ProblemException.invalid("freeFrom", "is not available to third parties");
        }
        if (VehicleAccess.publicOnly(caller)
                && (requested.minStockAgeDays() != null || requested.maxStockAgeDays() != null)) {
            // stock age is not in integration's view, so it is not in its filters either
            throw ProblemException.invalid(requested.minStockAgeDays() != null ? "minStockAgeDays"
                    : "maxStockAgeDays", "is not available to third parties");
        }
        if (VehicleAccess.publicOnly(caller)) {
            if (!requested.statuses().isEmpty() && !requested.statuses().contains(VehicleStatus.IN_STOCK)) {
                return Uni.createFrom().item(new Page<>(List.of(), null));
            }
            // a delta sync also gets the cars that left public stock, as tombstones (the mapper hides the rest)
            filter = new VehicleListQuery.Filter(requested.make(), requested.model(), requested.trim(),
                    requested.colour(), requested.updatedSince() != null ? List.of() : List.of(VehicleStatus.IN_STOCK),
                    requested.minPrice(), requested.maxPrice(), null, null, requested.updatedSince(), null, null);
        }
        LocalDate today = today(caller);
        return listQuery.list(caller.dealerId(), filter, today, sort, cursor, limit)
                .map(page -> new Page<>(page.items().stream().map(v -> VehicleMapper.toView(v, caller, today))
                        .toList(), page.nextCursor()));
    }

    @WithTransaction
    public Uni<Outcome> patch(Caller caller, UUID id, long expectedVersion, JsonNode patch, String dealerCurrency) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("A merge patch must be a JSON object");
        }
        for (String required : List.of("vin", "make", "model", "listPrice")) {
            if (patch.has(required) && patch.get(required).isNull()) {
                throw ProblemException.invalid(required, "cannot be cleared");
            }
        }
        if ((patch.has("costPrice") || patch.has("purchaseDate") || patch.has("supplier"))
                && !VehicleAccess.seesCost(caller)) {
            throw ProblemException.forbidden("Cost and purchase data are for finance, sales managers and admins");
        }
        try {
            objectMapper.treeToValue(patch, VehiclePatch.class); // names and types of the fields sent
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return vehicles.findInDealer(caller.dealerId(), id).chain(vehicle -> {
            if (vehicle == null) {
                throw ProblemException.notFound("Vehicle");
            }
            EntityTags.ensureCurrent(expectedVersion, vehicle.version);
            VehiclePatch merged;
            try {
                JsonNode current = objectMapper.valueToTree(toPatch(vehicle));
                merged = objectMapper.treeToValue(MergePatch.apply(current, patch), VehiclePatch.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return Uni.createFrom().failure(e);
            }
            validate(merged);
            checkCurrency("listPrice", merged.listPrice(), dealerCurrency);
            checkCurrency("costPrice", merged.costPrice(), dealerCurrency);
            String vin = validVin(merged.vin());
            String stockNumber = blankToNull(merged.stockNumber());
            // checked before the entity changes: a query after it would flush the change into the unique index first
            boolean identityChanged = !vin.equals(vehicle.vin)
                    || (stockNumber != null && !stockNumber.equals(vehicle.stockNumber));
            Uni<Void> unique = identityChanged ? ensureUnique(caller, vehicle.id, vin, stockNumber)
                    : Uni.createFrom().voidItem();
            return unique.chain(() -> write(caller, vehicle, vin, merged));
        });
    }

    /** Applies a validated patch whose VIN and stock number are known to be free. */
    private Uni<Outcome> write(Caller caller, Vehicle vehicle, String vin, VehiclePatch merged) {
        Map<String, Object> before = VehicleMapper.auditSnapshot(vehicle);
        vehicle.vin = vin;
        apply(vehicle, merged.stockNumber(), merged.make(), merged.model(), merged.trim(), merged.modelYear(),
                merged.exteriorColour(), merged.interiorColour(), merged.options(), merged.arrivalDate(),
                merged.location(), merged.listPrice(), merged.costPrice(), merged.purchaseDate(),
                merged.supplier());
        if (vehicle.status != VehicleStatus.IN_TRANSIT && vehicle.status != VehicleStatus.UNAVAILABLE
                && vehicle.arrivalDate == null) {
            throw ProblemException.invalid("arrivalDate", "a vehicle on the lot has an arrival date");
        }
        Map<String, Object> after = VehicleMapper.auditSnapshot(vehicle);
        if (before.equals(after)) {
            return Uni.createFrom().item(Outcome.ok(vehicle.version,
                    VehicleMapper.toView(vehicle, caller, today(caller))));
        }
        vehicle.updatedAt = Clocks.now(clock);
        return vehicles.flush()
                .call(() -> audit.record(caller, RESOURCE_TYPE, vehicle.id, "UPDATED", before, after))
                .map(ignored -> Outcome.ok(vehicle.version, VehicleMapper.toView(vehicle, caller,
                        today(caller))));
    }

    /** A status change by its rule: who may make it, whether it needs a reason; 409 for one that does not exist. */
    @WithTransaction
    public Uni<Outcome> changeStatus(Caller caller, UUID id, Long expectedVersion, VehicleStatus to, String reason) {
        // locked first: a test drive being booked holds the car FOR SHARE, so one of the two waits for the other
        return vehicles.findInDealerForUpdate(caller.dealerId(), id).call(vehicle -> vehicle == null
                || vehicle.status != VehicleStatus.DEMO || to == VehicleStatus.DEMO ? Uni.createFrom().voidItem()
                : vehicles.openTestDrives(caller.dealerId(), id).invoke(open -> {
                    if (open > 0) {
                        throw ProblemException.conflict("car-has-test-drives", "Booked for test drives",
                                "This demo car has " + open + " test drive(s) scheduled or under way; cancel or "
                                        + "finish them first", Map.of("openTestDrives", open));
                    }
                }))
                // a car on an order moves with the order (payments, cancellation), never by hand
                .call(vehicle -> vehicle == null ? Uni.createFrom().voidItem()
                        : vehicles.liveOrder(caller.dealerId(), id).invoke(order -> {
                            if (order != null) {
                                throw ProblemException.conflict("car-on-order", "On an order",
                                        "This car is on order " + order + "; it moves with the order (payment, "
                                                + "cancellation, delivery)", Map.of("orderId", order));
                            }
                        }))
                .chain(vehicle -> {
            if (vehicle == null) {
                throw ProblemException.notFound("Vehicle");
            }
            if (expectedVersion != null) {
                EntityTags.ensureCurrent(expectedVersion, vehicle.version);
            }
            StatusRules.Rule rule = StatusRules.find(vehicle.status, to);
            if (rule == null) {
                List<String> allowed = StatusRules.targetsFrom(vehicle.status).stream().map(Enum::name).toList();
                throw ProblemException.conflict("illegal-transition", "Illegal transition",
                        "A " + vehicle.status + " vehicle cannot become " + to + "; it can become: "
                                + (allowed.isEmpty() ? "nothing" : String.join(", ", allowed)),
                        Map.of("currentStatus", vehicle.status.name(), "allowedStatuses", allowed));
            }
            if (rule.roles().stream().noneMatch(caller::has)) {
                throw ProblemException.forbidden(vehicle.status + " → " + to + " is for "
                        + String.join(", ", rule.roles().stream().map(Role::claimValue).sorted().toList()));
            }
            String why = reason == null || reason.isBlank() ? null : reason.trim();
            if (rule.reasonRequired() && why == null) {
                throw ProblemException.invalid("reason", "is required for " + vehicle.status + " → " + to);
            }
            Map<String, Object> before = VehicleMapper.auditSnapshot(vehicle);
            vehicle.status = to;
            vehicle.unavailableReason = to == VehicleStatus.UNAVAILABLE ? why : null;
            if (to == VehicleStatus.IN_STOCK && vehicle.arrivalDate == null) {
                vehicle.arrivalDate = today(caller);
            }
            vehicle.updatedAt = Clocks.now(clock);
            Map<String, Object> after = new java.util.LinkedHashMap<>(VehicleMapper.auditSnapshot(vehicle));
            if (why != null) {
                after.put("reason", why);
            }
            return vehicles.flush()
                    .call(() -> audit.record(caller, RESOURCE_TYPE, id, "STATUS_CHANGED", before, after))
                    .map(ignored -> Outcome.ok(vehicle.version, VehicleMapper.toView(vehicle, caller,
                            today(caller))));
        });
    }

    /**
     * Sales orders move the car themselves, outside the manual rule table: reserved by an order (IN_STOCK →
     * RESERVED), sold when it is paid in full (RESERVED → SOLD, back when a refund undoes that), and released by a
     * cancellation (RESERVED or SOLD → IN_STOCK). Each move is in the car's history with the order's id. Joins the
     * caller's transaction and locks the car, so two orders for one car wait for each other; 409
     * vehicle-not-available when the car is not where the order needs it.
     */
    public Uni<Void> moveForOrder(Caller caller, UUID vehicleId, UUID orderId, Set<VehicleStatus> from,
            VehicleStatus to, String why) {
        return vehicles.findInDealerForUpdate(caller.dealerId(), vehicleId).chain(vehicle -> {
            if (vehicle == null) {
                throw ProblemException.unprocessable("unknown-vehicle", "Unknown vehicle",
                        "The quote's vehicle is no longer a vehicle of this dealer");
            }
            if (!from.contains(vehicle.status)) {
                throw ProblemException.conflict("vehicle-not-available", "Vehicle not available",
                        "The car is " + vehicle.status + "; an order needs it "
                                + String.join(" or ", from.stream().map(Enum::name).sorted().toList()),
                        Map.of("vehicleStatus", vehicle.status.name()));
            }
            Map<String, Object> before = VehicleMapper.auditSnapshot(vehicle);
            vehicle.status = to;
            vehicle.unavailableReason = null;
            vehicle.updatedAt = Clocks.now(clock);
            Map<String, Object> after = new java.util.LinkedHashMap<>(VehicleMapper.auditSnapshot(vehicle));
            after.put("reason", why);
            after.put("orderId", orderId.toString());
            return vehicles.flush()
                    .call(() -> audit.record(caller, RESOURCE_TYPE, vehicleId, "STATUS_CHANGED", before, after))
                    .replaceWithVoid();
        });
    }

    @WithSession
    public Uni<Page<HistoryEntry>> history(Caller caller, UUID id, String cursor, int limit) {
        return vehicles.findInDealer(caller.dealerId(), id).chain(vehicle -> {
            if (vehicle == null) {
                throw ProblemException.notFound("Vehicle");
            }
            return audit.history(caller.dealerId(), RESOURCE_TYPE, id, limit, cursor)
                    .map(page -> new Page<>(page.items().stream()
                            .map(event -> HistoryEntry.of(event, caller.zone(), HistoryEntry.FieldPolicy.ALL))
                            .toList(), page.nextCursor()));
        });
    }

    /** Stock on the lot by age bucket, with list and cost value. */
    public Uni<AgeingReport> ageing(Caller caller, String currency) {
        LocalDate today = today(caller);
        List<VehicleStatus> statuses = List.copyOf(VehicleMapper.ON_THE_LOT);
        return listQuery.ageing(caller.dealerId(), today, statuses).map(rows -> {
            List<AgeingReport.Bucket> buckets = new ArrayList<>();
            long vehiclesTotal = 0;
            long withoutCostTotal = 0;
            BigDecimal listTotal = BigDecimal.ZERO;
            BigDecimal costTotal = BigDecimal.ZERO;
            for (int i = 0; i < VehicleListQuery.BUCKETS.size(); i++) {
                int bucket = i;
                VehicleListQuery.AgeRow row = rows.stream().filter(r -> r.bucket() == bucket).findFirst()
                        .orElse(new VehicleListQuery.AgeRow(bucket, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0));
                buckets.add(new AgeingReport.Bucket(VehicleListQuery.BUCKETS.get(i), row.vehicles(),
                        VehicleMapper.money(row.listValue(), currency), VehicleMapper.money(row.costValue(), currency),
                        row.withoutCost()));
                vehiclesTotal += row.vehicles();
                withoutCostTotal += row.withoutCost();
                listTotal = listTotal.add(row.listValue());
                costTotal = costTotal.add(row.costValue());
            }
            return new AgeingReport(today, statuses.stream().map(Enum::name).sorted().toList(), buckets,
                    new AgeingReport.Bucket("all", vehiclesTotal, VehicleMapper.money(listTotal, currency),
                            VehicleMapper.money(costTotal, currency), withoutCostTotal));
        });
    }

    /**
     * A concurrent create or edit can pass the uniqueness check and still lose on the unique index; this turns that
     * failure (after its transaction rolled back) into the same 409 the check gives.
     */
    @WithSession
    public Uni<Void> explainConflict(Caller caller, String rawVin, Throwable failure) {
        var constraint = DatabaseFailures.uniqueViolation(failure);
        if (constraint.isPresent() && constraint.get().equals(VIN_CONSTRAINT) && rawVin != null) {
            return vehicles.findByVin(caller.dealerId(), Vin.normalize(rawVin))
                    .chain(existing -> Uni.createFrom().failure(duplicateVin(existing == null ? null : existing.id)));
        }
        if (constraint.isPresent() && constraint.get().equals(STOCK_NUMBER_CONSTRAINT)) {
            return Uni.createFrom().failure(ProblemException.conflict("duplicate-stock-number",
                    "Duplicate stock number", "Another vehicle of this dealer has this stock number", Map.of()));
        }
        return Uni.createFrom().failure(failure);
    }

    private Uni<Void> ensureUnique(Caller caller, UUID self, String vin, String stockNumber) {
        return vehicles.findByVin(caller.dealerId(), vin).invoke(existing -> {
            if (existing != null && !existing.id.equals(self)) {
                throw duplicateVin(existing.id);
            }
        }).chain(() -> stockNumber == null ? Uni.createFrom().nullItem()
                : vehicles.findByStockNumber(caller.dealerId(), stockNumber)).invoke(existing -> {
                    if (existing != null && !existing.id.equals(self)) {
                        throw ProblemException.conflict("duplicate-stock-number", "Duplicate stock number",
                                "Another vehicle of this dealer has this stock number",
                                Map.of("existingVehicleId", existing.id));
                    }
                }).replaceWithVoid();
    }

    /** A dealer's stock is priced in the dealer's currency, so that its values add up. */
    private static void checkCurrency(String field, Money money, String dealerCurrency) {
        if (money != null && !money.currency().equals(dealerCurrency)) {
            throw ProblemException.invalid(field + ".currency", "must be the dealer's currency, " + dealerCurrency);
        }
    }

    private static ProblemException duplicateVin(UUID existing) {
        return ProblemException.conflict("duplicate-vin", "Duplicate VIN",
                "A vehicle of this dealer already has this VIN",
                existing == null ? Map.of() : Map.of("existingVehicleId", existing));
    }

    private static void apply(Vehicle v, String stockNumber, String make, String model, String trim, Integer modelYear,
            String exteriorColour, String interiorColour, List<String> options, LocalDate arrivalDate,
            String location, Money listPrice, Money costPrice, LocalDate purchaseDate, String supplier) {
        if (costPrice != null && !costPrice.currency().equals(listPrice.currency())) {
            throw ProblemException.invalid("costPrice.currency", "must be listPrice's currency, "
                    + listPrice.currency());
        }
        v.stockNumber = blankToNull(stockNumber);
        v.make = make.trim();
        v.model = model.trim();
        v.trim = blankToNull(trim);
        v.modelYear = modelYear;
        v.exteriorColour = blankToNull(exteriorColour);
        v.interiorColour = blankToNull(interiorColour);
        v.options = new Vehicle.Options(options == null ? List.of() : options.stream().map(String::trim).toList());
        v.arrivalDate = arrivalDate;
        v.location = blankToNull(location);
        v.currency = listPrice.currency();
        v.listPrice = listPrice.amount().setScale(2, RoundingMode.HALF_UP);
        v.costPrice = costPrice == null ? null : costPrice.amount().setScale(2, RoundingMode.HALF_UP);
        v.purchaseDate = purchaseDate;
        v.supplier = blankToNull(supplier);
    }

    private static VehiclePatch toPatch(Vehicle v) {
        return new VehiclePatch(v.vin, v.stockNumber, v.make, v.model, v.trim, v.modelYear, v.exteriorColour,
                v.interiorColour, v.options.items(), v.arrivalDate, v.location,
                VehicleMapper.money(v.listPrice, v.currency), VehicleMapper.money(v.costPrice, v.currency),
                v.purchaseDate, v.supplier);
    }

    private LocalDate today(Caller caller) {
        return LocalDate.ofInstant(clock.instant(), caller.zone());
    }


    private <T> void validate(T input) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
