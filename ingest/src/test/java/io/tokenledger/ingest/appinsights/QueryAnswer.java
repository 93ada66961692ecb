package io.tokenledger.ingest.appinsights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Log Analytics query API's answer to TokenLedger's query, as the service sends it: one table with the
 * query's columns, the {@code dynamic} dimension bag as a JSON text in its cell, and optionally an {@code error}
 * next to the tables (a partial answer).
 */
final class QueryAnswer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final List<List<Object>> rows = new ArrayList<>();
    private Map<String, Object> error;

    static QueryAnswer empty() {
        return new QueryAnswer();
    }

    static QueryAnswer rows() {
        return new QueryAnswer();
    }

    /** A row: bin start, tenant and deployment dimension, prompt / completion / total sums, requests. */
    QueryAnswer bin(String binStart, String tenant, String deployment, long prompt, long completion, long requests) {
        return bin(binStart, Map.of("tenant", tenant, "deployment", deployment), prompt, completion, requests);
    }

    QueryAnswer bin(String binStart, Map<String, String> dimensions, long prompt, long completion, long requests) {
        Map<String, String> bag = new LinkedHashMap<>(dimensions);
        // the query packs every configured dimension; those the policy did not emit come back empty
        for (String role : List.of("tenant", "deployment", "user", "product", "backend")) {
            bag.putIfAbsent(role, "");
        }
        List<Object> row = new ArrayList<>();
        row.add(binStart);
        row.add(JSON.writeValueAsString(bag));
        row.add(prompt);
        row.add(completion);
        row.add(prompt + completion);
        row.add(requests);
        rows.add(row);
        return this;
    }

    /** Makes this a partial answer: the service stopped early and says so next to the (incomplete) table. */
    QueryAnswer partial() {
        error = Map.of(
                "code", "PartialError",
                "message", "There were some errors when processing your query.",
                "details",
                        List.of(Map.of(
                                "code", "EngineError",
                                "message", "Something went wrong processing your query on the server.",
                                "innererror",
                                        Map.of(
                                                "code",
                                                "-2133196797",
                                                "message",
                                                "Query result set has exceeded the internal data size limit 67108864"
                                                        + " (E_QUERY_RESULT_SET_TOO_LARGE)",
                                                "severity",
                                                2,
                                                "severityName",
                                                "Error"))));
        return this;
    }

    String json() {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("name", "PrimaryResult");
        table.put(
                "columns",
                List.of(
                        column(MetricsQuery.TIME_BIN, "datetime"),
                        column(MetricsQuery.DIMENSIONS, "dynamic"),
                        column(MetricsQuery.PROMPT, "long"),
                        column(MetricsQuery.COMPLETION, "long"),
                        column(MetricsQuery.TOTAL, "long"),
                        column(MetricsQuery.REQUESTS, "long")));
        table.put("rows", rows);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tables", List.of(table));
        if (error != null) {
            body.put("error", error);
        }
        return JSON.writeValueAsString(body);
    }

    LogAnalyticsServer.Reply reply() {
        return new LogAnalyticsServer.Reply(200, json(), Map.of());
    }

    private static Map<String, String> column(String name, String type) {
        return Map.of("name", name, "type", type);
    }
}
