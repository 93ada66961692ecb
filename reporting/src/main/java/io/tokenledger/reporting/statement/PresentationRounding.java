package io.tokenledger.reporting.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The one rounding rule of every statement. Amounts stay exact until they are presented; then the statement total
 * is rounded half up to the currency's minor unit and every level below it is apportioned by the largest-remainder
 * method: each line gets its exact amount rounded down, and the minor units still missing to reach the rounded
 * total above it go, one each, to the lines that lost the most. Rounded lines therefore always add up to the
 * rounded total they belong to, at every level (statement → tenant → deployment → model or day), and no line is
 * more than one minor unit away from its exact amount.
 */
public final class PresentationRounding {

    /** The rule as a statement states it (About sheet, HTML statement, docs). */
    public static final String RULE = "Costs are computed exactly (PostgreSQL numeric, never rounded on the way in)"
            + " and rounded once, for presentation, to the currency's minor unit: the statement total half up;"
            + " each line below it by the largest-remainder method, so that the rounded lines add up exactly to the"
            + " rounded total above them (tenants to the statement total, deployments to their tenant, models and"
            + " days to their deployment, cost centers are sums of their tenants). A line can therefore differ from"
            + " its own half-up rounding by at most one minor unit.";

    private PresentationRounding() {}

    /** Digits after the decimal point of {@code currency} (2 for USD and EUR, 0 for JPY). */
    public static int minorUnits(String currency) {
        return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    }

    /** The statement total: half up to {@code scale} digits. */
    static BigDecimal total(BigDecimal exact, int scale) {
        return exact.setScale(scale, RoundingMode.HALF_UP);
    }

    /**
     * Rounds {@code exact} amounts to {@code scale} digits so that they add up to {@code target}, by the largest
     * remainder; ties go to the earlier line.
     *
     * @throws IllegalStateException when {@code target} is not the sum of the amounts rounded down or up, i.e. the
     *     lines do not belong to that total
     */
    static List<BigDecimal> allocate(List<BigDecimal> exact, BigDecimal target, int scale) {
        List<BigDecimal> rounded = new ArrayList<>(exact.size());
        BigDecimal floors = BigDecimal.ZERO;
        for (BigDecimal amount : exact) {
            BigDecimal floor = amount.setScale(scale, RoundingMode.FLOOR);
            rounded.add(floor);
            floors = floors.add(floor);
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        int missing = target.setScale(scale, RoundingMode.UNNECESSARY)
                .subtract(floors)
                .divide(unit)
                .intValueExact();
        if (missing < 0 || missing > exact.size()) {
            throw new IllegalStateException("a rounded total of " + target + " cannot be apportioned to lines that add"
                    + " up to " + exact.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        List<Integer> byRemainder = IntStream.range(0, exact.size())
                .boxed()
                .sorted(Comparator.comparing((Integer i) -> exact.get(i).subtract(rounded.get(i)))
                        .reversed())
                .toList();
        for (int i = 0; i < missing; i++) {
            int line = byRemainder.get(i);
            rounded.set(line, rounded.get(line).add(unit));
        }
        return rounded;
    }
}
