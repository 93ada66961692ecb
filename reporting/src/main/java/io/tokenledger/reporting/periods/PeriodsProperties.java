package io.tokenledger.reporting.periods;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * {@code tokenledger.reporting.periods.*}.
 *
 * @param autoCloseAfterDays close a billing period automatically this many days after its last day (0 = never; an
 *     admin closes periods)
 * @param autoCloseCron when the automatic close runs (Spring cron, seconds first, in {@code tokenledger.business-zone});
 *     it runs once cluster-wide whatever the number of instances
 */
@ConfigurationProperties("tokenledger.reporting.periods")
public record PeriodsProperties(
        @DefaultValue("5") int autoCloseAfterDays,
        @DefaultValue("0 30 0 * * *") String autoCloseCron) {

    public PeriodsProperties {
        if (autoCloseAfterDays < 0 || autoCloseAfterDays > 366) {
            throw new IllegalArgumentException("tokenledger.reporting.periods.auto-close-after-days must be between 0"
                    + " (off) and 366, was " + autoCloseAfterDays);
        }
        if (autoCloseCron == null || !CronExpression.isValidExpression(autoCloseCron)) {
            throw new IllegalArgumentException("tokenledger.reporting.periods.auto-close-cron must be a Spring cron"
                    + " expression with seconds, e.g. '0 30 0 * * *', was '" + autoCloseCron + "'");
        }
    }

    public boolean autoCloseEnabled() {
        return autoCloseAfterDays > 0;
    }
}
