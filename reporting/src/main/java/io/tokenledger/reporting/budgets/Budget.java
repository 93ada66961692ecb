package io.tokenledger.reporting.budgets;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A budget: a monthly amount with percentage steps that each fire one alert per period when spend reaches them, and
 * a daily threshold that fires one alert per day. Either amount may be absent (null), not both.
 *
 * @param subject a tenant key or a cost center, as {@code scope} says
 * @param steps percentages of {@code monthly}, ascending (e.g. 50, 80, 100)
 */
public record Budget(
        BudgetScope scope,
        String subject,
        BigDecimal monthly,
        List<Integer> steps,
        BigDecimal daily,
        Instant updatedAt,
        String updatedBy) {

    public Budget {
        steps = List.copyOf(steps);
    }
}
