package io.tokenledger.ingest.appinsights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenledger.ingest.IngestProperties.AppInsights;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code tokenledger.ingest.appinsights.*}: defaults, and wrong values rejected with the property's name. */
class AppInsightsSettingsTest {

    @Test
    void nothingSetMeansOffWithTheDocumentedDefaults() {
        AppInsights settings = bind(Map.of());

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.metrics().prompt()).isEqualTo("Prompt Tokens");
        assertThat(settings.metrics().total()).isEqualTo("Total Tokens");
        assertThat(settings.dimensions().tenant()).isEqualTo("Subscription ID");
        assertThat(settings.dimensions().deployment()).isEqualTo("Deployment ID");
        assertThat(settings.dimensions().model()).isEmpty();
        assertThat(settings.binSize()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.overlap()).isEqualTo(Duration.ofHours(3));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.booksUsage()).isTrue();
    }

    @Test
    void aWorkspaceSwitchesToAppMetrics() {
        AppInsights settings = bind(Map.of("workspace-id", SettingsFixture.WORKSPACE));

        assertThat(settings.enabled()).isTrue();
        assertThat(MetricsSchema.of(settings)).isEqualTo(MetricsSchema.WORKSPACE);
    }

    @Test
    void wrongValuesNameTheProperty() {
        assertRejected(
                Map.of("resource-id", SettingsFixture.RESOURCE, "workspace-id", SettingsFixture.WORKSPACE),
                "tokenledger.ingest.appinsights.resource-id or tokenledger.ingest.appinsights.workspace-id");
        assertRejected(Map.of("resource-id", "appi-apim"), "tokenledger.ingest.appinsights.resource-id must be");
        assertRejected(Map.of("workspace-id", "my-workspace"), "tokenledger.ingest.appinsights.workspace-id must be");
        assertRejected(Map.of("endpoint", "http://api.loganalytics.io/v1"), "tokenledger.ingest.appinsights.endpoint");
        assertRejected(Map.of("client-id", "abc"), "tokenledger.ingest.appinsights.client-secret");
        assertRejected(Map.of("bin-size", "7m"), "tokenledger.ingest.appinsights.bin-size");
        assertRejected(Map.of("tenant-field", "userId"), "tokenledger.ingest.appinsights.tenant-field");
        assertRejected(Map.of("mode", "shadow"), "tokenledger.ingest.appinsights.mode");
        assertRejected(Map.of("max-rows", "600000"), "tokenledger.ingest.appinsights.max-rows");
        assertRejected(Map.of("dimensions.deployment", " "), "tokenledger.ingest.appinsights.dimensions.deployment");
        assertRejected(Map.of("min-window", "2h", "max-window", "1h"), "tokenledger.ingest.appinsights.min-window");
    }

    @Test
    void theClientSecretStaysOutOfToString() {
        AppInsights settings = bind(Map.of(
                "resource-id", SettingsFixture.RESOURCE,
                "tenant-id", "t",
                "client-id", "c",
                "client-secret", "very-secret"));

        assertThat(settings.usesClientSecret()).isTrue();
        assertThat(settings.toString()).doesNotContain("very-secret");
    }

    private static void assertRejected(Map<String, String> properties, String message) {
        assertThatThrownBy(() -> bind(properties)).hasStackTraceContaining(message);
    }

    private static AppInsights bind(Map<String, String> properties) {
        Map<String, String> prefixed = new java.util.HashMap<>();
        properties.forEach((key, value) -> prefixed.put(AppInsights.PREFIX + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("tokenledger.ingest.appinsights", AppInsights.class);
    }
}
