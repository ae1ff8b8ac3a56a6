package com.dealerops.support;

import java.util.concurrent.ThreadLocalRandom;

import com.dealerops.vehicle.Vin;

/** Random VINs with a correct check digit, for tests that need many vehicles. */
public final class Vins {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

    private Vins() {
    }

    public static String random() {
        StringBuilder vin = new StringBuilder("LGX");
        for (int i = 3; i < 17; i++) {
            vin.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        for (char check : "0123456789X".toCharArray()) {
            vin.setCharAt(8, check);
            if (Vin.problem(vin.toString()).isEmpty()) {
                return vin.toString();
            }
        }
        throw new IllegalStateException("no check digit fits " + vin);
    }
}
