package io.tokenledger.web.dashboard;

import io.tokenledger.web.Amounts;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Formatting for pages, as {@code @money}: amounts rounded once for display, with the exact value at hand. */
@Component("money")
public class MoneyFormat {

    public String display(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(Amounts.rounded(amount, currency));
    }

    public String exact(BigDecimal amount) {
        return Amounts.exact(amount);
    }

    public String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    /** Bar width in percent of the largest value, for the CSS bars of the daily chart. */
    public long percentOf(BigDecimal value, BigDecimal max) {
        if (max.signum() == 0) {
            return 0;
        }
        return value.multiply(BigDecimal.valueOf(100))
                .divide(max, 0, java.math.RoundingMode.HALF_UP)
                .longValue();
    }
}
