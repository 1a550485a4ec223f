package com.lendingops.taskbridge.mapping;

import java.math.BigDecimal;

/**
 * The range of a money amount. A decimal such as {@code 1e-999999999} is a few bytes of JSON but a billion
 * digits once written out ({@link BigDecimal#toPlainString()}, {@link BigDecimal#setScale}): an amount outside
 * this range is refused before anything expands it, so one record cannot exhaust the heap or a CPU.
 */
public final class Amounts {

    /** Most digits before the decimal point (10^18 of any currency is far beyond a loan). */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** Most digits after the decimal point, trailing zeros not counted. */
    public static final int MAX_FRACTION_DIGITS = 18;

    private Amounts() {
    }

    /** Whether {@code value} can be written out plainly within the limits above. */
    public static boolean inRange(BigDecimal value) {
        if (value.signum() == 0) {
            return true;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int fractionDigits = Math.max(0, stripped.scale());
        long integerDigits = (long) stripped.precision() - stripped.scale();
        return fractionDigits <= MAX_FRACTION_DIGITS && integerDigits <= MAX_INTEGER_DIGITS;
    }
}
