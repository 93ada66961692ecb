package io.tokenledger.reporting.html;

import io.tokenledger.pricing.Prices;
import io.tokenledger.pricing.RateCard;
import io.tokenledger.reporting.statement.ChargeLine;
import io.tokenledger.reporting.statement.ChargebackStatement;
import io.tokenledger.reporting.statement.CostCenterLine;
import io.tokenledger.reporting.statement.DeploymentLine;
import io.tokenledger.reporting.statement.PresentationRounding;
import io.tokenledger.reporting.statement.RateCardUse;
import io.tokenledger.reporting.statement.StatementText;
import io.tokenledger.reporting.statement.TenantLine;
import io.tokenledger.reporting.statement.Usage;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The HTML statement's view model: display strings only, so that the template does no arithmetic. */
record StatementView(
        String title,
        String scope,
        String period,
        String days,
        String zone,
        String currency,
        String generatedAt,
        String status,
        boolean complete,
        String lastUsageDay,
        String roundingRule,
        Counts totals,
        Display.Money total,
        Display.Money costTotal,
        Display.Money budget,
        Display.Money variance,
        List<TenantRow> tenants,
        List<CostCenterRow> costCenters,
        List<TenantGroup> deployments,
        List<ChargeRow> charges,
        List<RateCardRow> rateCards) {

    record Counts(
            String requests, String unpriced, String prompt, String cached, String completion, String reasoning) {}

    record TenantRow(
            String key,
            String name,
            String costCenter,
            Counts counts,
            Display.Money cost,
            Display.Money budget,
            Display.Money variance,
            String chargeback,
            Display.Money charged) {}

    record CostCenterRow(
            String name,
            String tenants,
            Counts counts,
            Display.Money cost,
            Display.Money budget,
            Display.Money variance,
            Display.Money charged) {}

    record TenantGroup(String key, String name, List<DeploymentRow> rows) {}

    record DeploymentRow(String deployment, String model, Counts counts, Display.Money cost) {}

    record ChargeRow(String tenant, String kind, String day, String description, Display.Money amount) {}

    record RateCardRow(
            String deployment,
            String model,
            String from,
            String to,
            String version,
            String matches,
            String effectiveFrom,
            String prompt,
            String cached,
            String completion,
            String reasoning,
            String createdBy) {}

    static StatementView of(ChargebackStatement statement) {
        Display display = new Display(statement.currency(), statement.minorUnits());
        Map<String, TenantLine> tenantsByKey = new LinkedHashMap<>();
        statement.tenants().forEach(tenant -> tenantsByKey.put(tenant.key(), tenant));
        return new StatementView(
                statement.title(),
                statement.scope().describe(),
                StatementText.month(statement.period()),
                statement.from() + " to " + statement.to(),
                statement.zone().getId(),
                statement.currency(),
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(statement
                        .generatedAt()
                        .atZone(statement.zone())
                        .toLocalDateTime()
                        .withNano(0)),
                statement.complete() ? "complete" : "in progress (month to date)",
                statement.complete(),
                statement.lastUsageDay() == null
                        ? "none"
                        : statement.lastUsageDay().toString(),
                PresentationRounding.RULE,
                counts(display, statement.usage()),
                display.money(statement.total(), statement.exactTotal()),
                display.money(statement.costTotal(), statement.exactCostTotal()),
                display.money(statement.budget()),
                display.money(statement.variance()),
                statement.tenants().stream()
                        .map(tenant -> new TenantRow(
                                tenant.key(),
                                tenant.name(),
                                tenant.costCenter() == null ? "" : tenant.costCenter(),
                                counts(display, tenant.usage()),
                                display.money(tenant.cost(), tenant.exactCost()),
                                display.money(tenant.budget()),
                                display.money(tenant.variance().orElse(null)),
                                tenant.chargeback(),
                                display.money(tenant.charged(), tenant.exactCharged())))
                        .toList(),
                statement.costCenters().stream()
                        .map(costCenter -> costCenter(display, costCenter))
                        .toList(),
                groups(display, statement.deployments(), tenantsByKey),
                statement.charges().stream().map(line -> charge(display, line)).toList(),
                statement.rateCards().stream()
                        .map(use -> rateCard(use, statement.currency()))
                        .toList());
    }

    private static Counts counts(Display display, Usage usage) {
        return new Counts(
                display.count(usage.requests()),
                display.count(usage.unpricedRequests()),
                display.count(usage.promptTokens()),
                display.count(usage.cachedPromptTokens()),
                display.count(usage.completionTokens()),
                display.count(usage.reasoningTokens()));
    }

    private static CostCenterRow costCenter(Display display, CostCenterLine line) {
        return new CostCenterRow(
                line.displayName(),
                display.count(line.tenants()),
                counts(display, line.usage()),
                display.money(line.cost()),
                display.money(line.budget()),
                display.money(line.variance()),
                display.money(line.charged()));
    }

    private static List<TenantGroup> groups(
            Display display, List<DeploymentLine> lines, Map<String, TenantLine> tenants) {
        Map<String, List<DeploymentRow>> rows = new LinkedHashMap<>();
        for (DeploymentLine line : lines) {
            rows.computeIfAbsent(line.tenantKey(), key -> new ArrayList<>())
                    .add(new DeploymentRow(
                            line.deployment(),
                            StatementText.model(line.model()),
                            counts(display, line.usage()),
                            display.money(line.cost(), line.exactCost())));
        }
        List<TenantGroup> groups = new ArrayList<>();
        rows.forEach((key, deploymentRows) ->
                groups.add(new TenantGroup(key, tenants.get(key).displayName(), deploymentRows)));
        return groups;
    }

    private static ChargeRow charge(Display display, ChargeLine line) {
        return new ChargeRow(
                line.charge().tenantKey(),
                line.charge().kind().label(),
                line.charge().day().toString(),
                line.charge().description(),
                display.money(line.cost(), line.charge().amount()));
    }

    private static RateCardRow rateCard(RateCardUse use, String reportingCurrency) {
        String model = StatementText.model(use.model());
        if (use.card().isEmpty()) {
            return new RateCardRow(
                    use.deployment(),
                    model,
                    use.from().toString(),
                    use.to().toString(),
                    "—",
                    "no rate card in force: unpriced",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "");
        }
        RateCard card = use.card().get();
        Prices prices = card.prices();
        return new RateCardRow(
                use.deployment(),
                model,
                use.from().toString(),
                use.to().toString(),
                Long.toString(card.id()),
                StatementText.matches(card)
                        + (card.currency().equals(reportingCurrency) ? "" : " · prices in " + card.currency())
                        + (use.note().isEmpty() ? "" : " · " + use.note()),
                card.effectiveFrom().toString(),
                prices.prompt().toPlainString(),
                prices.cachedPrompt().toPlainString(),
                prices.completion().toPlainString(),
                prices.reasoning().toPlainString(),
                card.createdBy());
    }
}
