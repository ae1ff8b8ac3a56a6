package com.dealerops.common.phone;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Mobile numbers in E.164. A number without a country code is read as Chinese ({@code 13812345678} becomes
 * {@code +8613812345678}). Masking keeps the first three and last four digits of the national number, the way
 * Chinese dealers print them ({@code 138****5678}).
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "CN";
    private static final int CHINA = 86;

    private PhoneNumbers() {
    }

    /** The number in E.164, or empty if it is not a valid mobile number. */
    public static Optional<String> normalize(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 32) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw.trim(), DEFAULT_REGION);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            PhoneNumberType type = UTIL.getNumberType(number);
            if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    public static String mask(String e164) {
        Phonenumber.PhoneNumber number;
        try {
            number = UTIL.parse(e164, DEFAULT_REGION);
        } catch (NumberParseException e) {
            return "****";
        }
        String national = UTIL.getNationalSignificantNumber(number);
        int keepStart = national.length() >= 10 ? 3 : 2;
        int keepEnd = national.length() >= 10 ? 4 : 2;
        String masked = national.length() <= keepStart + keepEnd
                ? "*".repeat(national.length())
                : national.substring(0, keepStart) + "*".repeat(national.length() - keepStart - keepEnd)
                        + national.substring(national.length() - keepEnd);
        return number.getCountryCode() == CHINA ? masked : "+" + number.getCountryCode() + " " + masked;
    }
}
