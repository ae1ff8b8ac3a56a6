package com.dealerops.common.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "13812345678, +8613812345678",
            "138 1234 5678, +8613812345678",
            "138-1234-5678, +8613812345678",
            "+86 138 1234 5678, +8613812345678",
            "008613812345678, +8613812345678",
            "+852 9123 4567, +85291234567",
            "+44 7911 123456, +447911123456" })
    void normalisesMobileNumbersToE164(String raw, String e164) {
        assertEquals(Optional.of(e164), PhoneNumbers.normalize(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = { "12345", "010 6552 9988", "+86 10 6552 9988", "abc", "", "1381234567800000000000000000000000" })
    void rejectsWhatIsNotAMobileNumber(String raw) {
        assertTrue(PhoneNumbers.normalize(raw).isEmpty(), raw);
    }

    @ParameterizedTest
    @CsvSource({
            "+8613812345678, 138****5678",
            "+85291234567, +852 91****67",
            "+447911123456, +44 791***3456" })
    void masksTheMiddleDigits(String e164, String masked) {
        assertEquals(masked, PhoneNumbers.mask(e164));
    }
}
