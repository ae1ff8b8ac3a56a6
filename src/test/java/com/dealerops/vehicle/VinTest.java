package com.dealerops.vehicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class VinTest {

    @Test
    void realVinsFromPublicSourcesPass() {
        // Wikipedia's "Vehicle identification number" example (check digit X), NHTSA-decodable VINs of a Honda
        // Accord, an Acura and a Cadillac, and the all-ones test VIN
        for (String vin : List.of("1M8GDM9AXKP042788", "1HGCM82633A004352", "JHMCM56557C404453", "5GZCZ43D13S812715",
                "11111111111111111")) {
            assertEquals(Optional.empty(), Vin.problem(vin), vin);
        }
    }

    @Test
    void eachFailureNamesThePositionThatFails() {
        assertEquals(Optional.of("position 9: the check digit is 'Y' but the other characters give 'X'"),
                Vin.problem("1M8GDM9AYKP042788"));
        assertEquals(Optional.of("position 17: 'I' is not allowed in a VIN (I, O and Q never are)"),
                Vin.problem("1M8GDM9AXKP04278I"));
        assertEquals(Optional.of("position 4: 'O' is not allowed in a VIN (I, O and Q never are)"),
                Vin.problem("1M8ODM9AXKP042788"));
        assertEquals(Optional.of("position 1: '-' is not allowed in a VIN (digits and A-Z only)"),
                Vin.problem("-M8GDM9AXKP042788"));
        assertEquals(Optional.of("must be 17 characters, not 16"), Vin.problem("1M8GDM9AXKP04278"));
        assertTrue(Vin.problem(null).isPresent());
        assertEquals("1M8GDM9AXKP042788", Vin.normalize(" 1m8gdm9axkp042788 "));
    }

    @Test
    void everySingleCharacterChangeOfAValidVinIsCaught() {
        String valid = "1HGCM82633A004352";
        String alphabet = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
        int caught = 0;
        int changes = 0;
        for (int position = 0; position < 17; position++) {
            if (position == 8) {
                continue;
            }
            for (char c : alphabet.toCharArray()) {
                if (c == valid.charAt(position)) {
                    continue;
                }
                String changed = valid.substring(0, position) + c + valid.substring(position + 1);
                changes++;
                // letters that transliterate to the same value as the original cannot be caught by any check digit
                if (Vin.problem(changed).isPresent()) {
                    caught++;
                }
            }
        }
        assertTrue(caught > changes * 0.85, caught + " of " + changes + " caught");
    }
}
