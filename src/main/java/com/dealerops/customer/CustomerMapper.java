package com.dealerops.customer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import com.dealerops.common.time.Clocks;
import com.dealerops.common.audit.HistoryEntry;
import com.dealerops.common.phone.PhoneNumbers;
import com.dealerops.common.security.Caller;
import com.dealerops.customer.dto.CustomerInput;
import com.dealerops.customer.dto.CustomerView;

/** Entity to API and back, with the caller's view of contact details applied. */
final class CustomerMapper {

    private CustomerMapper() {
    }

    static CustomerView toView(Customer c, Caller caller) {
        ZoneId zone = caller.zone();
        if (c.isDeleted()) {
            return new CustomerView(c.id, c.version, true, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, Clocks.at(c.updatedAt, zone));
        }
        boolean contact = CustomerAccess.seesContactDetails(caller);
        return new CustomerView(c.id, c.version, false, c.name,
                contact ? c.phone : PhoneNumbers.mask(c.phone),
                contact ? c.email : maskEmail(c.email),
                contact ? c.wechatId : null,
                c.gender, c.city, c.preferredChannel, c.preferredContactTime,
                c.contactConsent, Clocks.at(c.contactConsentChangedAt, zone),
                c.marketingConsent, Clocks.at(c.marketingConsentChangedAt, zone),
                c.notes, c.ownerId, c.source, Clocks.at(c.createdAt, zone), Clocks.at(c.updatedAt, zone));
    }

    /** The customer as a client would PUT it back; the base a merge patch is applied to. */
    static CustomerInput toInput(Customer c) {
        return new CustomerInput(null, c.name, c.phone, c.email, c.wechatId, c.gender, c.city, c.preferredChannel,
                c.preferredContactTime, c.contactConsent, c.marketingConsent, c.notes, c.ownerId, c.source);
    }

    /** The fields the audit trail records, as JSON scalars. */
    static Map<String, Object> auditSnapshot(Customer c) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("name", c.name);
        snapshot.put("phone", c.phone);
        snapshot.put("email", c.email);
        snapshot.put("wechatId", c.wechatId);
        snapshot.put("gender", c.gender == null ? null : c.gender.name());
        snapshot.put("city", c.city);
        snapshot.put("preferredChannel", c.preferredChannel == null ? null : c.preferredChannel.name());
        snapshot.put("preferredContactTime", c.preferredContactTime == null ? null : c.preferredContactTime.name());
        snapshot.put("contactConsent", c.contactConsent);
        snapshot.put("marketingConsent", c.marketingConsent);
        snapshot.put("notes", c.notes);
        snapshot.put("ownerId", c.ownerId == null ? null : c.ownerId.toString());
        snapshot.put("source", c.source == null ? null : c.source.name());
        return snapshot;
    }

    /** What of a recorded change the caller may see: the same masking as on the customer itself. */
    static HistoryEntry.FieldPolicy historyPolicy(Caller caller) {
        if (CustomerAccess.seesContactDetails(caller)) {
            return HistoryEntry.FieldPolicy.ALL;
        }
        return (field, value) -> switch (field) {
            case "phone" -> value == null ? null : PhoneNumbers.mask(value.toString());
            case "email" -> value == null ? null : maskEmail(value.toString());
            case "wechatId" -> HistoryEntry.FieldPolicy.HIDDEN;
            default -> value;
        };
    }

    static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

}
