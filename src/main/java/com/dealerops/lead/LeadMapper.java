package com.dealerops.lead;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dealerops.common.phone.PhoneNumbers;
import com.dealerops.common.security.Caller;
import com.dealerops.lead.dto.ActivityView;
import com.dealerops.lead.dto.LeadView;
import com.dealerops.lead.dto.Timeframe;

/** Entity to API, with the caller's view applied. */
final class LeadMapper {

    private LeadMapper() {
    }

    /**
     * @param customerName the customer's name, or null when the caller sees only the intake view
     * @param singleRead whether this is a read of one lead (lists show the masked phone only)
     */
    static LeadView toView(Lead l, Caller caller, String customerName, String customerPhone, boolean singleRead) {
        if (!LeadAccess.canSee(caller, l)) {
            return intakeView(l, caller, null, null);
        }
        ZoneId zone = caller.zone();
        LeadView.LeadCustomer customer = new LeadView.LeadCustomer(l.customerId, customerName,
                PhoneNumbers.mask(customerPhone),
                singleRead && LeadAccess.seesPhone(caller, l) ? customerPhone : null);
        return new LeadView(l.id, l.version, l.status, l.grade, l.computedGrade,
                l.gradeOverride == null ? null : new LeadView.GradeOverride(l.gradeOverride, l.gradeOverrideReason),
                l.source, l.provider, l.providerLeadId, customer, l.interests.items(),
                l.timeframeEarliest == null && l.timeframeLatest == null ? null
                        : new Timeframe(l.timeframeEarliest, l.timeframeLatest),
                l.tradeIn, l.assigneeId, at(l.assignedAt, zone), at(l.nextFollowUpAt, zone),
                at(l.responseDueAt, zone), at(l.firstContactAt, zone), l.firstResponseSeconds,
                at(l.responseMissedAt, zone), l.lostReason, l.comments, at(l.requestedAt, zone),
                LeadAction.pathsFrom(l.status), at(l.createdAt, zone), at(l.updatedAt, zone), null, null);
    }

    /** What a caller who may not read the lead learns from its intake: that it exists, and its status. */
    static LeadView intakeView(Lead l, Caller caller, java.util.UUID duplicateOf, LeadView.DuplicateMatch match) {
        return new LeadView(l.id, l.version, l.status, null, null, null, l.source, l.provider, l.providerLeadId,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                at(l.createdAt, caller.zone()), null, duplicateOf, match);
    }

    static LeadView asDuplicate(LeadView view, LeadView.DuplicateMatch match) {
        return new LeadView(view.id(), view.version(), view.status(), view.grade(), view.computedGrade(),
                view.gradeOverride(), view.source(), view.provider(), view.providerLeadId(), view.customer(),
                view.interests(), view.timeframe(), view.tradeIn(), view.assigneeId(), view.assignedAt(),
                view.nextFollowUpAt(), view.responseDueAt(), view.firstContactAt(), view.firstResponseSeconds(),
                view.responseMissedAt(), view.lostReason(), view.comments(), view.requestedAt(),
                view.allowedActions(), view.createdAt(), view.updatedAt(), view.id(), match);
    }

    static ActivityView toView(LeadActivity a, ZoneId zone) {
        return new ActivityView(a.id, a.leadId, a.kind, a.channel, a.outcome, a.notes, a.details, a.staffId,
                at(a.occurredAt, zone), at(a.recordedAt, zone));
    }

    /** The fields the audit trail records, as JSON scalars (structured fields as their JSON-ish text). */
    static Map<String, Object> auditSnapshot(Lead l) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("status", l.status.name());
        snapshot.put("grade", l.grade.name());
        snapshot.put("gradeOverride", l.gradeOverride == null ? null : l.gradeOverride.name());
        snapshot.put("gradeOverrideReason", l.gradeOverrideReason);
        snapshot.put("assigneeId", l.assigneeId == null ? null : l.assigneeId.toString());
        snapshot.put("timeframeEarliest", l.timeframeEarliest == null ? null : l.timeframeEarliest.toString());
        snapshot.put("timeframeLatest", l.timeframeLatest == null ? null : l.timeframeLatest.toString());
        snapshot.put("interests", l.interests.items().size());
        snapshot.put("tradeIn", l.tradeIn == null ? null : l.tradeIn.make() + " " + (l.tradeIn.model() == null ? ""
                : l.tradeIn.model()));
        snapshot.put("nextFollowUpAt", l.nextFollowUpAt == null ? null : l.nextFollowUpAt.toString());
        snapshot.put("firstContactAt", l.firstContactAt == null ? null : l.firstContactAt.toString());
        snapshot.put("lostReason", l.lostReason);
        snapshot.put("comments", l.comments);
        return snapshot;
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
