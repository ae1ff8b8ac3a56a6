package com.dealerops.stockcount;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.dealerops.common.Ids;
import com.dealerops.common.audit.AuditTrail;
import com.dealerops.common.concurrency.EntityTags;
import com.dealerops.common.error.DatabaseFailures;
import com.dealerops.common.error.ProblemException;
import com.dealerops.common.idempotency.Outcome;
import com.dealerops.common.paging.Keyset;
import com.dealerops.common.paging.Page;
import com.dealerops.common.paging.SortKey;
import com.dealerops.common.security.Caller;
import com.dealerops.common.time.Clocks;
import com.dealerops.stockcount.dto.Discrepancies;
import com.dealerops.stockcount.dto.ScanInput;
import com.dealerops.stockcount.dto.ScanView;
import com.dealerops.stockcount.dto.StockCountView;
import com.dealerops.vehicle.VehicleService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Stock counts: open one (one at a time per dealer), scan VINs into it (a VIN once), close it and keep what it
 * found. The database keeps a closed count closed; a scan racing a close either lands before it (the close waits
 * for it) or is refused.
 */
@ApplicationScoped
public class StockCountService {

    static final String RESOURCE_TYPE = "stock-count";
    static final String ONE_OPEN_CONSTRAINT = "stock_count_one_open_uq";
    private static final String CLOSED_CONSTRAINT = "stock_count_closed";
    private static final SortKey<StockCount> NEWEST_FIRST = SortKey.descending("openedAt", Instant.class,
            c -> c.openedAt, c -> c.id);

    private static final String SCAN = """
            INSERT INTO stock_count_scan (dealer_id, count_id, vin, location, scanned_by, scanned_at)
            VALUES (:dealerId, :countId, :vin, :location, :staffId, :now)
            ON CONFLICT (dealer_id, count_id, vin) DO NOTHING""";
    private static final String SCANNED = """
            SELECT jsonb_build_object('location', location, 'scannedBy', scanned_by, 'scannedAt', scanned_at,
                'scanned', (SELECT count(*) FROM stock_count_scan
                            WHERE dealer_id = :dealerId AND count_id = :countId))::text
            FROM stock_count_scan WHERE dealer_id = :dealerId AND count_id = :countId AND vin = :vin""";
    /** Everything a close finds, in one statement, as the JSON the count keeps. */
    private static final String DISCREPANCIES = """
            SELECT jsonb_build_object(
                'expected', (SELECT count(*) FROM vehicle
                             WHERE dealer_id = :dealerId AND status IN ('IN_STOCK', 'DEMO')),
                'scanned', (SELECT count(*) FROM stock_count_scan WHERE dealer_id = :dealerId AND count_id = :countId),
                'missing', COALESCE((
                    SELECT jsonb_agg(jsonb_build_object('vehicleId', v.id, 'vin', v.vin, 'make', v.make,
                        'model', v.model, 'status', v.status, 'location', v.location) ORDER BY v.vin)
                    FROM vehicle v
                    WHERE v.dealer_id = :dealerId AND v.status IN ('IN_STOCK', 'DEMO')
                      AND NOT EXISTS (SELECT 1 FROM stock_count_scan s
                                      WHERE s.dealer_id = v.dealer_id AND s.count_id = :countId AND s.vin = v.vin)),
                    '[]'::jsonb),
                'notInSystem', COALESCE((
                    SELECT jsonb_agg(jsonb_build_object('vin', s.vin, 'location', s.location) ORDER BY s.vin)
                    FROM stock_count_scan s
                    WHERE s.dealer_id = :dealerId AND s.count_id = :countId
                      AND NOT EXISTS (SELECT 1 FROM vehicle v WHERE v.dealer_id = s.dealer_id AND v.vin = s.vin)),
                    '[]'::jsonb),
                'notInStock', COALESCE((
                    SELECT jsonb_agg(jsonb_build_object('vehicleId', v.id, 'vin', v.vin, 'status', v.status)
                                     ORDER BY v.vin)
                    FROM stock_count_scan s JOIN vehicle v ON v.dealer_id = s.dealer_id AND v.vin = s.vin
                    WHERE s.dealer_id = :dealerId AND s.count_id = :countId
                      AND v.status NOT IN ('IN_STOCK', 'DEMO')),
                    '[]'::jsonb))::text""";

    private final AuditTrail audit;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public StockCountService(AuditTrail audit, ObjectMapper objectMapper, Clock clock) {
        this.audit = audit;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    public static URI location(UUID id) {
        return URI.create("/api/v1/stock-counts/" + id);
    }

    @WithTransaction
    public Uni<Outcome> open(Caller caller, String note) {
        return openCount(caller).chain(open -> {
            if (open != null) {
                throw alreadyOpen(open.id);
            }
            StockCount count = new StockCount();
            count.id = Ids.newId();
            count.dealerId = caller.dealerId();
            count.status = StockCount.Status.OPEN;
            count.note = note == null || note.isBlank() ? null : note.trim();
            count.openedBy = caller.staffId();
            count.openedAt = Clocks.now(clock);
            Map<String, Object> opened = new LinkedHashMap<>();
            opened.put("status", "OPEN");
            opened.put("note", count.note);
            return Panache.getSession().chain(session -> session.persist(count).chain(session::flush))
                    .call(() -> audit.record(caller, RESOURCE_TYPE, count.id, "OPENED", Map.of(), opened))
                    .map(ignored -> Outcome.created(location(count.id), count.version, toView(count, caller)));
        });
    }

    /** A concurrent open that lost on the one-open-count index gets the same 409 as the check gives. */
    @WithSession
    public Uni<Void> explainConflict(Caller caller, Throwable failure) {
        if (DatabaseFailures.uniqueViolation(failure).filter(ONE_OPEN_CONSTRAINT::equals).isPresent()) {
            return openCount(caller).chain(open -> Uni.createFrom().failure(alreadyOpen(open == null ? null
                    : open.id)));
        }
        return Uni.createFrom().failure(failure);
    }

    @WithSession
    public Uni<StockCountView> get(Caller caller, UUID id) {
        return find(caller, id).map(count -> toView(count, caller));
    }

    @WithSession
    public Uni<Page<StockCountView>> list(Caller caller, String cursor, int limit) {
        return Panache.getSession().chain(session -> Keyset.page(session, StockCount.class,
                "e.dealerId = :dealerId", Map.of("dealerId", caller.dealerId()), NEWEST_FIRST, cursor, limit))
                .map(page -> new Page<>(page.items().stream().map(c -> toView(c, caller)).toList(),
                        page.nextCursor()));
    }

    /** Records a scan; the same VIN again is the same scan (200 instead of 201). */
    @WithTransaction
    public Uni<Outcome> scan(Caller caller, UUID id, ScanInput input) {
        String vin = VehicleService.validVin(input.vin());
        String location = input.location() == null || input.location().isBlank() ? null : input.location().trim();
        return find(caller, id).chain(count -> {
            if (count.status != StockCount.Status.OPEN) {
                throw closed(count.id);
            }
            return Panache.getSession().chain(session -> session.createNativeQuery(SCAN)
                    .setParameter("dealerId", caller.dealerId()).setParameter("countId", id)
                    .setParameter("vin", vin).setParameter("location", location)
                    .setParameter("staffId", caller.staffId())
                    .setParameter("now", Clocks.now(clock).atOffset(ZoneOffset.UTC))
                    .executeUpdate()
                    .chain(inserted -> session.createNativeQuery(SCANNED, String.class)
                            .setParameter("dealerId", caller.dealerId()).setParameter("countId", id)
                            .setParameter("vin", vin).getSingleResult()
                            .map(json -> new Outcome(inserted == 1 ? 201 : 200, scanView(id, vin, json, caller),
                                    null, null))));
        }).onFailure(this::closedMeanwhile).transform(failure -> closed(id));
    }

    @WithTransaction
    public Uni<Outcome> close(Caller caller, UUID id, Long expectedVersion) {
        // the row lock makes scans in flight finish first (they hold a share lock on the count) and later ones fail
        return Panache.getSession().chain(session -> session.find(StockCount.class, id,
                LockModeType.PESSIMISTIC_WRITE).chain(count -> {
                    if (count == null || !count.dealerId.equals(caller.dealerId())) {
                        throw ProblemException.notFound("Stock count");
                    }
                    if (expectedVersion != null) {
                        EntityTags.ensureCurrent(expectedVersion, count.version);
                    }
                    if (count.status != StockCount.Status.OPEN) {
                        throw closed(count.id);
                    }
                    return session.createNativeQuery(DISCREPANCIES, String.class)
                            .setParameter("dealerId", caller.dealerId()).setParameter("countId", id)
                            .getSingleResult()
                            .chain(json -> {
                                try {
                                    count.discrepancies = objectMapper.readValue(json, Discrepancies.class);
                                } catch (JsonProcessingException e) {
                                    return Uni.createFrom().failure(new IllegalStateException(e));
                                }
                                count.status = StockCount.Status.CLOSED;
                                count.closedBy = caller.staffId();
                                count.closedAt = Clocks.now(clock);
                                Map<String, Object> found = new LinkedHashMap<>();
                                found.put("status", "CLOSED");
                                found.put("expected", count.discrepancies.expected());
                                found.put("scanned", count.discrepancies.scanned());
                                found.put("missing", count.discrepancies.missing().size());
                                found.put("notInSystem", count.discrepancies.notInSystem().size());
                                found.put("notInStock", count.discrepancies.notInStock().size());
                                return session.flush()
                                        .call(() -> audit.record(caller, RESOURCE_TYPE, id, "CLOSED",
                                                Map.of("status", "OPEN"), found))
                                        .map(ignored -> Outcome.ok(count.version, toView(count, caller)));
                            });
                }));
    }

    private Uni<StockCount> find(Caller caller, UUID id) {
        return Panache.getSession().chain(session -> session.find(StockCount.class, id)).map(count -> {
            if (count == null || !count.dealerId.equals(caller.dealerId())) {
                throw ProblemException.notFound("Stock count");
            }
            return count;
        });
    }

    private Uni<StockCount> openCount(Caller caller) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "from StockCount where dealerId = :dealerId and status = :open", StockCount.class)
                .setParameter("dealerId", caller.dealerId()).setParameter("open", StockCount.Status.OPEN)
                .getSingleResultOrNull());
    }

    private boolean closedMeanwhile(Throwable failure) {
        return DatabaseFailures.sqlError(failure).filter(error -> CLOSED_CONSTRAINT.equals(error.constraint()))
                .isPresent();
    }

    private ScanView scanView(UUID countId, String vin, String json, Caller caller) {
        try {
            JsonNode row = objectMapper.readTree(json);
            return new ScanView(countId, vin, row.path("location").isNull() ? null : row.path("location").asText(),
                    UUID.fromString(row.path("scannedBy").asText()),
                    OffsetDateTime.parse(row.path("scannedAt").asText()).atZoneSameInstant(caller.zone())
                            .toOffsetDateTime(), row.path("scanned").asLong());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable scan", e);
        }
    }

    static StockCountView toView(StockCount c, Caller caller) {
        return new StockCountView(c.id, c.version, c.status, c.note, c.openedBy,
                c.openedAt.atZone(caller.zone()).toOffsetDateTime(), c.closedBy,
                c.closedAt == null ? null : c.closedAt.atZone(caller.zone()).toOffsetDateTime(), c.discrepancies);
    }

    private static ProblemException alreadyOpen(UUID openCountId) {
        return ProblemException.conflict("stock-count-open", "A count is open",
                "Close the open stock count before starting another",
                openCountId == null ? Map.of() : Map.of("openCountId", openCountId));
    }

    private static ProblemException closed(UUID id) {
        return ProblemException.conflict("stock-count-closed", "Stock count closed",
                "Stock count " + id + " is closed and can no longer change", Map.of());
    }
}
