package io.tokenledger.web.pages;

import io.tokenledger.web.Amounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Formatting for pages: an amount rounded once for display, with the exact value kept beside it. */
public final class MoneyFormat {

    private MoneyFormat() {}

    /** What a page shows of an amount: {@code display} rounded to the currency's minor unit, {@code exact} as stored. */
    public record Cell(String display, String exact) {}

    public static Cell cell(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(Currency.getInstance(currency));
        return new Cell(format.format(Amounts.rounded(amount, currency)), Amounts.exact(amount));
    }

    public static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    /** Bar length in percent of the largest value. */
    public static long percentOf(BigDecimal value, BigDecimal max) {
        if (max.signum() == 0) {
            return 0;
        }
        return value.multiply(BigDecimal.valueOf(100))
                .divide(max, 0, RoundingMode.HALF_UP)
                .longValue();
    }
}
