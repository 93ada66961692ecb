package io.tokenledger.ingest.appinsights;

import io.tokenledger.ingest.IngestProperties.AppInsights;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The KQL of one pull window (shown in docs/appinsights.md). It reads only pre-aggregates: {@code valueSum} and
 * {@code valueCount} ({@code Sum} and {@code ItemCount} in a workspace), never {@code value}, which is just one
 * sample of an aggregate. Per time bin and dimension set it sums everything ingested before the window's end, and
 * keeps only the groups that got data during the window: a bin that grows is returned again with its new total,
 * and an unchanged bin is not returned at all.
 */
final class MetricsQuery {

    /** The columns the query answers with. */
    static final String TIME_BIN = "TimeBin";

    static final String DIMENSIONS = "Dimensions";
    static final String PROMPT = "PromptTokens";
    static final String COMPLETION = "CompletionTokens";
    static final String TOTAL = "TotalTokens";
    static final String REQUESTS = "Requests";

    private final AppInsights settings;

    MetricsQuery(AppInsights settings) {
        this.settings = settings;
    }

    String kql(PullWindow window) {
        MetricsSchema schema = MetricsSchema.of(settings);
        AppInsights.Metrics metrics = settings.metrics();
        List<String> names = new ArrayList<>(List.of(metrics.prompt(), metrics.completion()));
        if (!metrics.total().isEmpty()) {
            names.add(metrics.total());
        }
        Map<String, String> dimensions = configuredDimensions();
        String counts = "PromptCount, CompletionCount" + (metrics.total().isEmpty() ? "" : ", TotalCount");
        StringBuilder kql = new StringBuilder();
        kql.append("// TokenLedger: APIM token metrics per time bin and dimension set (docs/appinsights.md)\n");
        kql.append("let ingestFrom = ").append(datetime(window.ingestFrom())).append(";\n");
        kql.append("let ingestTo = ").append(datetime(window.ingestTo())).append(";\n");
        kql.append(schema.table).append('\n');
        kql.append("| where ").append(schema.time).append(" >= ").append(datetime(window.eventFrom()));
        kql.append(" and ")
                .append(schema.time)
                .append(" < ")
                .append(datetime(window.eventTo()))
                .append('\n');
        kql.append("| where ").append(schema.name).append(" in (");
        kql.append(names.stream().map(MetricsQuery::string).collect(Collectors.joining(", ")))
                .append(")\n");
        kql.append("| extend Ingested = ingestion_time()\n");
        kql.append("| where Ingested < ingestTo\n");
        kql.append("| summarize\n");
        sumOf(kql, PROMPT, schema.sum, schema, metrics.prompt());
        sumOf(kql, COMPLETION, schema.sum, schema, metrics.completion());
        if (!metrics.total().isEmpty()) {
            sumOf(kql, TOTAL, schema.sum, schema, metrics.total());
        }
        sumOf(kql, "PromptCount", schema.count, schema, metrics.prompt());
        sumOf(kql, "CompletionCount", schema.count, schema, metrics.completion());
        if (!metrics.total().isEmpty()) {
            sumOf(kql, "TotalCount", schema.count, schema, metrics.total());
        }
        kql.append("    LastIngested = max(Ingested)\n");
        kql.append("    by ")
                .append(TIME_BIN)
                .append(" = bin(")
                .append(schema.time)
                .append(", ");
        kql.append(timespan(settings.binSize())).append(')');
        dimensions.forEach((role, dimension) -> kql.append(",\n       ")
                .append(column(role))
                .append(" = tostring(")
                .append(schema.dimensions)
                .append('[')
                .append(string(dimension))
                .append("])"));
        kql.append('\n');
        kql.append("| where LastIngested >= ingestFrom\n");
        kql.append("| project ")
                .append(TIME_BIN)
                .append(",\n    ")
                .append(DIMENSIONS)
                .append(" = bag_pack(");
        kql.append(dimensions.keySet().stream()
                .map(role -> string(role) + ", " + column(role))
                .collect(Collectors.joining(", ")));
        kql.append("),\n");
        kql.append("    ")
                .append(PROMPT)
                .append(" = tolong(round(")
                .append(PROMPT)
                .append(")),\n");
        kql.append("    ")
                .append(COMPLETION)
                .append(" = tolong(round(")
                .append(COMPLETION)
                .append(")),\n");
        kql.append("    ").append(TOTAL).append(" = ");
        kql.append(metrics.total().isEmpty() ? "tolong(0)" : "tolong(round(" + TOTAL + "))")
                .append(",\n");
        kql.append("    ")
                .append(REQUESTS)
                .append(" = tolong(round(max_of(")
                .append(counts)
                .append(")))\n");
        kql.append("| order by ").append(TIME_BIN).append(" asc\n");
        kql.append("| take ").append(settings.maxRows());
        return kql.toString();
    }

    /** Role → custom dimension name, for the dimensions that are configured. */
    private Map<String, String> configuredDimensions() {
        AppInsights.Dimensions d = settings.dimensions();
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("tenant", d.tenant());
        dimensions.put("deployment", d.deployment());
        putIfSet(dimensions, "user", d.user());
        putIfSet(dimensions, "product", d.product());
        putIfSet(dimensions, "backend", d.backend());
        putIfSet(dimensions, "model", d.model());
        return dimensions;
    }

    private static void putIfSet(Map<String, String> dimensions, String role, String name) {
        if (!name.isEmpty()) {
            dimensions.put(role, name);
        }
    }

    private static void sumOf(StringBuilder kql, String alias, String column, MetricsSchema schema, String metric) {
        kql.append("    ").append(alias).append(" = sumif(").append(column).append(", ");
        kql.append(schema.name).append(" == ").append(string(metric)).append("),\n");
    }

    private static String column(String role) {
        return "Dim" + Character.toUpperCase(role.charAt(0)) + role.substring(1);
    }

    private static String datetime(Instant time) {
        return "datetime(" + time + ")";
    }

    private static String timespan(Duration duration) {
        return duration.toMinutes() + "m";
    }

    /** A KQL string literal: backslash and double quote escaped. */
    static String string(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
