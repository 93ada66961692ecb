package io.tokenledger.ingest.format;

import static io.tokenledger.ingest.format.Parsing.validEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.pricing.TokenCounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared samples (copied from /work/shared/samples) must parse exactly as EVENTS.md describes. */
class SampleFilesTest {

    @Test
    void canonicalSampleNdjsonGivesThreeValidEventsInBothTokenShapes() {
        List<ParsedRecord> records = Parsing.PARSER.parse(sample("canonical-events.ndjson"), "application/x-ndjson");

        assertThat(records).extracting(ParsedRecord::index).containsExactly(0, 1, 2);
        List<UsageEvent> events = records.stream().map(Parsing::validEvent).toList();
        assertThat(events.get(0).tokens()).isEqualTo(new TokenCounts(1840, 1024, 212, 0));
        assertThat(events.get(0).subscriptionName()).isEqualTo("tenant-acme");
        assertThat(events.get(0).time()).isEqualTo(Instant.parse("2026-11-03T14:05:12.481Z"));
        assertThat(events.get(0).streaming()).isFalse();
        assertThat(events.get(0).statusCode()).isEqualTo(200);
        assertThat(events.get(1).tokens()).isEqualTo(new TokenCounts(920, 0, 1480, 1152));
        assertThat(events.get(1).time()).isEqualTo(Instant.parse("2026-11-03T13:05:13.002Z"));
        assertThat(events.get(1).model()).isNull();
        assertThat(events.get(2).tenant()).isEqualTo("research");
        assertThat(events.get(2).tokens()).isEqualTo(new TokenCounts(8191, 0, 0, 0));
    }

    @Test
    void canonicalSampleSentAsJsonGivesTheSameEvents() {
        byte[] body = sample("canonical-events.ndjson");

        List<ParsedRecord> asJson = Parsing.PARSER.parse(body, "application/json");
        List<ParsedRecord> asNdjson = Parsing.PARSER.parse(body, "application/x-ndjson");

        assertThat(asJson).isEqualTo(asNdjson);
    }

    @Test
    void aiHubSampleIsUnderstood() {
        byte[] body = sample("aihub-usage-record.json");

        ParsedRecord record = Parsing.PARSER.parse(body, "application/json").getFirst();

        UsageEvent event = validEvent(record);
        assertThat(event.id()).isEqualTo("chatcmpl-9TVtj333ld9WDBiRh9qvLE9ZpA");
        assertThat(event.time()).isEqualTo(Instant.parse("2024-05-24T14:45:56Z"));
        assertThat(event.subscriptionName()).isEqualTo("master");
        assertThat(event.subscriptionId()).isNull();
        assertThat(event.productId()).isEqualTo("AI-Retail");
        assertThat(event.deployment()).isEqualTo("chat");
        assertThat(event.model()).isEqualTo("gpt-35-turbo");
        assertThat(event.appId()).isEqualTo("11115293-844b-456f-8dbc-0c2d78e3e307");
        assertThat(event.userId()).isNull();
        assertThat(event.backendId()).isEqualTo("openai-backend-2");
        assertThat(event.region()).isEqualTo("eastus2");
        assertThat(event.tokens()).isEqualTo(new TokenCounts(15000, 0, 5000, 0));
        assertThat(event.attributes())
                .containsEntry("gatewayName", "APIM-HOST.azure-api.net")
                .containsEntry("gatewayRegion", "East US")
                .containsEntry("targetService", "chat.completion")
                .containsEntry("routeName", "EastUS2")
                .containsEntry("aiGatewayId", "managed")
                .containsKey("operationName")
                .doesNotContainKeys("RequestIp", "sessionId", "PartitionId", "EventProcessedUtcTime");
        assertThat(record.raw()).isEqualTo(new String(body, java.nio.charset.StandardCharsets.UTF_8).strip());
    }

    private static byte[] sample(String name) {
        try (InputStream in = SampleFilesTest.class.getResourceAsStream("/samples/" + name)) {
            assertThat(in).as("sample %s on the test classpath", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
