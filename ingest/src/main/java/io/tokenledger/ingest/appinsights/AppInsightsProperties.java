package io.tokenledger.ingest.appinsights;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
@ConfigurationProperties("tokenledger.ingest.appinsights")
public record AppInsightsProperties(
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

    static final String PREFIX = "tokenledger.ingest.appinsights.";
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> TENANT_FIELDS = Set.of("subscriptionId", "subscriptionName", "tenant");
    private static final Set<String> MODES = Set.of("ledger", "reconcile");
    private static final int SERVICE_ROW_LIMIT = 500_000;

    public AppInsightsProperties {
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
            throw new IllegalArgumentException("to sign in with a client secret set all of " + PREFIX + "tenant-id, "
                    + PREFIX + "client-id and " + PREFIX + "client-secret (or none of them for"
                    + " DefaultAzureCredential)");
        }
        if (tenantField == null || !TENANT_FIELDS.contains(tenantField.strip())) {
            throw new IllegalArgumentException(PREFIX + "tenant-field must be one of "
                    + TENANT_FIELDS.stream().sorted().toList() + ", was " + tenantField);
        }
        tenantField = tenantField.strip();
        if (mode == null || !MODES.contains(mode.strip())) {
            throw new IllegalArgumentException(PREFIX + "mode must be ledger (book the metrics as usage) or reconcile"
                    + " (keep them only to reconcile with Event Hubs), was " + mode);
        }
        mode = mode.strip();
        requirePositive(binSize, "bin-size");
        if (binSize.toSeconds() % 60 != 0
                || binSize.toSeconds() * 1000 != binSize.toMillis()
                || Duration.ofDays(1).toSeconds() % binSize.toSeconds() != 0) {
            throw new IllegalArgumentException(PREFIX + "bin-size must be a whole number of minutes that divides a"
                    + " day (1m, 5m, 15m, 1h, …), was " + binSize);
        }
        requirePositive(pollInterval, "poll-interval");
        if (overlap == null || overlap.isNegative()) {
            throw new IllegalArgumentException(PREFIX + "overlap must not be negative, was " + overlap);
        }
        requirePositive(lateArrival, "late-arrival");
        requirePositive(initialLookback, "initial-lookback");
        requirePositive(maxWindow, "max-window");
        requirePositive(minWindow, "min-window");
        if (minWindow.compareTo(maxWindow) > 0) {
            throw new IllegalArgumentException(PREFIX + "min-window (" + minWindow + ") must not be longer than "
                    + PREFIX + "max-window (" + maxWindow + ")");
        }
        if (maxRows < 1 || maxRows > SERVICE_ROW_LIMIT) {
            throw new IllegalArgumentException(
                    PREFIX + "max-rows must be between 1 and " + SERVICE_ROW_LIMIT + ", was " + maxRows);
        }
        requirePositive(queryTimeout, "query-timeout");
        if (queryTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException(PREFIX + "query-timeout must be at most 10m (the service's longest"
                    + " wait), was " + queryTimeout);
        }
        if (maxRetries < 0 || maxRetries > 20) {
            throw new IllegalArgumentException(PREFIX + "max-retries must be between 0 and 20, was " + maxRetries);
        }
        requirePositive(retryDelay, "retry-delay");
        requirePositive(maxRetryDelay, "max-retry-delay");
        requirePositive(lease, "lease");
        if (lease.compareTo(queryTimeout.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException(PREFIX + "lease (" + lease + ") must be at least twice " + PREFIX
                    + "query-timeout (" + queryTimeout + "), or another instance takes over a running pull");
        }
    }

    /** True when a resource or a workspace is configured. */
    public boolean enabled() {
        return resourceId != null || workspaceId != null;
    }

    /** Which table and columns the query reads. */
    Schema schema() {
        return workspaceId != null ? Schema.WORKSPACE : Schema.CLASSIC;
    }

    /** What the watermark is kept under: the resource id or the workspace id. */
    String sourceKey() {
        return workspaceId != null ? "workspace:" + workspaceId : "resource:" + resourceId.toLowerCase(Locale.ROOT);
    }

    /** True when the metrics are usage to be charged; false when they only serve reconciliation. */
    public boolean booksUsage() {
        return mode.equals("ledger");
    }

    boolean usesClientSecret() {
        return clientSecret != null;
    }

    // The client secret must stay out of logs and error pages.
    @Override
    public String toString() {
        return "AppInsightsProperties[resourceId=" + resourceId + ", workspaceId=" + workspaceId + ", endpoint="
                + endpoint + ", clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "null" : "(set)")
                + ", metrics=" + metrics + ", dimensions=" + dimensions + ", binSize=" + binSize + ", pollInterval="
                + pollInterval + ", overlap=" + overlap + "]";
    }

    /** The columns of the two places the metrics can be read. */
    enum Schema {
        /** Application Insights' own {@code customMetrics}. */
        CLASSIC("customMetrics", "timestamp", "name", "valueSum", "valueCount", "customDimensions"),
        /** A Log Analytics workspace's {@code AppMetrics}. */
        WORKSPACE("AppMetrics", "TimeGenerated", "Name", "Sum", "ItemCount", "Properties");

        final String table;
        final String time;
        final String name;
        final String sum;
        final String count;
        final String dimensions;

        Schema(String table, String time, String name, String sum, String count, String dimensions) {
            this.table = table;
            this.time = time;
            this.name = name;
            this.sum = sum;
            this.count = count;
            this.dimensions = dimensions;
        }
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
            throw new IllegalArgumentException(PREFIX + property + " must be one line of text, was '" + value + "'");
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

    private static void requirePositive(Duration duration, String property) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(PREFIX + property + " must be a positive duration, was " + duration);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
