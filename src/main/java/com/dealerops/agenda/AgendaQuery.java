package com.dealerops.agenda;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.dealerops.agenda.dto.AgendaView;
import com.dealerops.common.phone.PhoneNumbers;
import com.dealerops.common.security.Caller;
import com.dealerops.common.security.Role;
import com.dealerops.common.time.Clocks;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The caller's day in one SQL statement: their follow-ups due that day or earlier and still open (the earliest
 * 150: a backlog never pushes the day's appointments off the screen), all their test drives and deliveries of the
 * day (and, for after-sales, the day's deliveries still waiting for a passing PDI), each with the customer, the car
 * and the customer's latest contact.
 */
@ApplicationScoped
public class AgendaQuery {

    static final int MAX_FOLLOW_UPS = 150;
    private static final String DAY = """
            WITH follow_ups AS (
                SELECT 'FOLLOW_UP' AS type, f.id, f.due_at AS at, NULL::timestamptz AS ends_at, f.status,
                       f.due_at < $5 AS overdue, f.kind, f.channel, f.purpose, NULL AS bay, NULL AS pdi_status,
                       f.customer_id, f.lead_id, d.vehicle_id
                FROM follow_up f
                LEFT JOIN delivery d ON d.dealer_id = f.dealer_id AND d.id = f.delivery_id
                WHERE f.dealer_id = $1 AND f.assignee_id = $2 AND f.status = 'DUE' AND f.due_at < $4
                ORDER BY f.due_at, f.id
                LIMIT $7),
            items AS (
                SELECT * FROM follow_ups
                UNION ALL
                SELECT 'TEST_DRIVE', t.id, t.starts_at, t.ends_at, t.status, false, NULL, NULL, NULL, NULL, NULL,
                       t.customer_id, t.lead_id, t.vehicle_id
                FROM test_drive t
                WHERE t.dealer_id = $1 AND t.salesperson_id = $2 AND t.starts_at >= $3 AND t.starts_at < $4
                  AND t.status <> 'CANCELLED'
                UNION ALL
                SELECT 'DELIVERY', d.id, d.scheduled_at, d.ends_at, d.status, false, NULL, NULL, NULL, d.bay,
                       d.pdi_status, d.customer_id, NULL, d.vehicle_id
                FROM delivery d
                WHERE d.dealer_id = $1 AND d.scheduled_at >= $3 AND d.scheduled_at < $4 AND d.status <> 'CANCELLED'
                  AND (d.salesperson_id = $2 OR ($6 AND d.status = 'SCHEDULED' AND d.pdi_status <> 'PASSED')))
            SELECT i.type, i.id, i.at, i.ends_at, i.status, i.overdue, i.kind, i.channel, i.purpose, i.bay,
                   i.pdi_status, i.lead_id, c.id, c.name, c.phone, v.id, v.vin, v.make, v.model, v.trim,
                   v.exterior_colour, l.interests -> 'items' -> 0, last.at, last.summary
            FROM items i
            JOIN customer c ON c.dealer_id = $1 AND c.id = i.customer_id
            LEFT JOIN vehicle v ON v.dealer_id = $1 AND v.id = i.vehicle_id
            LEFT JOIN lead l ON l.dealer_id = $1 AND l.id = i.lead_id
            LEFT JOIN LATERAL (
                SELECT contact.at, contact.summary FROM (
                    SELECT a.occurred_at AS at, a.kind || coalesce(' ' || a.outcome, '') AS summary
                    FROM lead l2
                    JOIN lead_activity a ON a.dealer_id = l2.dealer_id AND a.lead_id = l2.id
                    WHERE l2.dealer_id = $1 AND l2.customer_id = i.customer_id
                      AND a.kind IN ('CALL', 'MESSAGE', 'VISIT')
                    UNION ALL
                    SELECT f2.occurred_at, 'FOLLOW_UP ' || f2.status || ': ' || f2.outcome
                    FROM follow_up f2
                    WHERE f2.dealer_id = $1 AND f2.customer_id = i.customer_id AND f2.occurred_at IS NOT NULL
                ) contact ORDER BY contact.at DESC LIMIT 1) last ON true
            ORDER BY i.at, i.id""";

    private final Pool pool;
    private final Clock clock;

    public AgendaQuery(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<AgendaView> day(Caller caller, LocalDate date) {
        ZoneId zone = caller.zone();
        OffsetDateTime start = date.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime now = Clocks.now(clock).atOffset(ZoneOffset.UTC);
        Tuple parameters = Tuple.tuple(List.of(caller.dealerId(), caller.staffId(), start, end, now,
                caller.has(Role.AFTER_SALES), MAX_FOLLOW_UPS + 1));
        return pool.preparedQuery(DAY).execute(parameters).map(rows -> {
            List<AgendaView.Item> items = new ArrayList<>();
            int followUps = 0;
            for (Row row : rows) {
                // the one follow-up beyond the limit (the latest due) only says that there are more
                if (row.getString(0).equals("FOLLOW_UP") && ++followUps > MAX_FOLLOW_UPS) {
                    continue;
                }
                items.add(item(row, zone));
            }
            return new AgendaView(date, items, followUps > MAX_FOLLOW_UPS);
        });
    }

    private static AgendaView.Item item(Row row, ZoneId zone) {
        AgendaView.Vehicle vehicle = null;
        if (row.getUUID(15) != null) {
            vehicle = new AgendaView.Vehicle(row.getUUID(15), row.getString(16), row.getString(17),
                    row.getString(18), row.getString(19), row.getString(20));
        } else if (row.getValue(21) instanceof JsonObject interest) {
            vehicle = new AgendaView.Vehicle(null, null, interest.getString("make"), interest.getString("model"),
                    interest.getString("trim"), interest.getString("colour"));
        }
        AgendaView.LastContact last = row.getOffsetDateTime(22) == null ? null
                : new AgendaView.LastContact(row.getOffsetDateTime(22).atZoneSameInstant(zone).toOffsetDateTime(),
                        row.getString(23));
        OffsetDateTime endsAt = row.getOffsetDateTime(3);
        return new AgendaView.Item(AgendaView.Type.valueOf(row.getString(0)), row.getUUID(1),
                row.getOffsetDateTime(2).atZoneSameInstant(zone).toOffsetDateTime(),
                endsAt == null ? null : endsAt.atZoneSameInstant(zone).toOffsetDateTime(), row.getString(4),
                row.getBoolean(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                row.getString(10), row.getUUID(11),
                new AgendaView.Customer(row.getUUID(12), row.getString(13), PhoneNumbers.mask(row.getString(14))),
                vehicle, last);
    }

}
