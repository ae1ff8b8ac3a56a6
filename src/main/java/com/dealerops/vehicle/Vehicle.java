package com.dealerops.vehicle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A vehicle of the dealer's stock (库存车辆). */
@Entity
@Table(name = "vehicle")
public class Vehicle {

    @Id
    public UUID id;
    @Column(name = "dealer_id", nullable = false, updatable = false)
    public UUID dealerId;
    @Column(nullable = false)
    public String vin;
    @Column(name = "stock_number")
    public String stockNumber;
    @Column(nullable = false)
    public String make;
    @Column(nullable = false)
    public String model;
    public String trim;
    @Column(name = "model_year")
    public Integer modelYear;
    @Column(name = "exterior_colour")
    public String exteriorColour;
    @Column(name = "interior_colour")
    public String interiorColour;
    /** A JSON object around the list: Hibernate Reactive reads JSON columns as objects, not arrays. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Options options = new Options(List.of());
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VehicleStatus status;
    @Column(name = "arrival_date")
    public LocalDate arrivalDate;
    public String location;
    @Column(nullable = false)
    public String currency;
    @Column(name = "list_price", nullable = false)
    public BigDecimal listPrice;
    @Column(name = "cost_price")
    public BigDecimal costPrice;
    @Column(name = "purchase_date")
    public LocalDate purchaseDate;
    public String supplier;
    @Column(name = "unavailable_reason")
    public String unavailableReason;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    public record Options(List<String> items) {
        public Options {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
