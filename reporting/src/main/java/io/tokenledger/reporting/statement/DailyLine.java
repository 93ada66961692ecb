package io.tokenledger.reporting.statement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Usage of one tenant on one deployment on one business day.
 *
 * @param costCenter the tenant's, null when none
 * @param cost {@code exactCost} rounded so that a deployment's days add up to its rounded total
 */
public record DailyLine(
        String tenantKey,
        String costCenter,
        String deployment,
        LocalDate day,
        Usage usage,
        BigDecimal exactCost,
        BigDecimal cost) {}
