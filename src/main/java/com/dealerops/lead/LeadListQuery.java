package com.dealerops.lead;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.dealerops.common.db.SqlConditions;
import com.dealerops.common.paging.Page;
import com.dealerops.common.paging.SortKey;
import com.dealerops.common.paging.SqlKeyset;
import com.dealerops.customer.Source;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The tablet's lead list: one statement that joins each lead's customer (name and phone for the row), on the
 * reactive SQL client like the customer list, so a page costs one round trip whatever its size.
 */
@ApplicationScoped
public class LeadListQuery {

    /** A lead with the customer fields a list row shows. */
    public record LeadRow(Lead lead, String customerName, String customerPhone) {
    }

    public record Filter(UUID assignee, boolean unassigned, boolean mineOrPool, UUID me, List<LeadStatus> statuses,
            List<Grade> grades, Instant dueBefore, Instant updatedSince, UUID customerId) {
    }

    static final SortKey<LeadRow> FOLLOW_UP_FIRST = SortKey.ascending("nextFollowUpAt", Instant.class,
            r -> r.lead().nextFollowUpAt, r -> r.lead().id);
    static final SortKey<LeadRow> UPDATED_FIRST_TO_LAST = SortKey.ascending("updatedAt", Instant.class,
            r -> r.lead().updatedAt, r -> r.lead().id);
    static final List<SortKey<LeadRow>> SORTS = List.of(
            FOLLOW_UP_FIRST,
            SortKey.descending("nextFollowUpAt", Instant.class, r -> r.lead().nextFollowUpAt, r -> r.lead().id),
            SortKey.ascending("createdAt", Instant.class, r -> r.lead().createdAt, r -> r.lead().id),
            SortKey.descending("createdAt", Instant.class, r -> r.lead().createdAt, r -> r.lead().id),
            UPDATED_FIRST_TO_LAST,
            SortKey.descending("updatedAt", Instant.class, r -> r.lead().updatedAt, r -> r.lead().id));

    private static final String SELECT = "SELECT id, version, status, grade, computed_grade, grade_override, "
            + "grade_override_reason, source, provider, provider_lead_id, customer_id, customer_name, customer_phone, "
            + "(interests -> 'items')::text, timeframe_earliest, timeframe_latest, trade_in::text, assignee_id, assigned_at, "
            + "next_follow_up_at, response_due_at, first_contact_at, first_response_seconds, response_missed_at, "
            + "lost_reason, comments, requested_at, created_by, created_at, updated_at "
            + "FROM (SELECT l.*, c.name AS customer_name, c.phone AS customer_phone FROM lead l "
            + "JOIN customer c ON c.dealer_id = l.dealer_id AND c.id = l.customer_id) AS lead_row";
    private static final TypeReference<List<VehicleInterest>> INTERESTS = new TypeReference<>() {
    };

    private final Pool pool;
    private final ObjectMapper objectMapper;

    public LeadListQuery(Pool pool, ObjectMapper objectMapper) {
        this.pool = pool;
        this.objectMapper = objectMapper;
    }

    public Uni<Page<LeadRow>> list(UUID dealerId, Filter filter, SortKey<LeadRow> sort, String cursor, int limit) {
        SqlConditions where = new SqlConditions().and("dealer_id = ?", dealerId);
        if (filter.mineOrPool()) {
            where.and("(assignee_id = ? OR assignee_id IS NULL)", filter.me());
        }
        if (filter.unassigned()) {
            where.and("assignee_id IS NULL");
        } else if (filter.assignee() != null) {
            where.and("assignee_id = ?", filter.assignee());
        }
        if (!filter.statuses().isEmpty()) {
            where.and("status = ANY(?)", (Object) filter.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (!filter.grades().isEmpty()) {
            where.and("grade = ANY(?)", (Object) filter.grades().stream().map(Enum::name).toArray(String[]::new));
        }
        if (filter.dueBefore() != null) {
            where.and("next_follow_up_at < ?", filter.dueBefore().atOffset(ZoneOffset.UTC));
        }
        if (filter.updatedSince() != null) {
            where.and("updated_at >= ?", filter.updatedSince().atOffset(ZoneOffset.UTC));
        }
        if (filter.customerId() != null) {
            where.and("customer_id = ?", filter.customerId());
        }
        return SqlKeyset.page(pool, SELECT, where, sort, cursor, limit, row -> row(dealerId, row));
    }

    private LeadRow row(UUID dealerId, Row row) {
        Lead l = new Lead();
        l.id = row.getUUID(0);
        l.dealerId = dealerId;
        l.version = row.getLong(1);
        l.status = LeadStatus.valueOf(row.getString(2));
        l.grade = Grade.valueOf(row.getString(3));
        l.computedGrade = Grade.valueOf(row.getString(4));
        l.gradeOverride = row.getString(5) == null ? null : Grade.valueOf(row.getString(5));
        l.gradeOverrideReason = row.getString(6);
        l.source = Source.valueOf(row.getString(7));
        l.provider = row.getString(8);
        l.providerLeadId = row.getString(9);
        l.customerId = row.getUUID(10);
        l.interests = new Lead.Interests(json(row.getString(13), INTERESTS));
        l.timeframeEarliest = row.getLocalDate(14);
        l.timeframeLatest = row.getLocalDate(15);
        l.tradeIn = row.getString(16) == null ? null : json(row.getString(16), new TypeReference<TradeIn>() {
        });
        l.assigneeId = row.getUUID(17);
        l.assignedAt = instant(row.getOffsetDateTime(18));
        l.nextFollowUpAt = instant(row.getOffsetDateTime(19));
        l.responseDueAt = instant(row.getOffsetDateTime(20));
        l.firstContactAt = instant(row.getOffsetDateTime(21));
        l.firstResponseSeconds = row.getLong(22);
        l.responseMissedAt = instant(row.getOffsetDateTime(23));
        l.lostReason = row.getString(24);
        l.comments = row.getString(25);
        l.requestedAt = instant(row.getOffsetDateTime(26));
        l.createdBy = row.getUUID(27);
        l.createdAt = instant(row.getOffsetDateTime(28));
        l.updatedAt = instant(row.getOffsetDateTime(29));
        return new LeadRow(l, row.getString(11), row.getString(12));
    }

    private <T> T json(String text, TypeReference<T> type) {
        try {
            return objectMapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable lead column", e);
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

}
