package com.dealerops.lead;

public enum VehicleCondition {
    NEW, USED
}
