package io.tokenledger.reporting.ledger;

import java.math.BigDecimal;
import java.util.List;

/** A ledger in the reporting currency: its lines and their exact total (the sum of the lines' costs). */
public record Ledger(String currency, List<LedgerRow> rows, BigDecimal total) {

    public Ledger {
        rows = List.copyOf(rows);
    }

    public long unpricedRequests() {
        return rows.stream().mapToLong(LedgerRow::unpricedRequests).sum();
    }
}
