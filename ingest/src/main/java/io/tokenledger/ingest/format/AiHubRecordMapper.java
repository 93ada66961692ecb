package io.tokenledger.ingest.format;

import io.tokenledger.pricing.TokenCounts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Maps the usage record of the AI Hub Gateway landing zone (Azure-Samples/ai-hub-gateway-solution-accelerator) so
 * teams running it can point TokenLedger at their existing Event Hub. Errors name the AI Hub field, since that is
 * what the sender's policy writes.
 */
final class AiHubRecordMapper {

    // Kept for drill-down; Stream Analytics bookkeeping and RequestIp (personal data) are deliberately dropped.
    private static final List<String> ATTRIBUTE_FIELDS =
            List.of("gatewayName", "gatewayRegion", "targetService", "routeName", "operationName", "aiGatewayId");
    private static final int MAX_TIMESTAMP_LENGTH = 64;

    static boolean recognizes(JsonNode node) {
        return node.has("deploymentName") || node.has("responseTokens") || (node.has("timestamp") && !node.has("time"));
    }

    /** Returns the event, or {@code null} when {@code errors} is not empty afterwards. */
    UsageEvent map(JsonNode node, List<FieldError> errors) {
        FieldReader record = FieldReader.lenient(node, errors);
        String id = record.requiredText("id", FieldReader.MAX_ID_LENGTH);
        Instant time = time(record);
        String deployment = record.requiredText("deploymentName", FieldReader.MAX_TEXT_LENGTH);
        String subscriptionName = record.text("subscriptionId", FieldReader.MAX_KEY_LENGTH);
        String productId = record.text("productName");
        String model = record.text("model");
        String appId = record.text("appId");
        String userId = record.text("endUserId");
        String backendId = record.text("backendId");
        String region = record.text("routeLocation");
        TokenCounts tokens = tokens(record);
        Map<String, String> attributes = attributes(record);
        if (!errors.isEmpty()) {
            return null;
        }
        return new UsageEvent(
                id,
                time,
                null,
                null,
                subscriptionName,
                productId,
                null,
                null,
                userId,
                appId,
                deployment,
                model,
                region,
                backendId,
                tokens,
                1,
                null,
                false,
                null,
                attributes);
    }

    private static Instant time(FieldReader record) {
        // A CloudEvent envelope may supply "time" when the record itself has no timestamp.
        String field = record.has("timestamp") || !record.has("time") ? "timestamp" : "time";
        String text = record.requiredText(field, MAX_TIMESTAMP_LENGTH);
        if (text == null) {
            return null;
        }
        Instant time = AiHubTimestamps.parse(text).orElse(null);
        if (time == null) {
            record.reject(field, "'" + text + "' is not a recognised timestamp; " + AiHubTimestamps.EXPECTED);
        }
        return time;
    }

    private static TokenCounts tokens(FieldReader record) {
        int errorsBefore = record.errorCount();
        Count prompt = record.count("promptTokens");
        if (prompt == null && !record.has("promptTokens")) {
            record.reject("promptTokens", "is required");
        }
        boolean completionGiven = record.has("responseTokens");
        Count completion = completionGiven ? record.count("responseTokens") : Count.zero("responseTokens");
        TokenRules.requireTotal(record, record.count("totalTokens"), prompt, completion);
        if (record.errorCount() > errorsBefore) {
            return null;
        }
        return new TokenCounts(prompt.value(), 0, completion.value(), 0);
    }

    private static Map<String, String> attributes(FieldReader record) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : ATTRIBUTE_FIELDS) {
            String value = record.text(name);
            if (value != null) {
                attributes.put(name, value);
            }
        }
        return attributes;
    }
}
