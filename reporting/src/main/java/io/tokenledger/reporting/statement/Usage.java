package io.tokenledger.reporting.statement;

import io.tokenledger.reporting.ledger.LedgerRow;

/** Request and token counts of a statement line. */
public record Usage(
        long requests,
        long unpricedRequests,
        long promptTokens,
        long cachedPromptTokens,
        long completionTokens,
        long reasoningTokens) {

    public static final Usage NONE = new Usage(0, 0, 0, 0, 0, 0);

    static Usage of(LedgerRow row) {
        return new Usage(
                row.requests(),
                row.unpricedRequests(),
                row.promptTokens(),
                row.cachedPromptTokens(),
                row.completionTokens(),
                row.reasoningTokens());
    }

    Usage plus(Usage other) {
        return new Usage(
                Math.addExact(requests, other.requests),
                Math.addExact(unpricedRequests, other.unpricedRequests),
                Math.addExact(promptTokens, other.promptTokens),
                Math.addExact(cachedPromptTokens, other.cachedPromptTokens),
                Math.addExact(completionTokens, other.completionTokens),
                Math.addExact(reasoningTokens, other.reasoningTokens));
    }
}
