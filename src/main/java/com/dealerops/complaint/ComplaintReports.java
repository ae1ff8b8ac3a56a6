package com.dealerops.complaint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.dealerops.common.security.Caller;
import com.dealerops.common.time.Clocks;
import com.dealerops.complaint.dto.ComplaintReport;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The complaint reports (持续改进): what is open and for how long, how often the SLA was met per category and month,
 * and who complains again and again. Three statements on the SQL client, computed in PostgreSQL.
 */
@ApplicationScoped
public class ComplaintReports {

    private static final String OPEN = """
            SELECT CASE WHEN age < interval '1 day' THEN 'UNDER_1_DAY' WHEN age < interval '3 days' THEN 'DAYS_1_TO_3'
                        WHEN age < interval '7 days' THEN 'DAYS_3_TO_7' ELSE 'OVER_7_DAYS' END, severity, count(*)
            FROM (SELECT $2 - received_at AS age, severity FROM complaint
                  WHERE dealer_id = $1 AND status NOT IN ('RESOLVED', 'CLOSED')) open
            GROUP BY 1, 2""";
    // a clock counts once decided: met or missed; a resolution deadline does not pass while the clock stands
    private static final String SLA = """
            SELECT category, to_char(received_at AT TIME ZONE $4, 'YYYY-MM'), count(*),
                   count(*) FILTER (WHERE acknowledged_at <= acknowledge_due_at),
                   count(*) FILTER (WHERE acknowledged_at IS NOT NULL OR acknowledge_due_at <= $5),
                   count(*) FILTER (WHERE resolved_at <= resolve_due_at + make_interval(secs => paused_seconds)),
                   count(*) FILTER (WHERE resolved_at IS NOT NULL OR (paused_since IS NULL
                                    AND resolve_due_at + make_interval(secs => paused_seconds) <= $5)
                                    OR paused_since > resolve_due_at + make_interval(secs => paused_seconds))
            FROM complaint
            WHERE dealer_id = $1 AND received_at >= $2 AND received_at < $3
            GROUP BY 1, 2
            ORDER BY 2, 1""";
    private static final String REPEAT = """
            SELECT c.customer_id, cu.name, count(*), max(c.received_at)
            FROM complaint c JOIN customer cu ON cu.dealer_id = c.dealer_id AND cu.id = c.customer_id
            WHERE c.dealer_id = $1 AND c.received_at >= $2 AND c.received_at < $3
            GROUP BY 1, 2
            HAVING count(*) >= 2
            ORDER BY 3 DESC, 4 DESC
            LIMIT 100""";

    private final Pool pool;
    private final Clock clock;

    public ComplaintReports(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<ComplaintReport> report(Caller caller, LocalDate from, LocalDate to) {
        ZoneId zone = caller.zone();
        OffsetDateTime now = Clocks.now(clock).atOffset(ZoneOffset.UTC);
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.atStartOfDay(zone).toOffsetDateTime();
        return pool.preparedQuery(OPEN).execute(Tuple.of(caller.dealerId(), now)).chain(open -> pool
                .preparedQuery(SLA).execute(Tuple.of(caller.dealerId(), start, end, zone.getId(), now))
                .chain(sla -> pool.preparedQuery(REPEAT).execute(Tuple.of(caller.dealerId(), start, end))
                        .map(repeat -> {
                            List<ComplaintReport.OpenByAge> byAge = new ArrayList<>();
                            for (Row row : open) {
                                byAge.add(new ComplaintReport.OpenByAge(
                                        ComplaintReport.AgeBand.valueOf(row.getString(0)),
                                        Severity.valueOf(row.getString(1)), row.getLong(2)));
                            }
                            byAge.sort(Comparator.comparing(ComplaintReport.OpenByAge::age)
                                    .thenComparing(ComplaintReport.OpenByAge::severity));
                            List<ComplaintReport.SlaCompliance> compliance = new ArrayList<>();
                            for (Row row : sla) {
                                compliance.add(new ComplaintReport.SlaCompliance(
                                        ComplaintCategory.valueOf(row.getString(0)), row.getString(1), row.getLong(2),
                                        percent(row.getLong(3), row.getLong(4)),
                                        percent(row.getLong(5), row.getLong(6))));
                            }
                            List<ComplaintReport.RepeatComplainant> repeaters = new ArrayList<>();
                            for (Row row : repeat) {
                                repeaters.add(new ComplaintReport.RepeatComplainant(row.getUUID(0), row.getString(1),
                                        row.getLong(2), row.getOffsetDateTime(3).atZoneSameInstant(zone)
                                                .toOffsetDateTime()));
                            }
                            return new ComplaintReport(from, to, byAge, compliance, repeaters);
                        })));
    }

    static BigDecimal percent(long met, long decided) {
        return decided == 0 ? null : BigDecimal.valueOf(met * 100).divide(BigDecimal.valueOf(decided), 1,
                RoundingMode.HALF_UP);
    }
}
