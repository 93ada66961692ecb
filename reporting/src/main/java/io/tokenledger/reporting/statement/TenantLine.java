package io.tokenledger.reporting.statement;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A tenant's line of the summary.
 *
 * @param name the name an admin gave the tenant, null when none
 * @param costCenter null when none was given
 * @param exactCost usage cost plus allocations and adjustments, exact
 * @param cost {@code exactCost} rounded for presentation (see {@link PresentationRounding})
 * @param budget the tenant's budget for the period, null when it has none
 * @param chargeback the chargeback model applied, e.g. "at cost" or "markup 10 %"
 * @param exactCharged what the tenant is charged: {@code exactCost} × the model's factor, exact
 * @param charged {@code exactCharged} rounded so that the tenants' charged amounts add up to the statement total
 */
public record TenantLine(
        String key,
        String name,
        String costCenter,
        Usage usage,
        BigDecimal exactCost,
        BigDecimal cost,
        BigDecimal budget,
        String chargeback,
        BigDecimal exactCharged,
        BigDecimal charged) {

    /** The name to show: the given name, else the key. */
    public String displayName() {
        return name == null || name.isBlank() ? key : name;
    }

    /** Budget minus cost (at cost, as budgets and their alerts count it); empty without a budget. */
    public Optional<BigDecimal> variance() {
        return Optional.ofNullable(budget).map(amount -> amount.subtract(cost));
    }
}
