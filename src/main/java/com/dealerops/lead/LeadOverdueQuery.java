package com.dealerops.lead;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.dealerops.common.db.SqlConditions;
import com.dealerops.common.paging.Page;
import com.dealerops.common.paging.SortKey;
import com.dealerops.common.paging.SqlKeyset;
import com.dealerops.common.security.Caller;
import com.dealerops.lead.dto.ResponseMissView;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** The sales managers' list of missed first responses, with each lead's customer and who had it. One statement. */
@ApplicationScoped
public class LeadOverdueQuery {

    private record Miss(UUID leadId, String customerName, UUID assigneeId, String assigneeName, Instant dueAt,
            Instant detectedAt, LeadStatus status, UUID currentAssigneeId, Instant firstContactAt) {
    }

    private static final SortKey<Miss> NEWEST_FIRST = SortKey.descending("detectedAt", Instant.class,
            Miss::detectedAt, Miss::leadId);
    private static final String SELECT = """
            SELECT id, customer_name, assignee_id, assignee_name, due_at, detected_at, status, current_assignee_id,
                first_contact_at
            FROM (SELECT m.dealer_id, m.lead_id AS id, c.name AS customer_name, m.assignee_id, s.name AS assignee_name,
                    m.due_at, m.detected_at, l.status, l.assignee_id AS current_assignee_id, l.first_contact_at
                FROM lead_response_miss m
                JOIN lead l ON l.dealer_id = m.dealer_id AND l.id = m.lead_id
                JOIN customer c ON c.dealer_id = l.dealer_id AND c.id = l.customer_id
                LEFT JOIN staff s ON s.dealer_id = m.dealer_id AND s.id = m.assignee_id) AS miss""";

    private final Pool pool;

    public LeadOverdueQuery(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page<ResponseMissView>> list(Caller caller, String cursor, int limit) {
        SqlConditions where = new SqlConditions().and("dealer_id = ?", caller.dealerId());
        return SqlKeyset.page(pool, SELECT, where, NEWEST_FIRST, cursor, limit, row -> new Miss(row.getUUID(0),
                row.getString(1), row.getUUID(2), row.getString(3), instant(row.getOffsetDateTime(4)),
                instant(row.getOffsetDateTime(5)), LeadStatus.valueOf(row.getString(6)), row.getUUID(7),
                instant(row.getOffsetDateTime(8))))
                .map(page -> new Page<>(page.items().stream().map(miss -> new ResponseMissView(miss.leadId(),
                        miss.customerName(), miss.assigneeId(), miss.assigneeName(),
                        LeadMapper.at(miss.dueAt(), caller.zone()), LeadMapper.at(miss.detectedAt(), caller.zone()),
                        miss.status(), miss.currentAssigneeId(), LeadMapper.at(miss.firstContactAt(), caller.zone())))
                        .toList(), page.nextCursor()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
