package io.tokenledger.web.testing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reading answers of {@code GET /api/v1/ledger}. */
public final class LedgerJson {

    private LedgerJson() {}

    /** The rows keyed by one of their groupBy keys, which must be unique among them. */
    public static Map<String, JsonNode> rowsBy(JsonNode ledger, String key) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        for (JsonNode row : ledger.path("rows")) {
            JsonNode previous = rows.put(row.path(key).asString(), row);
            if (previous != null) {
                throw new AssertionError("two rows with " + key + " " + row.path(key) + " in " + ledger);
            }
        }
        return rows;
    }

    public static BigDecimal sumOfCosts(JsonNode ledger) {
        return ledger.path("rows")
                .valueStream()
                .map(row -> new BigDecimal(row.path("cost").asString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static long sumOf(JsonNode ledger, String field) {
        return ledger.path("rows")
                .valueStream()
                .mapToLong(row -> row.path(field).asLong())
                .sum();
    }
}
