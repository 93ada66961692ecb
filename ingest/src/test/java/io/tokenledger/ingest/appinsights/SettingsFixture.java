package io.tokenledger.ingest.appinsights;

import io.tokenledger.ingest.IngestProperties.AppInsights;
import java.time.Duration;

/** {@code tokenledger.ingest.appinsights.*} for tests: a resource at the test server, short retries. */
final class SettingsFixture {

    static final String RESOURCE = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-apim"
            + "/providers/microsoft.insights/components/appi-apim";
    static final String WORKSPACE = "11111111-2222-3333-4444-555555555555";

    private String resourceId = RESOURCE;
    private String workspaceId;
    private String endpoint;
    private String tenantField = "subscriptionId";
    private String mode = "ledger";
    private Duration overlap = Duration.ofHours(3);
    private Duration initialLookback = Duration.ofHours(6);
    private Duration maxWindow = Duration.ofHours(6);
    private Duration minWindow = Duration.ofMinutes(30);
    private int maxRows = 1000;
    private int maxRetries = 2;

    static SettingsFixture settings() {
        return new SettingsFixture();
    }

    SettingsFixture endpoint(String endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    SettingsFixture workspace() {
        this.resourceId = null;
        this.workspaceId = WORKSPACE;
        return this;
    }

    SettingsFixture tenantField(String field) {
        this.tenantField = field;
        return this;
    }

    /** The metrics only serve reconciliation; Event Hubs books the usage. */
    SettingsFixture reconcileOnly() {
        this.mode = "reconcile";
        return this;
    }

    SettingsFixture windows(Duration max, Duration min) {
        this.maxWindow = max;
        this.minWindow = min;
        return this;
    }

    SettingsFixture maxRows(int rows) {
        this.maxRows = rows;
        return this;
    }

    AppInsights build() {
        return new AppInsights(
                resourceId,
                workspaceId,
                endpoint,
                null,
                null,
                null,
                new AppInsights.Metrics("Prompt Tokens", "Completion Tokens", "Total Tokens"),
                new AppInsights.Dimensions(
                        "Subscription ID", "Deployment ID", "User ID", "Product ID", "Backend ID", ""),
                tenantField,
                mode,
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                overlap,
                Duration.ofDays(2),
                initialLookback,
                maxWindow,
                minWindow,
                maxRows,
                Duration.ofSeconds(30),
                maxRetries,
                Duration.ofMillis(10),
                Duration.ofMillis(50),
                Duration.ofMinutes(2));
    }
}
