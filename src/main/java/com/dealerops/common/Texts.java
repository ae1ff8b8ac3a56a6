package com.dealerops.common;

/** How free text from clients is stored: trimmed, and blank is absent. */
public final class Texts {

    private Texts() {
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
