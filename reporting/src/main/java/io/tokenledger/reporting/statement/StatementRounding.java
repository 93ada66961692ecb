package io.tokenledger.reporting.statement;

import io.tokenledger.ingest.Tenant;
import io.tokenledger.reporting.ledger.LedgerRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link PresentationRounding} down the statement's tree: total → tenants → (deployments and extra charges)
 * → models. Keeps the exact amounts beside the rounded ones.
 */
final class StatementRounding {

    private final Map<String, Usage> usage = new HashMap<>();
    private final Map<String, BigDecimal> exact = new HashMap<>();
    private final Map<String, BigDecimal> rounded = new HashMap<>();
    private final List<DeploymentLine> deploymentLines = new ArrayList<>();
    private final List<ChargeLine> chargeLines = new ArrayList<>();
    private BigDecimal exactTotal = BigDecimal.ZERO;
    private BigDecimal total = BigDecimal.ZERO;

    private StatementRounding() {}

    /**
     * @param tenants the statement's tenants in its order
     * @param rows ledger lines by tenant, deployment and model, in that order
     * @param charges allocations and adjustments of these tenants
     */
    static StatementRounding of(List<Tenant> tenants, List<LedgerRow> rows, List<ExtraCharge> charges, int scale) {
        Map<String, Map<String, List<LedgerRow>>> tree = new HashMap<>();
        for (LedgerRow row : rows) {
            tree.computeIfAbsent(row.tenant(), key -> new LinkedHashMap<>())
                    .computeIfAbsent(row.deployment(), key -> new ArrayList<>())
                    .add(row);
        }
        Map<String, List<ExtraCharge>> chargesOf = new HashMap<>();
        for (ExtraCharge charge : charges) {
            chargesOf
                    .computeIfAbsent(charge.tenantKey(), key -> new ArrayList<>())
                    .add(charge);
        }
        StatementRounding rounding = new StatementRounding();
        List<BigDecimal> tenantExact = new ArrayList<>();
        for (Tenant tenant : tenants) {
            BigDecimal amount = BigDecimal.ZERO;
            Usage counts = Usage.NONE;
            for (List<LedgerRow> models :
                    tree.getOrDefault(tenant.key(), Map.of()).values()) {
                for (LedgerRow row : models) {
                    amount = amount.add(row.cost());
                    counts = counts.plus(Usage.of(row));
                }
            }
            for (ExtraCharge charge : chargesOf.getOrDefault(tenant.key(), List.of())) {
                amount = amount.add(charge.amount());
            }
            rounding.usage.put(tenant.key(), counts);
            rounding.exact.put(tenant.key(), amount);
            tenantExact.add(amount);
            rounding.exactTotal = rounding.exactTotal.add(amount);
        }
        rounding.total = PresentationRounding.total(rounding.exactTotal, scale);
        List<BigDecimal> tenantRounded = PresentationRounding.allocate(tenantExact, rounding.total, scale);
        for (int i = 0; i < tenants.size(); i++) {
            String key = tenants.get(i).key();
            rounding.rounded.put(key, tenantRounded.get(i));
            rounding.apportionWithin(
                    key,
                    tenantRounded.get(i),
                    tree.getOrDefault(key, Map.of()),
                    chargesOf.getOrDefault(key, List.of()),
                    scale);
        }
        return rounding;
    }

    private void apportionWithin(
            String tenant,
            BigDecimal tenantCost,
            Map<String, List<LedgerRow>> deployments,
            List<ExtraCharge> charges,
            int scale) {
        List<BigDecimal> parts = new ArrayList<>();
        for (List<LedgerRow> models : deployments.values()) {
            parts.add(models.stream().map(LedgerRow::cost).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        charges.forEach(charge -> parts.add(charge.amount()));
        List<BigDecimal> partCosts = PresentationRounding.allocate(parts, tenantCost, scale);
        int part = 0;
        for (Map.Entry<String, List<LedgerRow>> deployment : deployments.entrySet()) {
            List<LedgerRow> models = deployment.getValue();
            List<BigDecimal> modelCosts = PresentationRounding.allocate(
                    models.stream().map(LedgerRow::cost).toList(), partCosts.get(part++), scale);
            for (int i = 0; i < models.size(); i++) {
                LedgerRow row = models.get(i);
                deploymentLines.add(new DeploymentLine(
                        tenant, deployment.getKey(), row.model(), Usage.of(row), row.cost(), modelCosts.get(i)));
            }
        }
        for (ExtraCharge charge : charges) {
            chargeLines.add(new ChargeLine(charge, partCosts.get(part++)));
        }
    }

    Usage usage(String tenant) {
        return usage.get(tenant);
    }

    BigDecimal exactCost(String tenant) {
        return exact.get(tenant);
    }

    BigDecimal cost(String tenant) {
        return rounded.get(tenant);
    }

    List<DeploymentLine> deploymentLines() {
        return deploymentLines;
    }

    List<ChargeLine> chargeLines() {
        return chargeLines;
    }

    BigDecimal exactTotal() {
        return exactTotal;
    }

    BigDecimal total() {
        return total;
    }
}
