package com.dealerops.vehicle;

/** Where a vehicle stands: on its way, on the lot, promised, sold, handed over, in the demo fleet, or held back. */
public enum VehicleStatus {
    IN_TRANSIT, IN_STOCK, RESERVED, SOLD, DELIVERED, DEMO, UNAVAILABLE
}
