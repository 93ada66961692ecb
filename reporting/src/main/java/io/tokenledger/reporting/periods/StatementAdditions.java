package io.tokenledger.reporting.periods;

import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.reporting.budgets.Budget;
import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Budgets;
import io.tokenledger.reporting.ledger.AdjustmentLine;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.TenantScope;
import io.tokenledger.reporting.statement.ExtraCharge;
import io.tokenledger.reporting.statement.StatementExtras;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What periods and budgets add to a chargeback statement: the tenants' monthly budgets, and the adjustments booked
 * in the period (late usage and re-pricing of closed periods), each on the business day it was last booked.
 */
@Component
class StatementAdditions implements StatementExtras {

    private final Ledgers ledgers;
    private final Budgets budgets;
    private final BusinessCalendar calendar;

    StatementAdditions(Ledgers ledgers, Budgets budgets, BusinessCalendar calendar) {
        this.ledgers = ledgers;
        this.budgets = budgets;
        this.calendar = calendar;
    }

    @Override
    public Map<String, BigDecimal> budgets(YearMonth period, Set<String> tenantKeys) {
        Map<String, BigDecimal> monthly = new HashMap<>();
        for (Budget budget : budgets.all()) {
            if (budget.scope() == BudgetScope.TENANT
                    && budget.monthly() != null
                    && tenantKeys.contains(budget.subject())) {
                monthly.put(budget.subject(), budget.monthly());
            }
        }
        return monthly;
    }

    @Override
    public List<ExtraCharge> charges(YearMonth period, Set<String> tenantKeys) {
        return ledgers.adjustmentsBookedIn(period, TenantScope.only(tenantKeys)).stream()
                .map(adjustment -> new ExtraCharge(
                        adjustment.tenant(),
                        ExtraCharge.Kind.ADJUSTMENT,
                        bookedOn(adjustment, period),
                        description(adjustment),
                        adjustment.cost()))
                .toList();
    }

    private LocalDate bookedOn(AdjustmentLine adjustment, YearMonth period) {
        LocalDate day = calendar.dayOf(adjustment.updatedAt());
        if (day.isBefore(period.atDay(1))) {
            return period.atDay(1);
        }
        return day.isAfter(period.atEndOfMonth()) ? period.atEndOfMonth() : day;
    }

    private static String description(AdjustmentLine adjustment) {
        String what = adjustment.deployment() + (adjustment.model() == null ? "" : " (" + adjustment.model() + ")");
        String requests = adjustment.requests() == 0 ? "" : ", " + adjustment.requests() + " requests";
        String unpriced = adjustment.unpricedRequests() == 0 ? "" : ", " + adjustment.unpricedRequests() + " unpriced";
        return adjustment.label() + ": " + what + requests + unpriced;
    }
}
