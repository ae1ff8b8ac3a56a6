package com.dealerops.vehicle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.dealerops.common.money.Money;
import com.dealerops.common.security.Caller;
import com.dealerops.vehicle.dto.VehicleView;

/** Entity to API, with the caller's view applied. */
final class VehicleMapper {

    /** The statuses of a car on the lot, whose age counts. */
    static final Set<VehicleStatus> ON_THE_LOT = EnumSet.of(VehicleStatus.IN_STOCK, VehicleStatus.RESERVED,
            VehicleStatus.DEMO, VehicleStatus.UNAVAILABLE);

    private VehicleMapper() {
    }

    static VehicleView toView(Vehicle v, Caller caller, LocalDate today) {
        ZoneId zone = caller.zone();
        Money list = money(v.listPrice, v.currency);
        if (VehicleAccess.publicOnly(caller)) {
            if (v.status != VehicleStatus.IN_STOCK) {
                return new VehicleView(v.id, v.version, true, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null,
                        at(v.updatedAt, zone));
            }
            return new VehicleView(v.id, v.version, null, v.vin, null, v.make, v.model, v.trim, v.modelYear,
                    v.exteriorColour, v.interiorColour, v.options.items(), v.status, null, null, null, null, null,
                    list, null, null, null, null, null, null, null);
        }
        boolean cost = VehicleAccess.seesCost(caller);
        Money margin = cost && v.costPrice != null ? money(v.listPrice.subtract(v.costPrice), v.currency) : null;
        BigDecimal marginPercent = margin == null || v.listPrice.signum() == 0 ? null
                : margin.amount().multiply(BigDecimal.valueOf(100)).divide(v.listPrice, 2, RoundingMode.HALF_UP);
        Integer age = v.arrivalDate == null || !ON_THE_LOT.contains(v.status) ? null
                : (int) Math.max(0, ChronoUnit.DAYS.between(v.arrivalDate, today));
        return new VehicleView(v.id, v.version, null, v.vin, v.stockNumber, v.make, v.model, v.trim, v.modelYear,
                v.exteriorColour, v.interiorColour, v.options.items(), v.status, StatusRules.targetsFrom(v.status),
                v.unavailableReason, v.arrivalDate, age, v.location, list,
                cost ? money(v.costPrice, v.currency) : null, margin, marginPercent,
                cost ? v.purchaseDate : null, cost ? v.supplier : null, at(v.createdAt, zone), at(v.updatedAt, zone));
    }

    static Map<String, Object> auditSnapshot(Vehicle v) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("vin", v.vin);
        snapshot.put("stockNumber", v.stockNumber);
        snapshot.put("make", v.make);
        snapshot.put("model", v.model);
        snapshot.put("trim", v.trim);
        snapshot.put("modelYear", v.modelYear);
        snapshot.put("exteriorColour", v.exteriorColour);
        snapshot.put("interiorColour", v.interiorColour);
        snapshot.put("options", String.join(", ", v.options.items()));
        snapshot.put("status", v.status.name());
        snapshot.put("unavailableReason", v.unavailableReason);
        snapshot.put("arrivalDate", v.arrivalDate == null ? null : v.arrivalDate.toString());
        snapshot.put("location", v.location);
        snapshot.put("listPrice", plain(v.listPrice));
        snapshot.put("costPrice", plain(v.costPrice));
        snapshot.put("purchaseDate", v.purchaseDate == null ? null : v.purchaseDate.toString());
        snapshot.put("supplier", v.supplier);
        return snapshot;
    }

    static Money money(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount.setScale(2, RoundingMode.HALF_UP), currency);
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
