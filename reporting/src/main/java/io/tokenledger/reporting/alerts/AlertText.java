package io.tokenledger.reporting.alerts;

import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.RunRate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/**
 * An alert in words and display amounts, shared by the Slack and webhook messages. Amounts are rounded once, half
 * up to the currency's minor unit, as on the dashboard.
 *
 * @param subjectName the tenant's display name or the cost center
 * @param subjectKey the tenant key or the cost center
 * @param costCenter the tenant's cost center (or the cost center itself); may be null
 * @param link the page of the tenant (or the alerts page for a cost center)
 */
record AlertText(Alert alert, String subjectName, String subjectKey, String costCenter, String currency, String link) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);

    String who() {
        return alert.scope() == BudgetScope.TENANT ? subjectName : "Cost center " + subjectName;
    }

    String headline() {
        return switch (alert.kind()) {
            case MONTHLY -> who() + " reached " + alert.step() + "% of its monthly budget";
            case DAILY -> who() + " crossed its daily threshold";
        };
    }

    /** The one-line fallback text (Slack notifications, clients without blocks). */
    String summary() {
        return switch (alert.kind()) {
            case MONTHLY ->
                "Budget alert: " + headline() + " for " + window() + ": spent " + money(alert.spend())
                        + " of " + money(alert.budgetAmount()) + " (" + percentOfBudget() + "%), month-end forecast "
                        + money(alert.forecast()) + ". " + link;
            case DAILY ->
                "Budget alert: " + who() + " spent " + money(alert.spend()) + " on " + window()
                        + ", over its daily threshold of " + money(alert.budgetAmount()) + ". " + link;
        };
    }

    /** The period ({@code November 2026}) or the day ({@code 20 Nov 2026}). */
    String window() {
        return alert.kind() == AlertKind.MONTHLY ? MONTH.format(alert.windowStart()) : DAY.format(alert.windowStart());
    }

    String threshold() {
        return alert.kind() == AlertKind.MONTHLY
                ? alert.step() + "% of " + money(alert.budgetAmount()) + " = " + money(alert.threshold())
                : money(alert.threshold()) + " a day";
    }

    /** Spend as a percentage of the monthly budget or the daily threshold, one decimal. */
    String percentOfBudget() {
        BigDecimal percent = RunRate.percent(alert.spend(), alert.budgetAmount());
        return percent == null ? "" : percent.toPlainString();
    }

    String money(BigDecimal amount) {
        if (amount == null) {
            return "–";
        }
        Currency unit = Currency.getInstance(currency);
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(unit);
        int digits = Math.max(unit.getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(amount.setScale(digits, RoundingMode.HALF_UP));
    }

    /** An exact amount as the API writes money: a plain decimal string. */
    static String exact(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }
}
