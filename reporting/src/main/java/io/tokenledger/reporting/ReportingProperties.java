package io.tokenledger.reporting;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hc.core5.net.InetAddressUtils;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * The reporting module's settings: {@code tokenledger.reporting.*} and {@code tokenledger.alerts.*} (the name API.md
 * gives the alert channels' settings). Bound at {@code tokenledger}, the prefix the two share.
 *
 * @param reporting periods, alerts, reconciliation and scheduled reports
 * @param alerts which alert channel URLs are accepted
 */
@ConfigurationProperties("tokenledger")
public record ReportingProperties(
        @DefaultValue Reporting reporting, @DefaultValue AlertChannelUrls alerts) {

    /**
     * {@code tokenledger.reporting.*}.
     *
     * @param periods billing periods
     * @param alerts budget alerts
     * @param reconciliation the comparison of Event Hubs with Application Insights
     * @param schedules scheduled chargeback email
     */
    public record Reporting(
            @DefaultValue Periods periods,
            @DefaultValue Alerts alerts,
            @DefaultValue Reconciliation reconciliation,
            @DefaultValue Schedules schedules) {}

    /**
     * {@code tokenledger.reporting.periods.*}.
     *
     * @param autoCloseAfterDays close a billing period automatically this many days after its last day (0 = never; an
     *     admin closes periods)
     * @param autoCloseCron when the automatic close runs (Spring cron, seconds first, in the business zone); it runs
     *     once cluster-wide whatever the number of instances
     */
    public record Periods(
            @DefaultValue("5") int autoCloseAfterDays,
            @DefaultValue("0 30 0 * * *") String autoCloseCron) {

        public Periods {
            if (autoCloseAfterDays < 0 || autoCloseAfterDays > 366) {
                throw new IllegalArgumentException("tokenledger.reporting.periods.auto-close-after-days must be"
                        + " between 0 (off) and 366, was " + autoCloseAfterDays);
            }
            if (autoCloseCron == null || !CronExpression.isValidExpression(autoCloseCron)) {
                throw new IllegalArgumentException("tokenledger.reporting.periods.auto-close-cron must be a Spring"
                        + " cron expression with seconds, e.g. '0 30 0 * * *', was '" + autoCloseCron + "'");
            }
        }

        public boolean autoCloseEnabled() {
            return autoCloseAfterDays > 0;
        }
    }

    /**
     * {@code tokenledger.reporting.alerts.*}.
     *
     * @param publicUrl where people reach this TokenLedger; alert messages link to {@code <publicUrl>/tenants/<key>}
     * @param checkCron when the scheduled budget check runs (Spring cron, seconds first, in the business zone; - =
     *     never); alerts are also evaluated as usage is ingested
     * @param delivery the outbox that sends alerts to their channels
     */
    public record Alerts(
            @DefaultValue("http://localhost:8080") URI publicUrl,
            @DefaultValue("0 15 0 * * *") String checkCron,
            @DefaultValue Delivery delivery) {

        private static final String PREFIX = "tokenledger.reporting.alerts.";

        public Alerts {
            if (publicUrl == null
                    || !publicUrl.isAbsolute()
                    || publicUrl.getHost() == null
                    || !(publicUrl.getScheme().equals("https")
                            || publicUrl.getScheme().equals("http"))) {
                throw new IllegalArgumentException(PREFIX + "public-url must be an absolute http(s) URL such as"
                        + " https://tokenledger.example.com, was " + publicUrl);
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
    }

    /**
     * {@code tokenledger.reporting.alerts.delivery.*}.
     *
     * @param enabled run the delivery poller on this instance (every instance may; they never send a message twice)
     * @param pollInterval how often due deliveries are looked for
     * @param initialBackoff wait after the first failed attempt; doubled after each further failure
     * @param maxBackoff the longest wait between attempts
     * @param maxAttempts attempts before a delivery is given up (marked failed)
     * @param timeout the longest one attempt takes: connecting, sending, and the answer's status line and headers
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

        private static final String PREFIX = "tokenledger.reporting.alerts.delivery.";

        public Delivery {
            requirePositive(pollInterval, PREFIX + "poll-interval");
            requirePositive(initialBackoff, PREFIX + "initial-backoff");
            requirePositive(maxBackoff, PREFIX + "max-backoff");
            requirePositive(timeout, PREFIX + "timeout");
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException(PREFIX + "max-backoff (" + maxBackoff + ") must not be shorter than "
                        + PREFIX + "initial-backoff (" + initialBackoff + ")");
            }
            if (maxAttempts < 1 || maxAttempts > 100) {
                throw new IllegalArgumentException(
                        PREFIX + "max-attempts must be between 1 and 100, was " + maxAttempts);
            }
            if (batchSize < 1 || batchSize > 1000) {
                throw new IllegalArgumentException(PREFIX + "batch-size must be between 1 and 1000, was " + batchSize);
            }
        }

        /** How long a claimed delivery is reserved: longer than any attempt can take. */
        public Duration lease() {
            return timeout.multipliedBy(3).plusSeconds(30);
        }
    }

    /**
     * {@code tokenledger.reporting.reconciliation.*}.
     *
     * @param thresholdPercent a tenant's day is flagged when the two sources differ by more than this share of the
     *     larger one
     * @param maxDays the longest range one request may cover (the comparison reads individual events)
     */
    public record Reconciliation(
            @DefaultValue("2") BigDecimal thresholdPercent,
            @DefaultValue("92") int maxDays) {

        public Reconciliation {
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

    /**
     * {@code tokenledger.reporting.schedules.*}: scheduled chargeback email. The SMTP server itself is Spring Boot's
     * {@code spring.mail.*}.
     *
     * @param enabled whether this instance runs due schedules and retries (every instance may; each occurrence runs
     *     once)
     * @param pollInterval how often due schedules and retries are looked for
     * @param catchUp how late a missed occurrence (the service was down) is still sent; older ones are skipped
     * @param maxAttempts attempts per message before it is given up as failed
     * @param firstRetry the wait before the second attempt; it doubles with every further attempt
     * @param maxRetryDelay the longest wait between attempts
     * @param lease how long one attempt may take before another instance takes the message over
     * @param mailFrom the sender of report email
     */
    public record Schedules(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30s") Duration pollInterval,
            @DefaultValue("24h") Duration catchUp,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("1m") Duration firstRetry,
            @DefaultValue("1h") Duration maxRetryDelay,
            @DefaultValue("10m") Duration lease,

            @DefaultValue("TokenLedger <tokenledger@localhost>")
            String mailFrom) {

        private static final String PREFIX = "tokenledger.reporting.schedules.";

        public Schedules {
            requirePositive(pollInterval, PREFIX + "poll-interval");
            requirePositive(catchUp, PREFIX + "catch-up");
            requirePositive(firstRetry, PREFIX + "first-retry");
            requirePositive(maxRetryDelay, PREFIX + "max-retry-delay");
            requirePositive(lease, PREFIX + "lease");
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
        public Duration retryDelay(int attempt) {
            Duration delay = firstRetry;
            for (int i = 1; i < attempt && delay.compareTo(maxRetryDelay) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
        }
    }

    /**
     * {@code tokenledger.alerts.*}: which channel URLs are accepted, and which internal hosts alerts may reach.
     *
     * @param allowHttp accept plain http:// channel URLs; for local testing only (alerts carry spend figures and
     *     webhook URLs are credentials)
     * @param allowedInternalHosts host names or addresses that alerts may reach although they are not public
     *     (loopback, private, link-local…), e.g. {@code hooks.internal.example, 10.0.0.5}; a name is allowed whatever
     *     it resolves to, an address whatever name resolves to it. Empty: public addresses only
     */
    public record AlertChannelUrls(
            @DefaultValue("false") boolean allowHttp,
            @DefaultValue List<String> allowedInternalHosts) {

        private static final String PROPERTY = "tokenledger.alerts.allowed-internal-hosts";
        private static final Pattern HOST_NAME = Pattern.compile(
                "[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\\.?");

        public AlertChannelUrls {
            allowedInternalHosts = allowedInternalHosts == null ? List.of() : List.copyOf(allowedInternalHosts);
            for (String host : allowedInternalHosts) {
                String bare = host == null ? "" : unbracketed(host.strip());
                if (address(bare).isEmpty()
                        && (bare.contains(":") || !HOST_NAME.matcher(bare).matches())) {
                    throw new IllegalArgumentException(PROPERTY + ": '" + host + "' is neither a host name nor an"
                            + " address; give names or addresses such as hooks.internal.example or 10.0.0.5 (no"
                            + " schemes, ports, paths, wildcards or ranges)");
                }
            }
        }

        /**
         * The address a host written out as one names ({@code 10.0.0.5}, {@code ::1}, {@code ::ffff:10.0.0.5}); empty
         * for a name. Never a lookup: the JDK parses an address itself.
         */
        public static Optional<InetAddress> address(String host) {
            if (!InetAddressUtils.isIPv4(host) && !host.contains(":")) {
                return Optional.empty();
            }
            try {
                return Optional.of(InetAddress.getByName(host));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }

        /** An IPv6 address as URLs write it, {@code [::1]}, without its brackets. */
        public static String unbracketed(String host) {
            return host.length() > 1 && host.startsWith("[") && host.endsWith("]")
                    ? host.substring(1, host.length() - 1)
                    : host;
        }
    }

    private static void requirePositive(Duration duration, String property) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(property + " must be a positive duration, was " + duration);
        }
    }
}
