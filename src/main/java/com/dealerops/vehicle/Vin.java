package com.dealerops.vehicle;

import java.util.Locale;
import java.util.Optional;

/**
 * Vehicle identification numbers as ISO 3779 and GB 16735 define them: 17 characters from digits and capital
 * letters except I, O and Q, position 9 a check digit: each character's value (digits as themselves, letters by the
 * standard transliteration) times its position's weight, summed modulo 11, with 10 written as X.
 */
public final class Vin {

    private static final int[] WEIGHTS = { 8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2 };
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final int[] LETTER_VALUES = { 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9 };

    private Vin() {
    }

    /** The VIN in capitals without surrounding spaces. */
    public static String normalize(String vin) {
        return vin == null ? null : vin.trim().toUpperCase(Locale.ROOT);
    }

    /** Why this (normalised) VIN is not valid, naming the position that fails; empty when it is valid. */
    public static Optional<String> problem(String vin) {
        if (vin == null || vin.length() != 17) {
            return Optional.of("must be 17 characters, not " + (vin == null ? 0 : vin.length()));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = vin.charAt(i);
            int value = value(c);
            if (value < 0) {
                return Optional.of("position " + (i + 1) + ": '" + c + "' is not allowed in a VIN"
                        + (c == 'I' || c == 'O' || c == 'Q' ? " (I, O and Q never are)" : " (digits and A-Z only)"));
            }
            sum += value * WEIGHTS[i];
        }
        int remainder = sum % 11;
        char expected = remainder == 10 ? 'X' : (char) ('0' + remainder);
        if (vin.charAt(8) != expected) {
            return Optional.of("position 9: the check digit is '" + vin.charAt(8) + "' but the other characters give '"
                    + expected + "'");
        }
        return Optional.empty();
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int letter = LETTERS.indexOf(c);
        return letter < 0 ? -1 : LETTER_VALUES[letter];
    }
}
