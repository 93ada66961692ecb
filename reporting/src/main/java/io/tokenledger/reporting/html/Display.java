package io.tokenledger.reporting.html;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Display strings for the HTML statement: amounts already rounded by the statement, formatted, never re-rounded. */
final class Display {

    private final NumberFormat money;
    private final NumberFormat count = NumberFormat.getIntegerInstance(Locale.US);

    Display(String currency, int minorUnits) {
        money = NumberFormat.getCurrencyInstance(Locale.US);
        money.setCurrency(Currency.getInstance(currency));
        money.setMinimumFractionDigits(minorUnits);
        money.setMaximumFractionDigits(minorUnits);
    }

    /** An amount as shown, with the exact one beside it for a hover and for tests. */
    record Money(String display, String exact) {}

    Money money(BigDecimal rounded, BigDecimal exact) {
        if (rounded == null) {
            return new Money("—", "");
        }
        return new Money(money.format(rounded), plain(exact == null ? rounded : exact));
    }

    Money money(BigDecimal rounded) {
        return money(rounded, rounded);
    }

    String count(long value) {
        return count.format(value);
    }

    private static String plain(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }
}
