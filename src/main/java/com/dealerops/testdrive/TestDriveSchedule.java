package com.dealerops.testdrive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.dealerops.common.error.ProblemException;
import com.dealerops.common.security.Caller;
import com.dealerops.settings.GeneralSettings;
import com.dealerops.settings.TestDriveSettings;
import com.dealerops.testdrive.dto.Availability;
import com.dealerops.testdrive.dto.MyDay;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Read-only views of the booking calendar, each one statement on the reactive SQL client. */
@ApplicationScoped
public class TestDriveSchedule {

    private static final String CAR_DAY = """
            SELECT v.status, lower(t.vehicle_slot), upper(t.vehicle_slot)
            FROM vehicle v LEFT JOIN test_drive t ON t.dealer_id = v.dealer_id AND t.vehicle_id = v.id
                AND t.status <> 'CANCELLED' AND t.vehicle_slot && tstzrange($3, $4)
            WHERE v.dealer_id = $1 AND v.id = $2
            ORDER BY lower(t.vehicle_slot)""";
    private static final String MY_DAY = """
            SELECT t.id, t.status, t.starts_at, t.ends_at, t.lead_id, c.id, c.name, c.phone,
                   v.id, v.vin, v.make, v.model, v.trim, v.exterior_colour, v.location
            FROM test_drive t
            JOIN customer c ON c.dealer_id = t.dealer_id AND c.id = t.customer_id
            JOIN vehicle v ON v.dealer_id = t.dealer_id AND v.id = t.vehicle_id
            WHERE t.dealer_id = $1 AND t.salesperson_id = $2 AND t.starts_at >= $3 AND t.starts_at < $4
            ORDER BY t.starts_at, t.id""";

    private final Pool pool;
    private final Clock clock;

    public TestDriveSchedule(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The free periods of a demo car on a day: opening hours, minus bookings with their buffer, from now on. */
    public Uni<Availability> availability(Caller caller, UUID vehicleId, LocalDate date, GeneralSettings general,
            TestDriveSettings rules) {
        ZoneId zone = ZoneId.of(general.timeZone());
        GeneralSettings.OpeningHours hours = general.openingHours().stream()
                .filter(h -> h.day() == date.getDayOfWeek()).findFirst().orElse(null);
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        return pool.preparedQuery(CAR_DAY).execute(Tuple.of(caller.dealerId(), vehicleId,
                dayStart.atOffset(ZoneOffset.UTC), dayEnd.atOffset(ZoneOffset.UTC))).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Vehicle");
                    }
                    List<Instant[]> booked = new ArrayList<>();
                    String status = null;
                    for (Row row : rows) {
                        status = row.getString(0);
                        if (row.getOffsetDateTime(1) != null) {
                            booked.add(new Instant[] { row.getOffsetDateTime(1).toInstant(),
                                    row.getOffsetDateTime(2).toInstant() });
                        }
                    }
                    if (!"DEMO".equals(status)) {
                        throw ProblemException.unprocessable("not-a-demo-car", "Not a demo car",
                                "Only demo cars (status DEMO) are booked for test drives; this one is " + status);
                    }
                    List<Availability.Slot> free = new ArrayList<>();
                    if (hours != null) {
                        Instant opens = date.atTime(hours.opens()).atZone(zone).toInstant();
                        Instant closes = date.atTime(hours.closes()).atZone(zone).toInstant();
                        Instant now = clock.instant();
                        Instant cursor = opens.isBefore(now) ? now : opens;
                        Duration shortest = Duration.ofMinutes(rules.minDurationMinutes());
                        Duration buffer = Duration.ofMinutes(rules.bufferMinutes());
                        for (Instant[] range : booked) {
                            // a drive ending at the next booking's start would leave the car no buffer
                            addIfLongEnough(free, cursor, range[0].minus(buffer), shortest, zone);
                            if (range[1].isAfter(cursor)) {
                                cursor = range[1];
                            }
                        }
                        addIfLongEnough(free, cursor, closes, shortest, zone);
                    }
                    return new Availability(vehicleId, date, free, rules.minDurationMinutes(),
                            rules.maxDurationMinutes(), rules.bufferMinutes());
                });
    }

    private static void addIfLongEnough(List<Availability.Slot> free, Instant from, Instant to, Duration shortest,
            ZoneId zone) {
        if (!Duration.between(from, to).minus(shortest).isNegative()) {
            free.add(new Availability.Slot(from.atZone(zone).toOffsetDateTime(), to.atZone(zone).toOffsetDateTime()));
        }
    }

    /** The caller's drives starting on this day of the dealer's calendar, customer and car embedded. */
    public Uni<MyDay> myDay(Caller caller, LocalDate date) {
        ZoneId zone = caller.zone();
        return pool.preparedQuery(MY_DAY).execute(Tuple.of(caller.dealerId(), caller.staffId(),
                date.atStartOfDay(zone).toOffsetDateTime(), date.plusDays(1).atStartOfDay(zone).toOffsetDateTime()))
                .map(rows -> {
                    List<MyDay.Item> items = new ArrayList<>();
                    for (Row row : rows) {
                        items.add(new MyDay.Item(row.getUUID(0), TestDriveStatus.valueOf(row.getString(1)),
                                row.getOffsetDateTime(2).atZoneSameInstant(zone).toOffsetDateTime(),
                                row.getOffsetDateTime(3).atZoneSameInstant(zone).toOffsetDateTime(), row.getUUID(4),
                                new MyDay.Customer(row.getUUID(5), row.getString(6), row.getString(7)),
                                new MyDay.Vehicle(row.getUUID(8), row.getString(9), row.getString(10),
                                        row.getString(11), row.getString(12), row.getString(13), row.getString(14))));
                    }
                    return new MyDay(date, items);
                });
    }
}
