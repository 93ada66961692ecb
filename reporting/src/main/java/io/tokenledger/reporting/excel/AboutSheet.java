package io.tokenledger.reporting.excel;

import io.tokenledger.reporting.statement.ChargebackStatement;
import io.tokenledger.reporting.statement.PresentationRounding;
import io.tokenledger.reporting.statement.StatementText;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the workbook is: period, time zone, currency, when it was made, the rounding rule and where data comes from. */
final class AboutSheet {

    static final String NAME = "About";

    private AboutSheet() {}

    static void write(SheetWriter sheet, ChargebackStatement statement, long dailyRows, boolean hasCharges) {
        sheet.heading("About this statement", "TokenLedger chargeback workbook")
                .header(List.of("Item", "Value"))
                .withoutFilter();
        sheet.row().text("Statement").wrappedText(statement.title());
        sheet.row().text("Scope").wrappedText(statement.scope().describe());
        sheet.row()
                .text("Period")
                .wrappedText(StatementText.month(statement.period()) + ": business days " + statement.from() + " to "
                        + statement.to());
        sheet.row().text("Period status").wrappedText(status(statement));
        sheet.row()
                .text("Time zone")
                .wrappedText(statement.zone().getId() + " (business days and billing periods; dates and times in"
                        + " this workbook are in this zone)");
        sheet.row().text("Currency").wrappedText(statement.currency());
        sheet.row()
                .text("Generated at")
                .wrappedText(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        statement.generatedAt().atZone(statement.zone())));
        sheet.row()
                .text("Generated at (as a date)")
                .dateTime(LocalDateTime.ofInstant(statement.generatedAt(), statement.zone()));
        sheet.row().text("Total charged").totalMoney(statement.total());
        sheet.row().text("Total cost").totalMoney(statement.costTotal());
        sheet.row()
                .text("Chargeback models")
                .wrappedText("Each tenant is charged its cost (usage, allocations, adjustments) under its chargeback"
                        + " model of the period: at cost (the default), with a markup or a discount in percent, or"
                        + " free (shown, charged 0); a tenant's own model wins over its cost center's. Charged"
                        + " amounts are rounded like costs: the total charged half up, the tenants by the largest"
                        + " remainder, so they add up to it. Lines below a tenant are at cost.");
        sheet.row().text("Rounding rule").wrappedText(PresentationRounding.RULE);
        sheet.row()
                .text("Unpriced requests")
                .wrappedText(statement.usage().unpricedRequests()
                        + " requests had no rate card in force on their day and are in no cost; publishing a rate"
                        + " card for their deployment prices them.");
        sheet.row()
                .text("Data source")
                .wrappedText("TokenLedger usage ledger: daily rollups of every accepted usage event from every"
                        + " ingest source (HTTP, Event Hubs, Application Insights, files), priced with the rate card"
                        + " in force on the event's business day.");
        sheet.row()
                .text("Last day with usage")
                .wrappedText(
                        statement.lastUsageDay() == null
                                ? "no usage in this period and scope"
                                : statement.lastUsageDay().toString());
        sheet.row()
                .text("Budgets")
                .wrappedText(
                        statement.budget() == null
                                ? "no tenant in this statement has a budget: budget and variance are empty"
                                : "variance = budget − cost; negative when over budget");
        sheet.row()
                .text("Sheets")
                .wrappedText("Summary (per tenant, total, subtotals by cost center); By deployment & model;"
                        + " Daily detail (" + dailyRows + " rows)"
                        + (hasCharges ? "; Allocations & adjustments" : "")
                        + "; Rate cards used; About.");
    }

    private static String status(ChargebackStatement statement) {
        if (statement.complete()) {
            return "complete: the period has ended";
        }
        return "in progress: month to date; figures change as usage arrives until the period ends";
    }
}
