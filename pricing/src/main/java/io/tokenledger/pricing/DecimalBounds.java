package io.tokenledger.pricing;

import io.tokenledger.db.RejectedException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * How many digits a price, a rate or an amount that people enter may have: at most {@value #MAX_INTEGER_DIGITS}
 * before the decimal point and {@value #MAX_FRACTION_DIGITS} after (trailing zeros do not count). The columns are
 * PostgreSQL {@code numeric} without a declared precision and statements write prices as plain text, so without a
 * bound {@code 1e1000000} became 0 (usage free) or a number of over 100,000 digits that no export could hold. Rate-card
 * prices, PTU commitment amounts, FX rates and chargeback percentages are all held to it, in the API, the pages and
 * the imports alike; whether a value may be zero or negative is each caller's rule.
 */
public final class DecimalBounds {

    /** Digits before the decimal point: up to 999,999,999,999 (a price per 1M tokens in any currency fits). */
    public static final int MAX_INTEGER_DIGITS = 12;

    /** Digits after the decimal point, trailing zeros not counted: room for a per-token price written per 1M. */
    public static final int MAX_FRACTION_DIGITS = 20;

    /**
     * The longest text read as a number. Reading a decimal takes time that grows with the square of its length (a
     * million digits take seconds), so longer text is refused before it is read.
     */
    public static final int MAX_TEXT_LENGTH = 100;

    private static final int SHOWN_DIGITS = 40;

    private DecimalBounds() {}

    /**
     * The value as it is stored: unchanged, or, when written with more decimals than {@link #MAX_FRACTION_DIGITS}
     * that are all trailing zeros, without them (the same number).
     *
     * @throws RejectedException {@code INVALID}, naming {@code field}, when the value has too many digits
     */
    public static BigDecimal check(String field, BigDecimal value) {
        problem(value).ifPresent(problem -> {
            throw RejectedException.invalid(field, field + " " + problem);
        });
        if (value.signum() == 0) {
            return value.scale() < 0 || value.scale() > MAX_FRACTION_DIGITS ? BigDecimal.ZERO : value;
        }
        if (value.scale() < 0) {
            return value.setScale(0, RoundingMode.UNNECESSARY);
        }
        return value.scale() > MAX_FRACTION_DIGITS ? value.stripTrailingZeros() : value;
    }

    /**
     * Reads {@code text} as a decimal and {@linkplain #check checks} it.
     *
     * @throws NumberFormatException when the text is not a decimal number (callers say what it must look like)
     * @throws RejectedException {@code INVALID}, naming {@code field}, when it is longer than
     *     {@link #MAX_TEXT_LENGTH} or has too many digits
     */
    public static BigDecimal parse(String field, String text) {
        textProblem(text).ifPresent(problem -> {
            throw RejectedException.invalid(field, field + " " + problem);
        });
        return check(field, new BigDecimal(text.strip()));
    }

    /** Why {@code text} is not read as a number at all, if it is not: it is too long. */
    public static Optional<String> textProblem(String text) {
        if (text.strip().length() > MAX_TEXT_LENGTH) {
            return Optional.of("must be a number of at most " + MAX_INTEGER_DIGITS + " digits before the decimal"
                    + " point and " + MAX_FRACTION_DIGITS + " after, was a text of "
                    + text.strip().length()
                    + " characters");
        }
        return Optional.empty();
    }

    /**
     * Why {@code value} has too many digits, if it has, as words that follow the field's name, e.g. {@code must be
     * below 1000000000000 (at most 12 digits before the decimal point), was 1E+1000000}. Cheap for any value: a
     * number of a million digits is judged by its precision and scale, never written out or divided.
     */
    public static Optional<String> problem(BigDecimal value) {
        if (value.signum() == 0) {
            return Optional.empty();
        }
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            return Optional.of("must be below 1" + "0".repeat(MAX_INTEGER_DIGITS) + " (at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point), was " + shown(value));
        }
        // the first significant digit is at 10^(integerDigits - 1): beyond the last allowed place, nothing is left
        if (integerDigits <= -MAX_FRACTION_DIGITS || !fitsFraction(value)) {
            return Optional.of("must have at most " + MAX_FRACTION_DIGITS + " digits after the decimal point, was "
                    + shown(value));
        }
        return Optional.empty();
    }

    private static boolean fitsFraction(BigDecimal value) {
        if (value.scale() <= MAX_FRACTION_DIGITS) {
            return true;
        }
        try {
            value.setScale(MAX_FRACTION_DIGITS, RoundingMode.UNNECESSARY);
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    /** The value as an error message shows it: in full when short (1E+1000000 is), else its size. */
    private static String shown(BigDecimal value) {
        return value.precision() <= SHOWN_DIGITS
                ? value.toString()
                : "a number of " + value.precision() + " significant digits";
    }
}
