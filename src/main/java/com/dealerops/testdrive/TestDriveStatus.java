package com.dealerops.testdrive;

public enum TestDriveStatus {
    SCHEDULED, IN_PROGRESS, COMPLETED, NO_SHOW, CANCELLED
}
