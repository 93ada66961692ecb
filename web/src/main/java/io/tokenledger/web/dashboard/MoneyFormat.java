package io.tokenledger.web.dashboard;

import io.tokenledger.web.Amounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Formatting for pages: an amount rounded once for display, with the exact value kept beside it. */
final class MoneyFormat {

    private MoneyFormat() {}

    /** What a page shows of an amount: {@code display} rounded to the currency's minor unit, {@code exact} as stored. */
    record Cell(String display, String exact) {}

    static Cell cell(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(Currency.getInstance(currency));
        return new Cell(format.format(Amounts.rounded(amount, currency)), Amounts.exact(amount));
    }

    static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    /** Bar length in percent of the largest value. */
    static long percentOf(BigDecimal value, BigDecimal max) {
        if (max.signum() == 0) {
            return 0;
        }
        return value.multiply(BigDecimal.valueOf(100))
                .divide(max, 0, RoundingMode.HALF_UP)
                .longValue();
    }
}
