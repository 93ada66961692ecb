package io.tokenledger.reporting.statement;

import java.math.BigDecimal;

/**
 * A cost center's subtotal: the sums of its tenants' lines (so, of their rounded costs).
 *
 * @param costCenter null for the tenants that have none
 * @param charged the sum of its tenants' charged amounts
 * @param budget the sum of its tenants' budgets, null when none of them has one
 * @param variance the sum of its tenants' variances (of those with a budget), null when none has one
 */
public record CostCenterLine(
        String costCenter,
        int tenants,
        Usage usage,
        BigDecimal cost,
        BigDecimal charged,
        BigDecimal budget,
        BigDecimal variance) {

    /** "CC-100", or "(no cost center)". */
    public String displayName() {
        return costCenter == null ? "(no cost center)" : costCenter;
    }
}
