package io.tokenledger.ingest.appinsights;

import com.azure.monitor.query.models.LogsTable;
import com.azure.monitor.query.models.LogsTableCell;
import com.azure.monitor.query.models.LogsTableRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the query's table into {@link MetricBin}s. The {@code Dimensions} column is {@code dynamic}, which the query
 * API sends as a JSON text inside the cell; counts are read as exact decimals (a {@code real} sum arrives as
 * {@code 1840.0}), never through floating point.
 */
final class MetricRows {

    private final JsonMapper json = JsonMapper.builder().build();

    List<MetricBin> read(LogsTable table) {
        List<MetricBin> bins = new ArrayList<>(table.getRows().size());
        for (LogsTableRow row : table.getRows()) {
            bins.add(new MetricBin(
                    time(cell(row, MetricsQuery.TIME_BIN)),
                    BinDimensions.of(dimensions(cell(row, MetricsQuery.DIMENSIONS))),
                    count(cell(row, MetricsQuery.PROMPT)),
                    count(cell(row, MetricsQuery.COMPLETION)),
                    row.getColumnValue(MetricsQuery.TOTAL)
                            .map(MetricRows::count)
                            .orElse(0L),
                    count(cell(row, MetricsQuery.REQUESTS))));
        }
        return bins;
    }

    // by name: the SDK's cells carry their column's name (its table-level column list may be empty)
    private static LogsTableCell cell(LogsTableRow row, String column) {
        return row.getColumnValue(column)
                .orElseThrow(() -> new IllegalStateException(
                        "the query's answer has no column " + column + " (row " + row.getRowIndex() + ")"));
    }

    private static Instant time(LogsTableCell cell) {
        OffsetDateTime time = cell.getValueAsDateTime();
        if (time == null) {
            throw new IllegalStateException("row " + cell.getRowIndex() + " has no " + MetricsQuery.TIME_BIN);
        }
        return time.toInstant();
    }

    private static long count(LogsTableCell cell) {
        String text = cell.getValueAsString();
        if (text == null || text.isBlank()) {
            return 0;
        }
        BigDecimal value = new BigDecimal(text.strip());
        if (value.signum() < 0) {
            throw new IllegalStateException(
                    "row " + cell.getRowIndex() + ": " + cell.getColumnName() + " is negative (" + text + ")");
        }
        return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private Map<String, String> dimensions(LogsTableCell cell) {
        String text = cell.getValueAsString();
        Map<String, String> bag = new HashMap<>();
        if (text == null || text.isBlank()) {
            return bag;
        }
        JsonNode node = json.readTree(text);
        if (!node.isObject()) {
            throw new IllegalStateException(
                    "row " + cell.getRowIndex() + ": " + MetricsQuery.DIMENSIONS + " is not a JSON object: " + text);
        }
        node.properties()
                .forEach(entry -> bag.put(
                        entry.getKey(),
                        entry.getValue().isNull() ? "" : entry.getValue().asString()));
        return bag;
    }
}
