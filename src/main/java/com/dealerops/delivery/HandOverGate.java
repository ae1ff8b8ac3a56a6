package com.dealerops.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dealerops.delivery.dto.HandOverInput;
import com.dealerops.order.OrderStatus;
import com.dealerops.settings.DeliverySettings;

/**
 * The delivery standard (交车标准) as one check: everything that keeps a car from being handed over, all at once, so
 * the salesperson sees the whole list rather than one refusal after another.
 */
final class HandOverGate {

    /** One reason the car cannot be handed over yet. */
    record Blocker(String code, String detail) {
        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("code", code);
            map.put("detail", detail);
            return map;
        }
    }

    private HandOverGate() {
    }

    static List<Blocker> blockers(Delivery delivery, OrderStatus orderStatus, DeliverySettings standard,
            HandOverInput input) {
        List<Blocker> blockers = new ArrayList<>();
        switch (delivery.pdiStatus) {
            case NOT_DONE -> blockers.add(new Blocker("PDI_NOT_DONE", "The car has not been inspected (PDI)"));
            case FAILED -> blockers.add(new Blocker("PDI_FAILED", "The latest inspection (number "
                    + delivery.pdiCount + ") found faults; a re-inspection must pass"));
            case PASSED -> {
            }
        }
        if (orderStatus != OrderStatus.FULLY_PAID) {
            blockers.add(new Blocker("ORDER_NOT_FULLY_PAID", "The order is " + orderStatus
                    + "; finance must record full payment first"));
        }
        Map<String, HandOverInput.DocumentTick> ticks = new LinkedHashMap<>();
        if (input.documents() != null) {
            input.documents().forEach(tick -> ticks.put(tick.code(), tick));
        }
        for (DeliverySettings.ChecklistItem document : standard.requiredDocuments()) {
            HandOverInput.DocumentTick tick = ticks.get(document.code());
            if (tick == null || !Boolean.TRUE.equals(tick.handedOver())) {
                blockers.add(new Blocker("DOCUMENT_MISSING:" + document.code(), document.labelEn() + " ("
                        + document.labelZh() + ") is not ticked as handed over"));
            }
        }
        if (input.keyCount() == null) {
            blockers.add(new Blocker("KEYS_MISSING", "The number of keys handed over is not recorded"));
        }
        if (input.plate() == null) {
            blockers.add(new Blocker("PLATE_MISSING", "The licence plate (or temporary plate) is not recorded"));
        }
        if (input.signOff() == null) {
            blockers.add(new Blocker("SIGN_OFF_MISSING", "The customer's signature and the signed hand-over "
                    + "document's SHA-256 are not attached"));
        }
        return blockers;
    }
}
