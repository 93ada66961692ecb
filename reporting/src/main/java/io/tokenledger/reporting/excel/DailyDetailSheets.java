package io.tokenledger.reporting.excel;

import io.tokenledger.reporting.statement.DailyLine;
import io.tokenledger.reporting.statement.Usage;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Tenant × deployment × day, streamed row by row. When a sheet is full (Excel holds 1,048,576 rows) the detail goes
 * on in "Daily detail (2)", and so on.
 */
final class DailyDetailSheets implements Consumer<DailyLine> {

    static final String NAME = "Daily detail";

    private final Supplier<SheetWriter> nextSheet;
    private final String currency;
    private SheetWriter sheet;
    private long rows;

    /** @param nextSheet creates the next sheet, named {@link #NAME} then "Daily detail (n)" */
    DailyDetailSheets(Supplier<SheetWriter> nextSheet, String currency) {
        this.nextSheet = nextSheet;
        this.currency = currency;
    }

    void start() {
        sheet = nextSheet.get();
        sheet.heading(
                        "Daily detail: usage by tenant, deployment and business day",
                        "Each deployment's days add up to its cost on the By deployment & model sheet.")
                .header(List.of(
                        "Tenant key",
                        "Cost center",
                        "Deployment",
                        "Day",
                        "Requests",
                        "Unpriced requests",
                        "Prompt tokens",
                        "Cached prompt tokens",
                        "Completion tokens",
                        "Reasoning tokens",
                        "Cost (" + currency + ")"));
    }

    @Override
    public void accept(DailyLine line) {
        if (sheet.rowsWritten() > SheetWriter.LAST_ROW) {
            sheet.finish();
            start();
        }
        Usage usage = line.usage();
        sheet.row()
                .text(line.tenantKey())
                .text(line.costCenter())
                .text(line.deployment())
                .date(line.day())
                .count(usage.requests())
                .count(usage.unpricedRequests())
                .count(usage.promptTokens())
                .count(usage.cachedPromptTokens())
                .count(usage.completionTokens())
                .count(usage.reasoningTokens())
                .money(line.cost());
        rows++;
    }

    void finish() {
        sheet.finish();
    }

    long rows() {
        return rows;
    }
}
