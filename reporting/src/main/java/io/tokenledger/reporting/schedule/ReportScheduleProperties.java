package io.tokenledger.reporting.schedule;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenledger.reporting.schedules.*}: scheduled chargeback email. The SMTP server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param enabled whether this instance runs due schedules and retries (every instance may; each occurrence runs once)
 * @param pollInterval how often due schedules and retries are looked for
 * @param catchUp how late a missed occurrence (the service was down) is still sent; older ones are skipped
 * @param maxAttempts attempts per message before it is given up as failed
 * @param firstRetry the wait before the second attempt; it doubles with every further attempt
 * @param maxRetryDelay the longest wait between attempts
 * @param lease how long one attempt may take before another instance takes the message over
 * @param mailFrom the sender of report email
 */
@ConfigurationProperties("tokenledger.reporting.schedules")
public record ReportScheduleProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("24h") Duration catchUp,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1m") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetryDelay,
        @DefaultValue("10m") Duration lease,
        @DefaultValue("TokenLedger <tokenledger@localhost>") String mailFrom) {

    private static final String PREFIX = "tokenledger.reporting.schedules.";

    public ReportScheduleProperties {
        requirePositive("poll-interval", pollInterval);
        requirePositive("catch-up", catchUp);
        requirePositive("first-retry", firstRetry);
        requirePositive("max-retry-delay", maxRetryDelay);
        requirePositive("lease", lease);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(PREFIX + "max-attempts must be at least 1, was " + maxAttempts);
        }
        try {
            new InternetAddress(mailFrom, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException(
                    PREFIX + "mail-from: '" + mailFrom + "' is not an email address (" + e.getMessage() + ")", e);
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based): first-retry, doubled each time, at most the cap. */
    Duration retryDelay(int attempt) {
        Duration delay = firstRetry;
        for (int i = 1; i < attempt && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(PREFIX + name + " must be a positive duration, was " + value);
        }
    }
}
