package io.tokenledger.reporting.alerts;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * {@code tokenledger.reporting.alerts.*}.
 *
 * @param publicUrl where people reach this TokenLedger; alert messages link to {@code <publicUrl>/tenants/<key>}
 * @param checkCron when the scheduled budget check runs (Spring cron, seconds first, in
 *     {@code tokenledger.business-zone}; {@code -} = never); alerts are also evaluated as usage is ingested
 * @param delivery the outbox that sends alerts to their channels
 */
@ConfigurationProperties("tokenledger.reporting.alerts")
public record AlertsProperties(
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue("0 15 0 * * *") String checkCron,
        @DefaultValue Delivery delivery) {

    private static final String PREFIX = "tokenledger.reporting.alerts.";

    public AlertsProperties {
        if (publicUrl == null
                || !publicUrl.isAbsolute()
                || publicUrl.getHost() == null
                || !(publicUrl.getScheme().equals("https")
                        || publicUrl.getScheme().equals("http"))) {
            throw new IllegalArgumentException(
                    PREFIX + "public-url must be an absolute http(s) URL such as https://tokenledger.example.com, was "
                            + publicUrl);
        }
        if (checkCron == null || !(checkCron.equals("-") || CronExpression.isValidExpression(checkCron))) {
            throw new IllegalArgumentException(PREFIX + "check-cron must be a Spring cron expression with seconds"
                    + " (e.g. '0 15 0 * * *') or '-' for never, was '" + checkCron + "'");
        }
    }

    /** The public URL without a trailing slash, to append paths to. */
    public String base() {
        String url = publicUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * {@code tokenledger.reporting.alerts.delivery.*}.
     *
     * @param enabled run the delivery poller on this instance (every instance may; they never send a message twice)
     * @param pollInterval how often due deliveries are looked for
     * @param initialBackoff wait after the first failed attempt; doubled after each further failure
     * @param maxBackoff the longest wait between attempts
     * @param maxAttempts attempts before a delivery is given up (marked failed)
     * @param timeout connect and response timeout of one attempt
     * @param batchSize deliveries one poll claims
     */
    public record Delivery(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5s") Duration pollInterval,
            @DefaultValue("30s") Duration initialBackoff,
            @DefaultValue("1h") Duration maxBackoff,
            @DefaultValue("10") int maxAttempts,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("20") int batchSize) {

        public Delivery {
            positive(pollInterval, "poll-interval");
            positive(initialBackoff, "initial-backoff");
            positive(maxBackoff, "max-backoff");
            positive(timeout, "timeout");
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException(PREFIX + "delivery.max-backoff (" + maxBackoff
                        + ") must not be shorter than " + PREFIX + "delivery.initial-backoff (" + initialBackoff + ")");
            }
            if (maxAttempts < 1 || maxAttempts > 100) {
                throw new IllegalArgumentException(
                        PREFIX + "delivery.max-attempts must be between 1 and 100, was " + maxAttempts);
            }
            if (batchSize < 1 || batchSize > 1000) {
                throw new IllegalArgumentException(
                        PREFIX + "delivery.batch-size must be between 1 and 1000, was " + batchSize);
            }
        }

        /** How long a claimed delivery is reserved: longer than any attempt can take. */
        Duration lease() {
            return timeout.multipliedBy(3).plusSeconds(30);
        }

        private static void positive(Duration duration, String name) {
            if (duration == null || duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException(
                        PREFIX + "delivery." + name + " must be a positive duration, was " + duration);
            }
        }
    }
}
