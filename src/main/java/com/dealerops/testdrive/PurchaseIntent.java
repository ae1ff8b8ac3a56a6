package com.dealerops.testdrive;

public enum PurchaseIntent {
    HIGH, MEDIUM, LOW, NONE
}
