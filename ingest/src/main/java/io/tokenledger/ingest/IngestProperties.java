package io.tokenledger.ingest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code tokenledger.ingest.*}.
 *
 * @param maxNestingDepth deepest JSON nesting accepted in a payload
 * @param http the HTTP source
 * @param eventhubs the Event Hubs source (off unless a connection string or a namespace is set)
 */
@ConfigurationProperties("tokenledger.ingest")
public record IngestProperties(
        @DefaultValue("32") int maxNestingDepth,
        @DefaultValue Http http,
        @DefaultValue EventHubs eventhubs) {

    public IngestProperties {
        if (maxNestingDepth < 4 || maxNestingDepth > 1000) {
            throw new IllegalArgumentException(
                    "tokenledger.ingest.max-nesting-depth must be between 4 and 1000, was " + maxNestingDepth);
        }
    }

    /** @param maxBodySize largest request body {@code POST /api/v1/usage-events} accepts (413 above it) */
    public record Http(@DefaultValue("32MB") DataSize maxBodySize) {

        public Http {
            if (maxBodySize.toBytes() < 1024 || maxBodySize.toBytes() > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(
                        "tokenledger.ingest.http.max-body-size must be between 1KB and 2GB, was " + maxBodySize);
            }
        }
    }

    /**
     * {@code tokenledger.ingest.eventhubs.*}: the Event Hubs consumer. It is on when {@code connectionString} or
     * {@code fullyQualifiedNamespace} is set.
     *
     * @param connectionString a namespace or hub connection string (shared access key); may name the hub itself
     *     ({@code EntityPath=})
     * @param fullyQualifiedNamespace {@code <name>.servicebus.windows.net}, signed in with
     *     {@code DefaultAzureCredential} (managed identity in Azure, developer credentials locally)
     * @param eventHubName the hub; optional only when the connection string has an {@code EntityPath}
     * @param consumerGroup the consumer group TokenLedger reads with (give it its own in production)
     * @param batchSize most events handed to the ledger in one transaction
     * @param maxWaitTime longest wait for a batch to fill before a smaller one is processed
     * @param startPosition where a partition without a checkpoint starts: {@code earliest}, {@code latest}, or an
     *     RFC 3339 time (events enqueued from then on)
     * @param loadBalancingInterval how often each instance checks the partition distribution and renews ownership
     * @param ownershipExpiration how long an instance that stopped renewing keeps its partitions before others take
     *     them over
     * @param databaseWait how long a batch keeps retrying while PostgreSQL is unreachable before the partition is
     *     released (it then resumes from its last checkpoint)
     * @param writeTransactions how many transactions write partition batches at a time; batches handed over while
     *     they run wait and are then written together (group commit); each holds up to two of the pool's
     *     connections (its own, and one for the status and budget checks after its commit)
     */
    public record EventHubs(
            String connectionString,
            String fullyQualifiedNamespace,
            String eventHubName,
            @DefaultValue("$Default") String consumerGroup,
            @DefaultValue("500") int batchSize,
            @DefaultValue("1s") Duration maxWaitTime,
            @DefaultValue("earliest") String startPosition,
            @DefaultValue("10s") Duration loadBalancingInterval,
            @DefaultValue("1m") Duration ownershipExpiration,
            @DefaultValue("5m") Duration databaseWait,
            @DefaultValue("2") int writeTransactions) {

        private static final String PREFIX = "tokenledger.ingest.eventhubs.";

        public EventHubs {
            connectionString = blankToNull(connectionString);
            fullyQualifiedNamespace = blankToNull(fullyQualifiedNamespace);
            eventHubName = blankToNull(eventHubName);
            if (connectionString != null && fullyQualifiedNamespace != null) {
                throw new IllegalArgumentException("set either " + PREFIX + "connection-string or " + PREFIX
                        + "fully-qualified-namespace (DefaultAzureCredential), not both");
            }
            if (connectionString != null && !connectionString.contains("Endpoint=")) {
                throw new IllegalArgumentException(PREFIX + "connection-string must be an Event Hubs connection"
                        + " string (Endpoint=sb://…;SharedAccessKeyName=…;SharedAccessKey=…)");
            }
            if (fullyQualifiedNamespace != null
                    && (fullyQualifiedNamespace.contains("://") || fullyQualifiedNamespace.contains("/"))) {
                throw new IllegalArgumentException(PREFIX + "fully-qualified-namespace must be a host name such as"
                        + " my-namespace.servicebus.windows.net, was " + fullyQualifiedNamespace);
            }
            boolean hubInConnectionString = connectionString != null && connectionString.contains("EntityPath=");
            if ((connectionString != null || fullyQualifiedNamespace != null)
                    && eventHubName == null
                    && !hubInConnectionString) {
                throw new IllegalArgumentException(
                        PREFIX + "event-hub-name is required (or an EntityPath in " + PREFIX + "connection-string)");
            }
            if (eventHubName != null && connectionString == null && fullyQualifiedNamespace == null) {
                throw new IllegalArgumentException(PREFIX + "event-hub-name is set, but neither " + PREFIX
                        + "connection-string nor " + PREFIX + "fully-qualified-namespace: set one to turn Event Hubs"
                        + " ingestion on");
            }
            if (consumerGroup == null || consumerGroup.isBlank()) {
                throw new IllegalArgumentException(PREFIX + "consumer-group must not be empty (default $Default)");
            }
            if (batchSize < 1 || batchSize > 5000) {
                throw new IllegalArgumentException(PREFIX + "batch-size must be between 1 and 5000, was " + batchSize);
            }
            if (writeTransactions < 1 || writeTransactions > 4) {
                throw new IllegalArgumentException(
                        PREFIX + "write-transactions must be between 1 and 4, was " + writeTransactions);
            }
            requirePositive(maxWaitTime, "max-wait-time");
            requirePositive(loadBalancingInterval, "load-balancing-interval");
            requirePositive(ownershipExpiration, "ownership-expiration");
            requirePositive(databaseWait, "database-wait");
            if (ownershipExpiration.compareTo(loadBalancingInterval.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException(PREFIX + "ownership-expiration (" + ownershipExpiration
                        + ") must be at least twice " + PREFIX + "load-balancing-interval (" + loadBalancingInterval
                        + "), or partitions move between healthy instances");
            }
            startPosition = checkedStartPosition(startPosition);
        }

        /** True when a connection string or a namespace is configured. */
        public boolean enabled() {
            return connectionString != null || fullyQualifiedNamespace != null;
        }

        /** {@code null} for {@code earliest} and {@code latest}; the time otherwise. */
        public OffsetDateTime startTime() {
            return switch (startPosition) {
                case "earliest", "latest" -> null;
                default -> OffsetDateTime.parse(startPosition);
            };
        }

        // The connection string holds a secret: keep it out of logs and error pages.
        @Override
        public String toString() {
            return "EventHubs[connectionString=" + (connectionString == null ? "null" : "(set)")
                    + ", fullyQualifiedNamespace=" + fullyQualifiedNamespace + ", eventHubName=" + eventHubName
                    + ", consumerGroup=" + consumerGroup + ", batchSize=" + batchSize + ", maxWaitTime="
                    + maxWaitTime + ", startPosition=" + startPosition + ", writeTransactions=" + writeTransactions
                    + "]";
        }

        private static String checkedStartPosition(String value) {
            String position = value == null ? "earliest" : value.strip();
            String lower = position.toLowerCase(Locale.ROOT);
            if (lower.equals("earliest") || lower.equals("latest")) {
                return lower;
            }
            try {
                OffsetDateTime.parse(position);
                return position;
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(PREFIX + "start-position must be earliest, latest or an RFC 3339"
                        + " time such as 2026-11-01T00:00:00Z, was " + value);
            }
        }

        private static void requirePositive(Duration duration, String property) {
            if (duration == null || duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException(PREFIX + property + " must be a positive duration, was " + duration);
            }
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }
}
