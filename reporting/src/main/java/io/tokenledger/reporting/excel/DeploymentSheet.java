package io.tokenledger.reporting.excel;

import io.tokenledger.reporting.statement.ChargebackStatement;
import io.tokenledger.reporting.statement.DeploymentLine;
import io.tokenledger.reporting.statement.StatementText;
import io.tokenledger.reporting.statement.TenantLine;
import io.tokenledger.reporting.statement.Usage;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Per tenant: usage and cost of each deployment and model. A tenant's lines add up to its summary cost. */
final class DeploymentSheet {

    static final String NAME = "By deployment & model";

    private DeploymentSheet() {}

    static void write(SheetWriter sheet, ChargebackStatement statement) {
        Map<String, TenantLine> tenants =
                statement.tenants().stream().collect(Collectors.toMap(TenantLine::key, Function.identity()));
        sheet.heading(
                        "Usage by tenant, deployment and model",
                        "Each tenant's lines add up to its cost on the Summary sheet (less its allocations and"
                                + " adjustments, if any).")
                .header(List.of(
                        "Tenant key",
                        "Tenant name",
                        "Cost center",
                        "Deployment",
                        "Model",
                        "Requests",
                        "Unpriced requests",
                        "Prompt tokens",
                        "Cached prompt tokens",
                        "Completion tokens",
                        "Reasoning tokens",
                        "Cost (" + statement.currency() + ")"));
        for (DeploymentLine line : statement.deployments()) {
            TenantLine tenant = tenants.get(line.tenantKey());
            sheet.row()
                    .text(line.tenantKey())
                    .text(tenant.name())
                    .text(tenant.costCenter())
                    .text(line.deployment())
                    .text(StatementText.model(line.model()));
            Usage usage = line.usage();
            sheet.count(usage.requests())
                    .count(usage.unpricedRequests())
                    .count(usage.promptTokens())
                    .count(usage.cachedPromptTokens())
                    .count(usage.completionTokens())
                    .count(usage.reasoningTokens())
                    .money(line.cost());
        }
    }
}
