package io.tokenledger.reporting.budgets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The month-end forecast from the run rate: spend so far ÷ days elapsed (today counts as a whole day) × days in the
 * month. A period that has ended forecasts what it spent; one that has not begun, nothing. An estimate, so it is
 * rounded to six decimals.
 */
public final class RunRate {

    private RunRate() {}

    public static BigDecimal forecast(BigDecimal spend, YearMonth period, LocalDate today) {
        YearMonth current = YearMonth.from(today);
        if (period.isBefore(current)) {
            return spend;
        }
        if (period.isAfter(current)) {
            return BigDecimal.ZERO;
        }
        return spend.multiply(BigDecimal.valueOf(period.lengthOfMonth()))
                .divide(BigDecimal.valueOf(today.getDayOfMonth()), 6, RoundingMode.HALF_UP);
    }

    /** {@code part} as a percentage of {@code whole}, to one decimal (half up); null when there is no whole. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }
}
