package io.tokenledger.reporting.budgets;

import static io.tokenledger.db.jooq.Tables.USAGE_DAILY;

import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.PeriodTotal;
import io.tokenledger.reporting.ledger.TenantScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * What tenants spent, as budgets count it: a period's spend is what its statement charges (usage of its days plus
 * adjustments booked in it); a day's spend is the usage of that day. Exact amounts, a few grouped queries whatever
 * the number of tenants.
 */
@Component
public class Spending {

    private static final Field<BigDecimal> COST = DSL.coalesce(DSL.sum(USAGE_DAILY.COST), BigDecimal.ZERO);

    private final DSLContext dsl;
    private final Ledgers ledgers;

    Spending(DSLContext dsl, Ledgers ledgers) {
        this.dsl = dsl;
        this.ledgers = ledgers;
    }

    /** Spend per tenant in {@code period}; tenants without any are absent. */
    public Map<String, BigDecimal> inPeriod(Collection<String> tenants, YearMonth period) {
        Map<String, BigDecimal> spend = new HashMap<>();
        ledgers.periodTotalsByTenant(period, TenantScope.only(tenants))
                .forEach((tenant, total) -> spend.put(tenant, total.total()));
        return spend;
    }

    /** Spend of the tenants together in {@code period}. */
    public BigDecimal inPeriodTogether(Collection<String> tenants, YearMonth period) {
        return ledgers.periodTotalsByTenant(period, TenantScope.only(tenants)).values().stream()
                .map(PeriodTotal::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Usage cost per tenant and day, for these days; pairs without usage are absent. */
    public Map<String, Map<LocalDate, BigDecimal>> onDays(Collection<String> tenants, Collection<LocalDate> days) {
        Map<String, Map<LocalDate, BigDecimal>> spend = new HashMap<>();
        if (tenants.isEmpty() || days.isEmpty()) {
            return spend;
        }
        dsl.select(USAGE_DAILY.TENANT_KEY, USAGE_DAILY.USAGE_DAY, COST)
                .from(USAGE_DAILY)
                .where(USAGE_DAILY.TENANT_KEY.in(tenants))
                .and(USAGE_DAILY.USAGE_DAY.in(days))
                .groupBy(USAGE_DAILY.TENANT_KEY, USAGE_DAILY.USAGE_DAY)
                .forEach(row -> spend.computeIfAbsent(row.value1(), tenant -> new HashMap<>())
                        .put(row.value2(), row.value3()));
        return spend;
    }

    /** A deployment's usage cost in a period. */
    public record DeploymentSpend(String deployment, BigDecimal cost) {}

    /** The deployments the tenants spent most on in {@code period} (usage of its days), most first. */
    public List<DeploymentSpend> topDeployments(Collection<String> tenants, YearMonth period, int limit) {
        if (tenants.isEmpty()) {
            return List.of();
        }
        return dsl.select(USAGE_DAILY.DEPLOYMENT, COST)
                .from(USAGE_DAILY)
                .where(USAGE_DAILY.TENANT_KEY.in(tenants))
                .and(USAGE_DAILY.USAGE_DAY.between(period.atDay(1), period.atEndOfMonth()))
                .groupBy(USAGE_DAILY.DEPLOYMENT)
                .orderBy(COST.desc(), USAGE_DAILY.DEPLOYMENT)
                .limit(limit)
                .fetch(row -> new DeploymentSpend(row.value1(), row.value2()));
    }
}
