package com.dealerops.customer;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer file (客户档案) of one dealer. Deleting keeps a tombstone for offline clients' delta sync. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    public UUID id;
    @Column(name = "dealer_id", nullable = false, updatable = false)
    public UUID dealerId;
    @Column(nullable = false)
    public String name;
    /** E.164 */
    @Column(nullable = false)
    public String phone;
    public String email;
    @Column(name = "wechat_id")
    public String wechatId;
    @Enumerated(EnumType.STRING)
    public Gender gender;
    public String city;
    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel")
    public ContactChannel preferredChannel;
    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_time")
    public ContactTime preferredContactTime;
    @Column(name = "contact_consent", nullable = false)
    public boolean contactConsent;
    @Column(name = "contact_consent_at")
    public Instant contactConsentChangedAt;
    @Column(name = "marketing_consent", nullable = false)
    public boolean marketingConsent;
    @Column(name = "marketing_consent_at")
    public Instant marketingConsentChangedAt;
    public String notes;
    @Column(name = "owner_id")
    public UUID ownerId;
    @Enumerated(EnumType.STRING)
    public Source source;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    @Version
    public long version;

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
