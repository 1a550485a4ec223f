package com.lendingops.taskbridge.mapping;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises a customer phone to what incs expects: digits only, starting with the country code.
 * Spaces, dashes, dots and brackets are dropped; a leading {@code +} or {@code 00} introduces the country
 * code; a single leading national {@code 0} is replaced by the default country code.
 */
public final class PhoneNumbers {

    public static final int MIN_DIGITS = 8;
    public static final int MAX_DIGITS = 15;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\-\\u2010-\\u2015.()\\[\\]]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private PhoneNumbers() {
    }

    /** The digits incs expects, or empty when the input cannot be a valid international number. */
    public static Optional<String> normalise(String raw, String defaultCountryCode) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(raw).replaceAll("");
        String international;
        if (compact.startsWith("+")) {
            international = compact.substring(1);
        } else if (compact.startsWith("00")) {
            international = compact.substring(2);
        } else if (compact.startsWith("0")) {
            international = defaultCountryCode + compact.substring(1);
        } else {
            international = compact;
        }
        // Country codes never start with 0, so "+0..." or "000..." cannot be dialled internationally.
        if (!DIGITS.matcher(international).matches() || international.startsWith("0")
                || international.length() < MIN_DIGITS || international.length() > MAX_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(international);
    }
}
