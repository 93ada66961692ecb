package io.tokenledger.web.overview;

import io.tokenledger.reporting.budgets.RunRate;
import io.tokenledger.reporting.ledger.Ledger;
import io.tokenledger.reporting.ledger.LedgerRow;
import io.tokenledger.web.pages.ChartJson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The overview's charts: spend per day stacked by tenant, and the month's cumulative spend against forecast and budget. */
final class OverviewCharts {

    /** Tenants drawn on their own; the rest are added up as "other". */
    static final int STACKED_TENANTS = 8;

    private OverviewCharts() {}

    /** Every day of the month so far, one series per top tenant plus "other tenants". */
    static String dailyByTenant(Ledger byDayAndTenant, LocalDate today, String currency) {
        List<LocalDate> days = daysSoFar(today);
        Map<String, BigDecimal> totals = new HashMap<>();
        for (LedgerRow row : byDayAndTenant.rows()) {
            totals.merge(row.tenant(), row.cost(), BigDecimal::add);
        }
        Set<String> top = totals.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(STACKED_TENANTS)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        Map<String, Map<LocalDate, BigDecimal>> perTenant = new LinkedHashMap<>();
        top.forEach(tenant -> perTenant.put(tenant, new HashMap<>()));
        Map<LocalDate, BigDecimal> other = new HashMap<>();
        for (LedgerRow row : byDayAndTenant.rows()) {
            Map<LocalDate, BigDecimal> target = top.contains(row.tenant()) ? perTenant.get(row.tenant()) : other;
            target.merge(row.day(), row.cost(), BigDecimal::add);
        }
        List<ChartJson.Series> series = new ArrayList<>();
        perTenant.forEach((tenant, byDay) -> series.add(ChartJson.Series.of(tenant, perDay(days, byDay))));
        if (!other.isEmpty()) {
            series.add(ChartJson.Series.of("other tenants", perDay(days, other)));
        }
        return ChartJson.bars(labels(days), series, true, currency);
    }

    /**
     * Cumulative spend up to today, the run-rate forecast from today to the month's end, and the budget (the sum of
     * the monthly budgets in view) as a flat line when there is one.
     */
    static String monthAgainstBudget(Ledger byDay, LocalDate today, BigDecimal budget, String currency) {
        YearMonth month = YearMonth.from(today);
        List<LocalDate> days = new ArrayList<>();
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            days.add(month.atDay(day));
        }
        Map<LocalDate, BigDecimal> spend = new HashMap<>();
        byDay.rows().forEach(row -> spend.merge(row.day(), row.cost(), BigDecimal::add));
        BigDecimal forecast = RunRate.forecast(byDay.total(), month, today);
        int daysSoFar = today.getDayOfMonth();
        BigDecimal perDay = forecast.subtract(byDay.total())
                .divide(
                        BigDecimal.valueOf(Math.max(1, month.lengthOfMonth() - daysSoFar)),
                        10,
                        java.math.RoundingMode.HALF_UP);
        List<BigDecimal> actual = new ArrayList<>();
        List<BigDecimal> projected = new ArrayList<>();
        List<BigDecimal> budgetLine = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        for (LocalDate day : days) {
            if (!day.isAfter(today)) {
                running = running.add(spend.getOrDefault(day, BigDecimal.ZERO));
                actual.add(running);
                projected.add(day.equals(today) ? running : null);
            } else {
                actual.add(null);
                projected.add(byDay.total().add(perDay.multiply(BigDecimal.valueOf(day.getDayOfMonth() - daysSoFar))));
            }
            budgetLine.add(budget);
        }
        List<ChartJson.Series> series = new ArrayList<>();
        series.add(ChartJson.Series.of("spend to date", actual));
        series.add(ChartJson.Series.of("forecast (run rate)", projected).withDashes());
        if (budget != null && budget.signum() > 0) {
            series.add(ChartJson.Series.of("monthly budgets", budgetLine).withDashes());
        }
        return ChartJson.lines(labels(days), series, currency);
    }

    private static List<LocalDate> daysSoFar(LocalDate today) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = today.withDayOfMonth(1); !day.isAfter(today); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    private static List<BigDecimal> perDay(List<LocalDate> days, Map<LocalDate, BigDecimal> amounts) {
        return days.stream()
                .map(day -> amounts.getOrDefault(day, BigDecimal.ZERO))
                .toList();
    }

    private static List<String> labels(List<LocalDate> days) {
        return days.stream().map(LocalDate::toString).toList();
    }
}
