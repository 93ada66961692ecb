package io.tokenledger.reporting.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Event Hubs against Application Insights for a range of business days: a row per tenant and day with usage from
 * either source, in tenant and day order.
 *
 * @param thresholdPercent the difference above which a row is flagged
 */
public record ReconciliationReport(
        LocalDate from, LocalDate to, BigDecimal thresholdPercent, List<ReconciliationRow> rows) {

    public ReconciliationReport {
        rows = List.copyOf(rows);
    }

    public long flaggedRows() {
        return rows.stream().filter(ReconciliationRow::flagged).count();
    }
}
