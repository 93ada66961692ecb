package io.tokenledger.ingest.appinsights;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.ingest.IngestProperties.AppInsights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The KQL in docs/appinsights.md is the query the service runs with its defaults, not a sketch of it. */
class QueryInDocsTest {

    @Test
    void theDocumentedQueryIsTheOneTheDefaultsProduce() throws Exception {
        AppInsights defaults = new Binder(new MapConfigurationPropertySource(
                        Map.of("tokenledger.ingest.appinsights.resource-id", SettingsFixture.RESOURCE)))
                .bindOrCreate("tokenledger.ingest.appinsights", AppInsights.class);
        PullWindow window = PullWindow.of(
                Instant.parse("2026-11-20T09:00:00Z"),
                Instant.parse("2026-11-20T12:00:00Z"),
                defaults.lateArrival(),
                defaults.binSize());

        String docs = Files.readString(Path.of("..", "docs", "appinsights.md"));

        assertThat(docs).contains("```kusto\n" + new MetricsQuery(defaults).kql(window) + "\n```");
        assertThat(docs).contains(window.eventFrom() + "/" + window.eventTo());
    }
}
