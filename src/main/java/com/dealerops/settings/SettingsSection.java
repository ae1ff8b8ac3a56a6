package com.dealerops.settings;

import java.util.Optional;

import com.dealerops.common.security.Caller;
import com.dealerops.common.security.Role;

/** The sections of a dealer's settings; each is read and written on its own so screens do not race each other. */
public enum SettingsSection {
    GENERAL("general", GeneralSettings.class, false),
    LEADS("leads", LeadSettings.class, true),
    TEST_DRIVES("test-drives", TestDriveSettings.class, false),
    QUOTES("quotes", QuoteSettings.class, true),
    DELIVERIES("deliveries", DeliverySettings.class, false),
    FOLLOW_UPS("follow-ups", FollowUpSettings.class, false),
    COMPLAINTS("complaints", ComplaintSettings.class, false);

    private final String path;
    private final Class<? extends Record> type;
    private final boolean salesManagerMayEdit;

    SettingsSection(String path, Class<? extends Record> type, boolean salesManagerMayEdit) {
        this.path = path;
        this.type = type;
        this.salesManagerMayEdit = salesManagerMayEdit;
    }

    public String path() {
        return path;
    }

    public Class<? extends Record> type() {
        return type;
    }

    public boolean mayBeEditedBy(Caller caller) {
        return caller.has(Role.ADMIN) || salesManagerMayEdit && caller.has(Role.SALES_MANAGER);
    }

    public static Optional<SettingsSection> fromPath(String path) {
        for (SettingsSection section : values()) {
            if (section.path.equals(path)) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }
}
