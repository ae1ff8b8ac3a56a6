package com.dealerops.lead;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The lead's state machine, as the actions that move it. Each action names the statuses it starts from; the
 * status it leads to is fixed, except for reopening, which goes back to CONTACTED when the customer was ever
 * contacted and to NEW otherwise.
 */
public enum LeadAction {
    CONTACT("contact", LeadStatus.CONTACTED, EnumSet.of(LeadStatus.NEW)),
    QUALIFY("qualify", LeadStatus.QUALIFIED, EnumSet.of(LeadStatus.CONTACTED)),
    TEST_DRIVE("test-drive", LeadStatus.TEST_DRIVE, EnumSet.of(LeadStatus.QUALIFIED)),
    QUOTE("quote", LeadStatus.QUOTED, EnumSet.of(LeadStatus.QUALIFIED, LeadStatus.TEST_DRIVE)),
    WIN("win", LeadStatus.WON, EnumSet.of(LeadStatus.QUOTED)),
    LOSE("lose", LeadStatus.LOST, LeadStatus.OPEN),
    MAKE_DORMANT("make-dormant", LeadStatus.DORMANT, LeadStatus.OPEN),
    REOPEN("reopen", null, EnumSet.of(LeadStatus.LOST, LeadStatus.DORMANT));

    private final String path;
    private final LeadStatus target;
    private final Set<LeadStatus> from;

    LeadAction(String path, LeadStatus target, Set<LeadStatus> from) {
        this.path = path;
        this.target = target;
        this.from = from;
    }

    /** The last segment of the action's URL, {@code POST /api/v1/leads/{id}/<path>}. */
    public String path() {
        return path;
    }

    public boolean allowedFrom(LeadStatus status) {
        return from.contains(status);
    }

    LeadStatus target(Lead lead) {
        if (this == REOPEN) {
            return lead.firstContactAt == null ? LeadStatus.NEW : LeadStatus.CONTACTED;
        }
        return target;
    }

    /** The actions a lead in this status accepts, by their paths. */
    public static List<String> pathsFrom(LeadStatus status) {
        return Arrays.stream(values()).filter(action -> action.allowedFrom(status)).map(LeadAction::path).toList();
    }
}
