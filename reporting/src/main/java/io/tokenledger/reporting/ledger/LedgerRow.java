package io.tokenledger.reporting.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One ledger line. Keys not asked for in {@code groupBy} are null; {@code model} is null also when the source
 * did not report it. {@code cost} is exact (never rounded) and covers priced requests only.
 */
public record LedgerRow(
        String tenant,
        String deployment,
        String model,
        LocalDate day,
        long requests,
        long promptTokens,
        long cachedPromptTokens,
        long completionTokens,
        long reasoningTokens,
        BigDecimal cost,
        long unpricedRequests) {}
