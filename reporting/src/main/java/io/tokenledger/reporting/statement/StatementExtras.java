package io.tokenledger.reporting.statement;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What other features add to a chargeback statement: budgets (for the budget and variance columns) and charges
 * that are not metered usage (provisioned-capacity allocations, adjustments). Until a feature provides a bean of
 * this type the statement shows empty budget and variance columns and no allocations-and-adjustments sheet.
 *
 * <p>Extension point: implement it as a Spring bean. The statement uses every bean there is: charges of all of them,
 * budgets and charging models of the first that has one for a tenant (budgets and periods, provisioned capacity and
 * chargeback models each provide one).
 */
public interface StatementExtras {

    /** Nothing to add. */
    StatementExtras NONE = new StatementExtras() {};

    /** The budgets of these tenants for the period, by tenant key; a tenant without a budget is absent. */
    default Map<String, BigDecimal> budgets(YearMonth period, Set<String> tenantKeys) {
        return Map.of();
    }

    /**
     * Allocations and adjustments booked in the period for these tenants (exact amounts); they are part of the
     * tenants' costs on the statement.
     */
    default List<ExtraCharge> charges(YearMonth period, Set<String> tenantKeys) {
        return List.of();
    }

    /**
     * How each of these tenants is charged in the period (tenant key to its cost center, which may be null); a
     * tenant that is absent is charged at cost.
     */
    default Map<String, Charging> charging(YearMonth period, Map<String, String> costCenterByTenant) {
        return Map.of();
    }
}
