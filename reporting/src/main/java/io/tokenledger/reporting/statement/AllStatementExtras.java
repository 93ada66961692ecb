package io.tokenledger.reporting.statement;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every feature's {@link StatementExtras} as one: the charges of all of them; budgets and charging models of the first
 * bean that has one for a tenant.
 */
final class AllStatementExtras implements StatementExtras {

    private final List<StatementExtras> all;

    private AllStatementExtras(List<StatementExtras> all) {
        this.all = List.copyOf(all);
    }

    static StatementExtras of(List<StatementExtras> beans) {
        if (beans.size() <= 1) {
            return beans.isEmpty() ? StatementExtras.NONE : beans.getFirst();
        }
        return new AllStatementExtras(beans);
    }

    @Override
    public Map<String, BigDecimal> budgets(YearMonth period, Set<String> tenantKeys) {
        Map<String, BigDecimal> budgets = new LinkedHashMap<>();
        all.forEach(each -> each.budgets(period, tenantKeys).forEach(budgets::putIfAbsent));
        return budgets;
    }

    @Override
    public List<ExtraCharge> charges(YearMonth period, Set<String> tenantKeys) {
        List<ExtraCharge> charges = new ArrayList<>();
        all.forEach(each -> charges.addAll(each.charges(period, tenantKeys)));
        return charges;
    }

    @Override
    public Map<String, Charging> charging(YearMonth period, Map<String, String> costCenterByTenant) {
        Map<String, Charging> charging = new LinkedHashMap<>();
        all.forEach(each -> each.charging(period, costCenterByTenant).forEach(charging::putIfAbsent));
        return charging;
    }
}
