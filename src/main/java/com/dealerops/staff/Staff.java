package com.dealerops.staff;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.dealerops.common.security.Department;

/**
 * A staff member of one dealer. Known from their first valid token (name and roles come from it) or registered
 * ahead by an admin; department, head, phone, duty and activity belong to the directory.
 */
@Entity
@Table(name = "staff")
@IdClass(Staff.Key.class)
public class Staff {

    @Id
    @Column(name = "dealer_id")
    public UUID dealerId;
    @Id
    public UUID id;
    @Column(nullable = false, updatable = false)
    public String subject;
    @Column(nullable = false)
    public String name;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] roles;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Department department;
    @Enumerated(EnumType.STRING)
    public Head head;
    public String phone;
    @Column(nullable = false)
    public boolean active;
    @Column(name = "on_duty", nullable = false)
    public boolean onDuty;
    @Column(name = "on_duty_changed_at")
    public Instant onDutyChangedAt;
    @Column(name = "deactivated_at")
    public Instant deactivatedAt;
    @Column(name = "registered_by", updatable = false)
    public UUID registeredBy;
    @Column(name = "first_seen_at", insertable = false, updatable = false)
    public Instant firstSeenAt;
    @Column(name = "last_seen_at", insertable = false, updatable = false)
    public Instant lastSeenAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    /** Head of their department, or of the whole dealer (general manager): escalations go to them. */
    public enum Head {
        DEPARTMENT, DEALER
    }

    public static class Key implements Serializable {
        public UUID dealerId;
        public UUID id;

        public Key() {
        }

        public Key(UUID dealerId, UUID id) {
            this.dealerId = dealerId;
            this.id = id;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(dealerId, key.dealerId) && Objects.equals(id, key.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dealerId, id);
        }
    }
}
