package io.tokenledger.reporting.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class RunRateTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Test
    void theCurrentMonthIsExtrapolatedFromTheDaysElapsedTodayIncluded() {
        // 30.00 in 20 of 30 days
        assertThat(RunRate.forecast(new BigDecimal("30.00"), NOVEMBER, LocalDate.parse("2026-11-20")))
                .isEqualByComparingTo("45.00");
        // on the first day, the first day's spend counts as a whole day
        assertThat(RunRate.forecast(new BigDecimal("1"), NOVEMBER, LocalDate.parse("2026-11-01")))
                .isEqualByComparingTo("30");
    }

    @Test
    void anEndedMonthForecastsWhatItSpentAndAFutureOneNothing() {
        assertThat(RunRate.forecast(new BigDecimal("12.34"), NOVEMBER, LocalDate.parse("2026-12-03")))
                .isEqualByComparingTo("12.34");
        assertThat(RunRate.forecast(new BigDecimal("12.34"), NOVEMBER, LocalDate.parse("2026-10-31")))
                .isEqualByComparingTo("0");
    }

    @Test
    void percentIsRoundedHalfUpToOneDecimalAndAbsentWithoutABudget() {
        assertThat(RunRate.percent(new BigDecimal("0.80"), new BigDecimal("1.00")))
                .isEqualByComparingTo("80.0");
        assertThat(RunRate.percent(new BigDecimal("1"), new BigDecimal("3"))).isEqualByComparingTo("33.3");
        assertThat(RunRate.percent(new BigDecimal("2"), new BigDecimal("3"))).isEqualByComparingTo("66.7");
        assertThat(RunRate.percent(BigDecimal.ONE, null)).isNull();
    }
}
