package io.tokenledger.ingest.format;

import static io.tokenledger.ingest.format.Parsing.errorsOf;
import static io.tokenledger.ingest.format.Parsing.fieldsOf;
import static io.tokenledger.ingest.format.Parsing.onlyError;
import static io.tokenledger.ingest.format.Parsing.validEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.pricing.TokenCounts;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AiHubRecordTest {

    @Test
    void aiHubRecordIsMappedToTheCanonicalFields() {
        RecordFixture record = RecordFixture.aiHub()
                .with("productName", "AI-Retail")
                .with("model", "gpt-35-turbo")
                .with("appId", "app-1")
                .with("endUserId", "ana")
                .with("backendId", "openai-backend-2")
                .with("routeLocation", "eastus2");

        UsageEvent event = validEvent(record);

        assertThat(event.id()).isEqualTo("chatcmpl-1");
        assertThat(event.time()).isEqualTo(Instant.parse("2024-05-24T14:45:56Z"));
        assertThat(event.subscriptionName()).isEqualTo("master");
        assertThat(event.subscriptionId()).isNull();
        assertThat(event.productId()).isEqualTo("AI-Retail");
        assertThat(event.deployment()).isEqualTo("chat");
        assertThat(event.model()).isEqualTo("gpt-35-turbo");
        assertThat(event.appId()).isEqualTo("app-1");
        assertThat(event.userId()).isEqualTo("ana");
        assertThat(event.backendId()).isEqualTo("openai-backend-2");
        assertThat(event.region()).isEqualTo("eastus2");
        assertThat(event.tokens()).isEqualTo(new TokenCounts(100, 0, 50, 0));
        assertThat(event.requests()).isEqualTo(1);
        assertThat(event.estimated()).isFalse();
    }

    @Test
    void aiHubTokenCountsMayBeJsonNumbers() {
        RecordFixture record = RecordFixture.aiHub()
                .with("promptTokens", 100)
                .with("responseTokens", 50)
                .with("totalTokens", 150);

        assertThat(validEvent(record).tokens()).isEqualTo(new TokenCounts(100, 0, 50, 0));
    }

    @Test
    void aiHubNumericStringsMayCarrySpaces() {
        assertThat(validEvent(RecordFixture.aiHub().with("promptTokens", " 100 "))
                        .tokens()
                        .prompt())
                .isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "1.5", "-3", "1e3"})
    void aiHubTokenCountThatIsNotANonNegativeIntegerIsRejectedByItsAiHubName(String value) {
        assertThat(fieldsOf(errorsOf(RecordFixture.aiHub().with("responseTokens", value))))
                .containsExactly("responseTokens");
    }

    @Test
    void aiHubTotalThatIsNotPromptPlusResponseIsRejected() {
        assertThat(onlyError(RecordFixture.aiHub().with("totalTokens", "151")))
                .isEqualTo(
                        new FieldError("totalTokens", "151 does not equal promptTokens + responseTokens (100 + 50)"));
    }

    @Test
    void aiHubRecordWithoutTotalIsAccepted() {
        assertThat(validEvent(RecordFixture.aiHub().without("totalTokens"))
                        .tokens()
                        .total())
                .isEqualTo(150);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NA", "N/A", "na", ""})
    void aiHubPlaceholderTextMeansAbsent(String placeholder) {
        RecordFixture record = RecordFixture.aiHub()
                .with("endUserId", placeholder)
                .with("model", placeholder)
                .with("productName", placeholder)
                .with("gatewayRegion", placeholder);

        UsageEvent event = validEvent(record);

        assertThat(event.userId()).isNull();
        assertThat(event.model()).isNull();
        assertThat(event.productId()).isNull();
        assertThat(event.attributes()).doesNotContainKey("gatewayRegion");
    }

    @Test
    void aiHubGatewayDetailsAreKeptAsAttributesButNotIpsOrStreamAnalyticsFields() {
        RecordFixture record = RecordFixture.aiHub()
                .with("gatewayName", "apim.azure-api.net")
                .with("gatewayRegion", "East US")
                .with("targetService", "chat.completion")
                .with("routeName", "EastUS2")
                .with("operationName", "Creates a completion")
                .with("aiGatewayId", "managed")
                .with("RequestIp", "10.1.2.3")
                .with("EventProcessedUtcTime", "2024-05-27T14:46:04.4009773Z")
                .with("PartitionId", 1)
                .with("EventEnqueuedUtcTime", "2024-05-27T14:46:04.1720000Z");

        assertThat(validEvent(record).attributes())
                .containsOnlyKeys(
                        "gatewayName", "gatewayRegion", "targetService", "routeName", "operationName", "aiGatewayId")
                .containsEntry("gatewayRegion", "East US");
    }

    @Test
    void aiHubRecordWithAnUnreadableTimestampIsRejectedOnTimestamp() {
        FieldError error = onlyError(RecordFixture.aiHub().with("timestamp", "the 24th of May"));

        assertThat(error.field()).isEqualTo("timestamp");
        assertThat(error.reason()).contains("5/24/2024 2:45:56 PM");
    }

    @Test
    void aiHubRecordErrorsNameTheAiHubFields() {
        RecordFixture record = RecordFixture.aiHub()
                .without("deploymentName")
                .without("promptTokens")
                .with("id", "NA")
                .without("timestamp");

        assertThat(fieldsOf(errorsOf(record))).containsExactly("id", "timestamp", "deploymentName", "promptTokens");
    }

    @Test
    void recordWithTimestampButNoTimeIsReadAsAiHub() {
        RecordFixture record = RecordFixture.empty()
                .with("id", "x")
                .with("timestamp", "2024-05-24T14:45:56")
                .with("promptTokens", "7");

        assertThat(fieldsOf(errorsOf(record))).containsExactly("deploymentName");
    }

    @Test
    void recordWithResponseTokensIsReadAsAiHub() {
        RecordFixture record =
                RecordFixture.canonical().with("responseTokens", "5").without("completionTokens");

        assertThat(fieldsOf(errorsOf(record))).containsExactly("deploymentName");
    }
}
