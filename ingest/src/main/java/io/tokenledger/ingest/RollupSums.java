package io.tokenledger.ingest;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sums every rollup row carries, defined once. {@code usage_daily}, {@code usage_tenant_day},
 * {@code usage_deployment_day} and {@code ledger_adjustment} have these columns, and every statement that writes them
 * takes its lists of them from here; the triggers of {@code usage_daily} (migration V11), which cannot, are held to the
 * same columns by {@code RollupTriggersIT}.
 *
 * <p>Each sum but the last adds up the {@code usage_event} column of its name ({@link #EVENT_COLUMNS}); {@code cost} is 0
 * where no event of a group is priced, and {@code unpriced_requests} counts the requests of the events without a cost.
 */
final class RollupSums {

    /** The rollup sum columns, in the order every statement lists them. */
    static final List<String> COLUMNS = List.of(
            "requests",
            "prompt_tokens",
            "cached_prompt_tokens",
            "completion_tokens",
            "reasoning_tokens",
            "cost",
            "unpriced_requests");

    /** The {@code usage_event} columns the sums add up. */
    static final List<String> EVENT_COLUMNS = COLUMNS.stream()
            .filter(column -> !column.equals("unpriced_requests"))
            .toList();

    private RollupSums() {}

    /** {@code requests, prompt_tokens, …, unpriced_requests}. */
    static String columns() {
        return String.join(", ", COLUMNS);
    }

    /** {@code sum(requests), …, sum(unpriced_requests)}: the sums of a group of rollup rows. */
    static String summed() {
        return list(COLUMNS, column -> "sum(" + column + ")", ", ");
    }

    /**
     * {@code requests = d.requests + excluded.requests, …}, one a line: an upsert's update that adds the proposed row's
     * sums to those of the row {@code alias} it met.
     */
    static String addedTo(String alias) {
        return list(COLUMNS, column -> column + " = " + alias + "." + column + " + excluded." + column, ",\n");
    }

    /** {@code e.requests, …, e.cost} for {@code prefix} {@code e.}: the event columns the sums add up. */
    static String eventColumns(String prefix) {
        return list(EVENT_COLUMNS, column -> prefix + column, ", ");
    }

    /**
     * The sums of a group of events whose columns are {@code prefix}{@code requests} and so on, one a line:
     * {@code sum(e.requests), …, coalesce(sum(e.cost), 0), coalesce(sum(e.requests) filter (where e.cost is null), 0)}.
     */
    static String ofEvents(String prefix) {
        return list(COLUMNS, column -> ofEvents(column, prefix, ""), ",\n");
    }

    /**
     * {@link #ofEvents} of unprefixed columns, each value multiplied by {@code factor} (such as {@code sign * }) inside
     * its sum, and named as its rollup column: {@code sum(sign * requests) as requests, …}.
     */
    static String ofEventsNamed(String factor) {
        return list(COLUMNS, column -> ofEvents(column, "", factor) + " as " + column, ",\n");
    }

    private static String ofEvents(String column, String prefix, String factor) {
        return switch (column) {
            case "cost" -> "coalesce(sum(" + factor + prefix + "cost), 0)";
            case "unpriced_requests" ->
                "coalesce(sum(" + factor + prefix + "requests) filter (where " + prefix + "cost is null), 0)";
            default -> "sum(" + factor + prefix + column + ")";
        };
    }

    private static String list(List<String> columns, Function<String, String> each, String separator) {
        return columns.stream().map(each).collect(Collectors.joining(separator));
    }
}
