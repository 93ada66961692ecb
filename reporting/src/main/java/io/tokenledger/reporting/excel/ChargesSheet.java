package io.tokenledger.reporting.excel;

import io.tokenledger.reporting.statement.ChargeLine;
import io.tokenledger.reporting.statement.ChargebackStatement;
import io.tokenledger.reporting.statement.ExtraCharge;
import io.tokenledger.reporting.statement.TenantLine;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Allocations of provisioned capacity and adjustments; only in a workbook whose period has any. */
final class ChargesSheet {

    static final String NAME = "Allocations & adjustments";

    private ChargesSheet() {}

    static void write(SheetWriter sheet, ChargebackStatement statement) {
        Map<String, TenantLine> tenants =
                statement.tenants().stream().collect(Collectors.toMap(TenantLine::key, Function.identity()));
        sheet.heading(
                        "Allocations and adjustments",
                        "Part of each tenant's cost on the Summary sheet, beside its metered usage.")
                .header(List.of(
                        "Tenant key",
                        "Tenant name",
                        "Cost center",
                        "Kind",
                        "Day",
                        "Description",
                        "Amount (" + statement.currency() + ")"));
        for (ChargeLine line : statement.charges()) {
            ExtraCharge charge = line.charge();
            TenantLine tenant = tenants.get(charge.tenantKey());
            sheet.row()
                    .text(charge.tenantKey())
                    .text(tenant.name())
                    .text(tenant.costCenter())
                    .text(charge.kind().label())
                    .date(charge.day())
                    .wrappedText(charge.description())
                    .variance(line.cost());
        }
    }
}
