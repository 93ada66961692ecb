package io.tokenledger.reporting.reconciliation;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenledger.reporting.reconciliation.*}.
 *
 * @param thresholdPercent a tenant's day is flagged when the two sources differ by more than this share of the
 *     larger one
 * @param maxDays the longest range one request may cover (the comparison reads individual events)
 */
@ConfigurationProperties("tokenledger.reporting.reconciliation")
public record ReconciliationProperties(
        @DefaultValue("2") BigDecimal thresholdPercent,
        @DefaultValue("92") int maxDays) {

    public ReconciliationProperties {
        if (thresholdPercent == null
                || thresholdPercent.signum() < 0
                || thresholdPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException(
                    "tokenledger.reporting.reconciliation.threshold-percent must be between 0 and 100, was "
                            + thresholdPercent);
        }
        if (maxDays < 1 || maxDays > 366) {
            throw new IllegalArgumentException(
                    "tokenledger.reporting.reconciliation.max-days must be between 1 and 366, was " + maxDays);
        }
    }
}
