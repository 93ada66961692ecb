package io.tokenledger.ingest.browse;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored usage event as the drill-down lists it.
 *
 * @param cost exact; null while the event is unpriced
 */
public record StoredEvent(
        String eventId,
        Instant eventTime,
        LocalDate usageDay,
        String deployment,
        String model,
        String user,
        String subscription,
        int requests,
        long promptTokens,
        long cachedPromptTokens,
        long completionTokens,
        long reasoningTokens,
        BigDecimal cost,
        Integer statusCode) {}
