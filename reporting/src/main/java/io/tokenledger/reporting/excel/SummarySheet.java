package io.tokenledger.reporting.excel;

import io.tokenledger.reporting.statement.ChargebackStatement;
import io.tokenledger.reporting.statement.CostCenterLine;
import io.tokenledger.reporting.statement.TenantLine;
import io.tokenledger.reporting.statement.Usage;
import java.util.List;

/**
 * Per tenant (key, name, cost center): requests, token buckets, cost, budget, variance, chargeback model and the
 * amount charged; the total; then the subtotal of each cost center, in the same columns. Cost and charged are equal
 * for tenants charged at cost; the statement's total is the charged one.
 */
final class SummarySheet {

    static final String NAME = "Summary";

    private SummarySheet() {}

    static void write(SheetWriter sheet, ChargebackStatement statement, String subtitle) {
        String currency = statement.currency();
        sheet.heading(statement.title(), subtitle)
                .header(List.of(
                        "Tenant key",
                        "Tenant name",
                        "Cost center",
                        "Requests",
                        "Unpriced requests",
                        "Prompt tokens",
                        "Cached prompt tokens",
                        "Completion tokens",
                        "Reasoning tokens",
                        "Cost (" + currency + ")",
                        "Budget (" + currency + ")",
                        "Variance (" + currency + ")",
                        "Chargeback model",
                        "Charged (" + currency + ")"));
        for (TenantLine tenant : statement.tenants()) {
            sheet.row().text(tenant.key()).text(tenant.name()).text(tenant.costCenter());
            usage(sheet, tenant.usage());
            sheet.money(tenant.cost())
                    .money(tenant.budget())
                    .variance(tenant.variance().orElse(null))
                    .text(tenant.chargeback())
                    .money(tenant.charged());
        }
        sheet.endOfTable();
        total(sheet, "Total", "", statement);

        sheet.skipRow().section("Subtotals by cost center");
        for (CostCenterLine costCenter : statement.costCenters()) {
            sheet.row()
                    .text("Subtotal")
                    .text(costCenter.tenants() + (costCenter.tenants() == 1 ? " tenant" : " tenants"))
                    .text(costCenter.displayName());
            usage(sheet, costCenter.usage());
            sheet.money(costCenter.cost())
                    .money(costCenter.budget())
                    .variance(costCenter.variance())
                    .text("")
                    .money(costCenter.charged());
        }
        int tenants = statement.tenants().size();
        total(sheet, "Total", tenants + (tenants == 1 ? " tenant" : " tenants"), statement);
        if (statement.tenants().isEmpty()) {
            sheet.skipRow().section("No usage in this period and scope.");
        }
    }

    private static void usage(SheetWriter sheet, Usage usage) {
        sheet.count(usage.requests())
                .count(usage.unpricedRequests())
                .count(usage.promptTokens())
                .count(usage.cachedPromptTokens())
                .count(usage.completionTokens())
                .count(usage.reasoningTokens());
    }

    private static void total(SheetWriter sheet, String label, String detail, ChargebackStatement statement) {
        Usage usage = statement.usage();
        sheet.row()
                .bold(label)
                .bold(detail)
                .bold("")
                .totalCount(usage.requests())
                .totalCount(usage.unpricedRequests())
                .totalCount(usage.promptTokens())
                .totalCount(usage.cachedPromptTokens())
                .totalCount(usage.completionTokens())
                .totalCount(usage.reasoningTokens())
                .totalMoney(statement.costTotal())
                .totalMoney(statement.budget())
                .totalVariance(statement.variance())
                .bold("")
                .totalMoney(statement.total());
    }
}
