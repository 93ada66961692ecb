package io.tokenledger.ingest.appinsights;

import io.tokenledger.ingest.format.UsageEvent;
import io.tokenledger.pricing.TokenCounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares fresh aggregates with what the ledger holds and books the difference: a bin seen for the first time
 * becomes event {@code <bin id>#1} with its sums; a bin whose sums grew becomes {@code <bin id>#<n + 1>} with only the
 * growth; an unchanged bin becomes nothing. A sum that shrank (data purged, an answer the service cut short without
 * saying so) never takes usage back: the larger value stays counted and the shrink is only reported.
 */
final class BinDeltas {

    /** Where the tenant dimension goes in the usage event. */
    private final String tenantField;

    BinDeltas(String tenantField) {
        this.tenantField = tenantField;
    }

    /** The bin's new counted state. */
    record BinState(String binId, MetricBin bin, CountedBin counted) {}

    /**
     * @param events the delta events to ingest
     * @param states the bins to store (changed ones only)
     * @param shrunk bins whose fresh sums were below the counted ones
     * @param totalMismatches bins whose total metric disagreed with prompt + completion
     */
    record Result(List<UsageEvent> events, List<BinState> states, int shrunk, int totalMismatches) {}

    Result compare(List<MetricBin> fresh, Map<String, CountedBin> counted) {
        Map<String, MetricBin> byId = new LinkedHashMap<>();
        for (MetricBin bin : fresh) {
            byId.put(bin.id(), bin);
        }
        List<UsageEvent> events = new ArrayList<>();
        List<BinState> states = new ArrayList<>();
        int shrunk = 0;
        int mismatches = 0;
        for (Map.Entry<String, MetricBin> entry : byId.entrySet()) {
            String id = entry.getKey();
            MetricBin bin = entry.getValue();
            CountedBin before = counted.getOrDefault(id, CountedBin.NONE);
            if (bin.totalDisagrees()) {
                mismatches++;
            }
            if (bin.prompt() < before.prompt()
                    || bin.completion() < before.completion()
                    || bin.requests() < before.requests()) {
                shrunk++;
            }
            long prompt = Math.max(0, bin.prompt() - before.prompt());
            long completion = Math.max(0, bin.completion() - before.completion());
            long requests = Math.max(0, bin.requests() - before.requests());
            long total = Math.max(bin.total(), before.total());
            if (prompt == 0 && completion == 0 && requests == 0) {
                if (total != before.total() && before.revision() > 0) {
                    states.add(new BinState(
                            id,
                            bin,
                            new CountedBin(
                                    before.prompt(),
                                    before.completion(),
                                    total,
                                    before.requests(),
                                    before.revision())));
                }
                continue;
            }
            int revision = before.revision() + 1;
            CountedBin after = new CountedBin(
                    before.prompt() + prompt,
                    before.completion() + completion,
                    total,
                    before.requests() + requests,
                    revision);
            states.add(new BinState(id, bin, after));
            events.add(event(id + "#" + revision, bin, prompt, completion, requests, revision));
        }
        return new Result(events, states, shrunk, mismatches);
    }

    private UsageEvent event(String id, MetricBin bin, long prompt, long completion, long requests, int revision) {
        BinDimensions d = bin.dimensions();
        String tenantValue = blankToNull(d.tenant());
        return new UsageEvent(
                id,
                bin.binStart(),
                tenantField.equals("tenant") ? tenantValue : null,
                tenantField.equals("subscriptionId") ? tenantValue : null,
                tenantField.equals("subscriptionName") ? tenantValue : null,
                blankToNull(d.product()),
                null,
                null,
                blankToNull(d.user()),
                null,
                d.deployment().isEmpty() ? AppInsightsSource.UNKNOWN_DEPLOYMENT : d.deployment(),
                blankToNull(d.model()),
                null,
                blankToNull(d.backend()),
                new TokenCounts(prompt, 0, completion, 0),
                Math.toIntExact(requests),
                null,
                false,
                null,
                Map.of("appinsightsBin", bin.id(), "appinsightsRevision", Integer.toString(revision)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
