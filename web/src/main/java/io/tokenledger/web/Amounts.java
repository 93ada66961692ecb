package io.tokenledger.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * How money leaves the service. The API gives the exact amount as a string; a page rounds once, half up to the
 * currency's minor unit, and keeps the exact amount beside it.
 */
public final class Amounts {

    private Amounts() {}

    /** The exact amount without trailing zeros, e.g. {@code "12.345678901"} or {@code "0"}. */
    public static String exact(BigDecimal amount) {
        if (amount.signum() == 0) {
            return "0";
        }
        return amount.stripTrailingZeros().toPlainString();
    }

    /** Rounded half up to the currency's minor unit, e.g. {@code 12.35}. */
    public static BigDecimal rounded(BigDecimal amount, String currency) {
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return amount.setScale(digits, RoundingMode.HALF_UP);
    }
}
