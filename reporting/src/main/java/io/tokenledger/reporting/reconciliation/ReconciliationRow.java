package io.tokenledger.reporting.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One tenant's day, as each source counted it (prompt + completion tokens, of the deployments both sources feed).
 *
 * @param difference App Insights minus Event Hubs: positive when Event Hubs has less (dropped messages)
 * @param differencePercent the difference's size as a percentage of the larger count, two decimals (half up)
 * @param flagged whether {@code differencePercent} is above the threshold
 */
public record ReconciliationRow(
        String tenant,
        LocalDate day,
        long eventHubsTokens,
        long appInsightsTokens,
        long eventHubsRequests,
        long appInsightsRequests,
        long difference,
        BigDecimal differencePercent,
        boolean flagged) {}
