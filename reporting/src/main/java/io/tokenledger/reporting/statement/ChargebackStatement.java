package io.tokenledger.reporting.statement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * Everything a chargeback statement shows except its daily detail (which is streamed, see
 * {@link ChargebackStatements#dailyDetail}), read in one snapshot. Costs are given exact and rounded; the rounded
 * ones add up at every level (see {@link PresentationRounding}). {@code costTotal} is the exact total cost (usage,
 * allocations, adjustments) rounded half up; {@code total} is what is charged: the tenants' costs under their
 * chargeback models (equal to the cost when every tenant is charged at cost), rounded the same way.
 *
 * @param from first business day of the period
 * @param to last business day of the period
 * @param complete whether the period has ended (otherwise the statement is month to date)
 * @param lastUsageDay the last business day with usage in the period and scope; null when there was none
 * @param tenants by cost center (tenants without one last), then tenant key
 * @param costCenters subtotals, in the same order
 * @param deployments by tenant, deployment, model
 * @param charges allocations and adjustments, by tenant and day; empty until a feature supplies them
 * @param rateCards the versions that priced the period's usage, by deployment, model and day
 * @param budget the sum of the tenants' budgets, null when none has one
 * @param variance the sum of the variances of the tenants that have a budget, null when none has one
 * @param exactCostTotal the exact cost before chargeback models
 * @param costTotal {@code exactCostTotal} rounded half up
 * @param exactTotal the exact amount charged
 * @param total {@code exactTotal} rounded half up; the sum of the tenants' rounded charged amounts
 */
@NamedInterface("statement")
public record ChargebackStatement(
        StatementScope scope,
        YearMonth period,
        LocalDate from,
        LocalDate to,
        ZoneId zone,
        String currency,
        int minorUnits,
        Instant generatedAt,
        boolean complete,
        LocalDate lastUsageDay,
        List<TenantLine> tenants,
        List<CostCenterLine> costCenters,
        List<DeploymentLine> deployments,
        List<ChargeLine> charges,
        List<RateCardUse> rateCards,
        Usage usage,
        BigDecimal exactCostTotal,
        BigDecimal costTotal,
        BigDecimal exactTotal,
        BigDecimal total,
        BigDecimal budget,
        BigDecimal variance) {

    public ChargebackStatement {
        tenants = List.copyOf(tenants);
        costCenters = List.copyOf(costCenters);
        deployments = List.copyOf(deployments);
        charges = List.copyOf(charges);
        rateCards = List.copyOf(rateCards);
    }

    /** "Chargeback statement November 2026 · All tenants". */
    public String title() {
        return "Chargeback statement " + StatementText.month(period) + " · " + scope.describe();
    }
}
