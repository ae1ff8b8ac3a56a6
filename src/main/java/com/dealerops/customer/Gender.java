package com.dealerops.customer;

public enum Gender {
    FEMALE, MALE, OTHER, UNDISCLOSED
}
