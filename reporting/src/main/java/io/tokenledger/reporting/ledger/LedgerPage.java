package io.tokenledger.reporting.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One page of a ledger, its rows in {@link LedgerCursor#pageOrder} order. {@code total} and {@code unpricedRequests}
 * are those of the whole result, not of the page; {@code next} is where the following page starts, empty on the last.
 */
public record LedgerPage(
        String currency, List<LedgerRow> rows, BigDecimal total, long unpricedRequests, Optional<LedgerCursor> next) {

    public static final int MAX_LIMIT = 50_000;

    public LedgerPage {
        rows = List.copyOf(rows);
    }
}
