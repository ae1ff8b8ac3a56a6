package com.dealerops.vehicle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.dealerops.common.db.SqlConditions;
import com.dealerops.common.paging.Page;
import com.dealerops.common.paging.SortKey;
import com.dealerops.common.paging.SqlKeyset;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The tablet's stock search and the ageing report, each one statement on the reactive SQL client. */
@ApplicationScoped
public class VehicleListQuery {

    /** What a search may be narrowed by; null or empty means "any". */
    public record Filter(String make, String model, String trim, String colour, List<VehicleStatus> statuses,
            BigDecimal minPrice, BigDecimal maxPrice, Integer minStockAgeDays, Integer maxStockAgeDays,
            Instant updatedSince, Instant freeFrom, Instant freeUntil) {
    }

    static final SortKey<Vehicle> NEWEST_FIRST = SortKey.descending("createdAt", Instant.class, v -> v.createdAt,
            v -> v.id);
    static final SortKey<Vehicle> UPDATED_FIRST_TO_LAST = SortKey.ascending("updatedAt", Instant.class,
            v -> v.updatedAt, v -> v.id);
    static final List<SortKey<Vehicle>> SORTS = List.of(
            NEWEST_FIRST,
            SortKey.ascending("createdAt", Instant.class, v -> v.createdAt, v -> v.id),
            SortKey.ascending("listPrice", BigDecimal.class, v -> v.listPrice, v -> v.id),
            SortKey.descending("listPrice", BigDecimal.class, v -> v.listPrice, v -> v.id),
            UPDATED_FIRST_TO_LAST,
            SortKey.descending("updatedAt", Instant.class, v -> v.updatedAt, v -> v.id));

    private static final String SELECT = "SELECT id, version, vin, stock_number, make, model, trim, model_year, "
            + "exterior_colour, interior_colour, options::text, status, arrival_date, location, currency, list_price, "
            + "cost_price, purchase_date, supplier, unavailable_reason, created_at, updated_at FROM vehicle";
    private static final String AGEING = """
            SELECT CASE WHEN age <= 30 THEN 0 WHEN age <= 60 THEN 1 WHEN age <= 90 THEN 2 ELSE 3 END AS bucket,
                   count(*), sum(list_price), sum(coalesce(cost_price, 0)), count(*) FILTER (WHERE cost_price IS NULL)
            FROM (SELECT $2::date - arrival_date AS age, list_price, cost_price FROM vehicle
                  WHERE dealer_id = $1 AND status = ANY($3) AND arrival_date IS NOT NULL) AS stock
            GROUP BY 1 ORDER BY 1""";
    static final List<String> BUCKETS = List.of("0-30", "31-60", "61-90", ">90");

    private final Pool pool;
    private final ObjectMapper objectMapper;

    public VehicleListQuery(Pool pool, ObjectMapper objectMapper) {
        this.pool = pool;
        this.objectMapper = objectMapper;
    }

    /** @param today the dealer's today, from which stock ages count */
    public Uni<Page<Vehicle>> list(UUID dealerId, Filter filter, LocalDate today, SortKey<Vehicle> sort,
            String cursor, int limit) {
        SqlConditions where = new SqlConditions().and("dealer_id = ?", dealerId);
        if (filter.make() != null) {
            where.and("lower(make) = lower(?)", filter.make());
        }
        if (filter.model() != null) {
            where.and("lower(model) = lower(?)", filter.model());
        }
        if (filter.trim() != null) {
            where.and("lower(trim) = lower(?)", filter.trim());
        }
        if (filter.colour() != null) {
            where.and("(lower(exterior_colour) = lower(?) OR lower(interior_colour) = lower(?))", filter.colour(),
                    filter.colour());
        }
        if (!filter.statuses().isEmpty()) {
            where.and("status = ANY(?)", (Object) filter.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (filter.minPrice() != null) {
            where.and("list_price >= ?", filter.minPrice());
        }
        if (filter.maxPrice() != null) {
            where.and("list_price <= ?", filter.maxPrice());
        }
        if (filter.minStockAgeDays() != null || filter.maxStockAgeDays() != null) {
            // stock age is the time on the lot: cars sold, delivered or on their way have none
            where.and("status = ANY(?)", (Object) VehicleMapper.ON_THE_LOT.stream().map(Enum::name)
                    .toArray(String[]::new));
        }
        if (filter.minStockAgeDays() != null) {
            where.and("arrival_date <= ?", today.minusDays(filter.minStockAgeDays()));
        }
        if (filter.maxStockAgeDays() != null) {
            where.and("arrival_date >= ?", today.minusDays(filter.maxStockAgeDays()));
        }
        if (filter.updatedSince() != null) {
            where.and("updated_at >= ?", filter.updatedSince().atOffset(ZoneOffset.UTC));
        }
        if (filter.freeFrom() != null) {
            // no test drive (not cancelled) holds the car in that time, its buffer included
            where.and("NOT EXISTS (SELECT 1 FROM test_drive t WHERE t.dealer_id = vehicle.dealer_id "
                    + "AND t.vehicle_id = vehicle.id AND t.status <> 'CANCELLED' AND t.vehicle_slot && tstzrange(?, ?))",
                    filter.freeFrom().atOffset(ZoneOffset.UTC), filter.freeUntil().atOffset(ZoneOffset.UTC));
        }
        return SqlKeyset.page(pool, SELECT, where, sort, cursor, limit, row -> vehicle(dealerId, row));
    }

    /** One age bucket's totals; buckets without vehicles are absent. */
    public record AgeRow(int bucket, long vehicles, BigDecimal listValue, BigDecimal costValue, long withoutCost) {
    }

    public Uni<List<AgeRow>> ageing(UUID dealerId, LocalDate today, List<VehicleStatus> statuses) {
        return pool.preparedQuery(AGEING).execute(Tuple.of(dealerId, today,
                statuses.stream().map(Enum::name).toArray(String[]::new))).map(rows -> {
                    List<AgeRow> result = new java.util.ArrayList<>();
                    for (Row row : rows) {
                        result.add(new AgeRow(row.getInteger(0), row.getLong(1), row.getBigDecimal(2),
                                row.getBigDecimal(3), row.getLong(4)));
                    }
                    return result;
                });
    }

    private Vehicle vehicle(UUID dealerId, Row row) {
        Vehicle v = new Vehicle();
        v.id = row.getUUID(0);
        v.dealerId = dealerId;
        v.version = row.getLong(1);
        v.vin = row.getString(2);
        v.stockNumber = row.getString(3);
        v.make = row.getString(4);
        v.model = row.getString(5);
        v.trim = row.getString(6);
        v.modelYear = row.getInteger(7);
        v.exteriorColour = row.getString(8);
        v.interiorColour = row.getString(9);
        try {
            v.options = objectMapper.readValue(row.getString(10), Vehicle.Options.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable vehicle options", e);
        }
        v.status = VehicleStatus.valueOf(row.getString(11));
        v.arrivalDate = row.getLocalDate(12);
        v.location = row.getString(13);
        v.currency = row.getString(14);
        v.listPrice = row.getBigDecimal(15);
        v.costPrice = row.getBigDecimal(16);
        v.purchaseDate = row.getLocalDate(17);
        v.supplier = row.getString(18);
        v.unavailableReason = row.getString(19);
        v.createdAt = instant(row.getOffsetDateTime(20));
        v.updatedAt = instant(row.getOffsetDateTime(21));
        return v;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

}
