package io.tokenledger.ingest;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The ingest module's settings, {@code tokenledger.ingest.*}.
 *
 * @param maxNestingDepth deepest JSON nesting accepted in a payload
 * @param tenants who is charged for usage that no mapping rule maps
 * @param http the HTTP source
 * @param eventhubs the Event Hubs source (off unless a connection string or a namespace is set)
 * @param appinsights the Application Insights source (off unless a resource or a workspace is set)
 */
@ConfigurationProperties("tokenledger.ingest")
public record IngestProperties(
        @DefaultValue("32") int maxNestingDepth,
        @DefaultValue Tenants tenants,
        @DefaultValue Http http,
        @DefaultValue EventHubs eventhubs,
        @DefaultValue AppInsights appinsights) {

    public IngestProperties {
        if (maxNestingDepth < 4 || maxNestingDepth > 1000) {
            throw new IllegalArgumentException(
                    "tokenledger.ingest.max-nesting-depth must be between 4 and 1000, was " + maxNestingDepth);
        }
    }

    /**
     * {@code tokenledger.ingest.tenants.*}.
     *
     * @param subscriptionFallback charge usage that no mapping rule maps and that names no explicit tenant to its
     *     APIM subscription name (else its subscription id) as tenant key; when false such usage goes to
     *     {@code unassigned}
     */
    public record Tenants(@DefaultValue("true") boolean subscriptionFallback) {}

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
            requirePositive(maxWaitTime, PREFIX + "max-wait-time");
            requirePositive(loadBalancingInterval, PREFIX + "load-balancing-interval");
            requirePositive(ownershipExpiration, PREFIX + "ownership-expiration");
            requirePositive(databaseWait, PREFIX + "database-wait");
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
    }

    /**
     * {@code tokenledger.ingest.appinsights.*}: the scheduled pull of APIM's token metrics from Application Insights. On
     * when {@code resourceId} (classic {@code customMetrics}) or {@code workspaceId} ({@code AppMetrics}) is set.
     *
     * @param resourceId the Application Insights resource id
     *     ({@code /subscriptions/…/resourceGroups/…/providers/microsoft.insights/components/…}), queried with
     *     {@code queryResource}
     * @param workspaceId the Log Analytics workspace id (a GUID) of a workspace-based resource, queried with
     *     {@code queryWorkspace}
     * @param endpoint the Log Analytics query endpoint; default {@code https://api.loganalytics.io/v1} (set it for
     *     sovereign clouds)
     * @param tenantId with {@code clientId} and {@code clientSecret}: sign in as this service principal instead of
     *     {@code DefaultAzureCredential}
     * @param clientId the service principal's application (client) id, with {@code tenantId} and {@code clientSecret}
     * @param clientSecret the service principal's client secret, with {@code tenantId} and {@code clientId}
     * @param metrics the metric names the gateway emits
     * @param dimensions the custom dimensions that say who used which deployment
     * @param tenantField which usage-event field the tenant dimension fills: {@code subscriptionId} (default),
     *     {@code subscriptionName} or {@code tenant} (an explicit tenant key); mapping rules apply as to any event
     * @param mode {@code ledger} (default): the metrics are usage, booked in the ledger; {@code reconcile}: they are
     *     only kept to reconcile with Event Hubs, which books the same gateway's usage (so nothing is counted twice)
     * @param binSize the time bin metrics are summed over (a whole number of minutes that divides a day)
     * @param pollInterval the pause between two pulls
     * @param overlap how far before the watermark each pull starts reading again (by ingestion time)
     * @param lateArrival how much older than its ingestion time a metric may be and still be read
     * @param initialLookback where a source without a watermark starts: this long before the first pull
     * @param maxWindow the longest ingestion-time window of one query; longer spans are split
     * @param minWindow the shortest window a too large or partially failed query is split down to
     * @param maxRows most rows one query returns; a query that reaches it is split (the service's limit is 500,000)
     * @param queryTimeout how long the service may run one query (at most 10 minutes)
     * @param maxRetries retries of a throttled, failed or partial query
     * @param retryDelay the first pause before a retry; it doubles with each retry
     * @param maxRetryDelay the longest pause before a retry
     * @param lease how long one instance's claim on the pull lasts without being renewed (renewed after every window)
     */
    public record AppInsights(
            String resourceId,
            String workspaceId,
            String endpoint,
            String tenantId,
            String clientId,
            String clientSecret,
            @DefaultValue Metrics metrics,
            @DefaultValue Dimensions dimensions,
            @DefaultValue("subscriptionId") String tenantField,
            @DefaultValue("ledger") String mode,
            @DefaultValue("1h") Duration binSize,
            @DefaultValue("5m") Duration pollInterval,
            @DefaultValue("3h") Duration overlap,
            @DefaultValue("2d") Duration lateArrival,
            @DefaultValue("1d") Duration initialLookback,
            @DefaultValue("6h") Duration maxWindow,
            @DefaultValue("5m") Duration minWindow,
            @DefaultValue("100000") int maxRows,
            @DefaultValue("3m") Duration queryTimeout,
            @DefaultValue("4") int maxRetries,
            @DefaultValue("2s") Duration retryDelay,
            @DefaultValue("1m") Duration maxRetryDelay,
            @DefaultValue("15m") Duration lease) {

        public static final String PREFIX = "tokenledger.ingest.appinsights.";
        private static final Pattern GUID =
                Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        private static final Set<String> TENANT_FIELDS = Set.of("subscriptionId", "subscriptionName", "tenant");
        private static final Set<String> MODES = Set.of("ledger", "reconcile");
        private static final int SERVICE_ROW_LIMIT = 500_000;

        public AppInsights {
            resourceId = blankToNull(resourceId);
            workspaceId = blankToNull(workspaceId);
            endpoint = blankToNull(endpoint);
            tenantId = blankToNull(tenantId);
            clientId = blankToNull(clientId);
            clientSecret = blankToNull(clientSecret);
            if (resourceId != null && workspaceId != null) {
                throw new IllegalArgumentException(
                        "set either " + PREFIX + "resource-id or " + PREFIX + "workspace-id, not both");
            }
            if (resourceId != null && !resourceId.toLowerCase(Locale.ROOT).startsWith("/subscriptions/")) {
                throw new IllegalArgumentException(PREFIX + "resource-id must be an Azure resource id such as"
                        + " /subscriptions/<id>/resourceGroups/<group>/providers/microsoft.insights/components/<name>,"
                        + " was " + resourceId);
            }
            if (workspaceId != null && !GUID.matcher(workspaceId).matches()) {
                throw new IllegalArgumentException(PREFIX + "workspace-id must be the workspace's id (a GUID such as"
                        + " 00000000-0000-0000-0000-000000000000), was " + workspaceId);
            }
            if (endpoint != null) {
                checkEndpoint(endpoint);
            }
            int secretParts = (tenantId == null ? 0 : 1) + (clientId == null ? 0 : 1) + (clientSecret == null ? 0 : 1);
            if (secretParts != 0 && secretParts != 3) {
                throw new IllegalArgumentException(
                        "to sign in with a client secret set all of " + PREFIX + "tenant-id, "
                                + PREFIX + "client-id and " + PREFIX + "client-secret (or none of them for"
                                + " DefaultAzureCredential)");
            }
            if (tenantField == null || !TENANT_FIELDS.contains(tenantField.strip())) {
                throw new IllegalArgumentException(PREFIX + "tenant-field must be one of "
                        + TENANT_FIELDS.stream().sorted().toList() + ", was " + tenantField);
            }
            tenantField = tenantField.strip();
            if (mode == null || !MODES.contains(mode.strip())) {
                throw new IllegalArgumentException(
                        PREFIX + "mode must be ledger (book the metrics as usage) or reconcile"
                                + " (keep them only to reconcile with Event Hubs), was " + mode);
            }
            mode = mode.strip();
            requirePositive(binSize, PREFIX + "bin-size");
            if (binSize.toSeconds() % 60 != 0
                    || binSize.toSeconds() * 1000 != binSize.toMillis()
                    || Duration.ofDays(1).toSeconds() % binSize.toSeconds() != 0) {
                throw new IllegalArgumentException(PREFIX + "bin-size must be a whole number of minutes that divides a"
                        + " day (1m, 5m, 15m, 1h, …), was " + binSize);
            }
            requirePositive(pollInterval, PREFIX + "poll-interval");
            if (overlap == null || overlap.isNegative()) {
                throw new IllegalArgumentException(PREFIX + "overlap must not be negative, was " + overlap);
            }
            requirePositive(lateArrival, PREFIX + "late-arrival");
            requirePositive(initialLookback, PREFIX + "initial-lookback");
            requirePositive(maxWindow, PREFIX + "max-window");
            requirePositive(minWindow, PREFIX + "min-window");
            if (minWindow.compareTo(maxWindow) > 0) {
                throw new IllegalArgumentException(PREFIX + "min-window (" + minWindow + ") must not be longer than "
                        + PREFIX + "max-window (" + maxWindow + ")");
            }
            if (maxRows < 1 || maxRows > SERVICE_ROW_LIMIT) {
                throw new IllegalArgumentException(
                        PREFIX + "max-rows must be between 1 and " + SERVICE_ROW_LIMIT + ", was " + maxRows);
            }
            requirePositive(queryTimeout, PREFIX + "query-timeout");
            if (queryTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException(PREFIX + "query-timeout must be at most 10m (the service's longest"
                        + " wait), was " + queryTimeout);
            }
            if (maxRetries < 0 || maxRetries > 20) {
                throw new IllegalArgumentException(PREFIX + "max-retries must be between 0 and 20, was " + maxRetries);
            }
            requirePositive(retryDelay, PREFIX + "retry-delay");
            requirePositive(maxRetryDelay, PREFIX + "max-retry-delay");
            requirePositive(lease, PREFIX + "lease");
            if (lease.compareTo(queryTimeout.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException(PREFIX + "lease (" + lease + ") must be at least twice " + PREFIX
                        + "query-timeout (" + queryTimeout + "), or another instance takes over a running pull");
            }
        }

        /** True when a resource or a workspace is configured. */
        public boolean enabled() {
            return resourceId != null || workspaceId != null;
        }

        /** What the watermark is kept under: the resource id or the workspace id. */
        public String sourceKey() {
            return workspaceId != null ? "workspace:" + workspaceId : "resource:" + resourceId.toLowerCase(Locale.ROOT);
        }

        /** True when the metrics are usage to be charged; false when they only serve reconciliation. */
        public boolean booksUsage() {
            return mode.equals("ledger");
        }

        /** True when it signs in as a service principal with a client secret. */
        public boolean usesClientSecret() {
            return clientSecret != null;
        }

        // The client secret must stay out of logs and error pages.
        @Override
        public String toString() {
            return "AppInsights[resourceId=" + resourceId + ", workspaceId=" + workspaceId + ", endpoint="
                    + endpoint + ", clientId=" + clientId + ", clientSecret="
                    + (clientSecret == null ? "null" : "(set)")
                    + ", metrics=" + metrics + ", dimensions=" + dimensions + ", binSize=" + binSize + ", pollInterval="
                    + pollInterval + ", overlap=" + overlap + "]";
        }

        /**
         * The metric names ({@code azure-openai-emit-token-metric} / {@code llm-emit-token-metric} defaults).
         *
         * @param prompt booked as prompt tokens
         * @param completion booked as completion tokens
         * @param total only a cross-check (prompt + completion); empty to skip it
         */
        public record Metrics(
                @DefaultValue("Prompt Tokens") String prompt,
                @DefaultValue("Completion Tokens") String completion,
                @DefaultValue("Total Tokens") String total) {

            public Metrics {
                prompt = requiredName(prompt, "metrics.prompt");
                completion = requiredName(completion, "metrics.completion");
                total = optionalName(total, "metrics.total");
            }
        }

        /**
         * The custom dimensions to group by; an empty one is not read. Dimensions the policy did not emit are empty.
         *
         * @param tenant who is charged (the APIM subscription by default), see {@code tenantField}
         * @param deployment the Azure OpenAI deployment
         * @param user the APIM user
         * @param product the APIM product
         * @param backend the APIM backend
         * @param model a dimension with the model name, if the policy adds one (none by default)
         */
        public record Dimensions(
                @DefaultValue("Subscription ID") String tenant,
                @DefaultValue("Deployment ID") String deployment,
                @DefaultValue("User ID") String user,
                @DefaultValue("Product ID") String product,
                @DefaultValue("Backend ID") String backend,
                @DefaultValue("") String model) {

            public Dimensions {
                tenant = requiredName(tenant, "dimensions.tenant");
                deployment = requiredName(deployment, "dimensions.deployment");
                user = optionalName(user, "dimensions.user");
                product = optionalName(product, "dimensions.product");
                backend = optionalName(backend, "dimensions.backend");
                model = optionalName(model, "dimensions.model");
            }
        }

        private static String requiredName(String name, String property) {
            String checked = optionalName(name, property);
            if (checked.isEmpty()) {
                throw new IllegalArgumentException(PREFIX + property + " must not be empty");
            }
            return checked;
        }

        private static String optionalName(String name, String property) {
            String value = name == null ? "" : name.strip();
            if (value.chars().anyMatch(c -> c < 0x20)) {
                throw new IllegalArgumentException(
                        PREFIX + property + " must be one line of text, was '" + value + "'");
            }
            return value;
        }

        private static void checkEndpoint(String endpoint) {
            try {
                URI uri = URI.create(endpoint);
                if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                    throw new IllegalArgumentException("not an https URL");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PREFIX + "endpoint must be an https URL such as"
                        + " https://api.loganalytics.io/v1, was " + endpoint);
            }
        }
    }

    private static void requirePositive(Duration duration, String property) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(property + " must be a positive duration, was " + duration);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
