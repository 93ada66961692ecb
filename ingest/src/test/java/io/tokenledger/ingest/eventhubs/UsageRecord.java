package io.tokenledger.ingest.eventhubs;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Usage records as bodies of Event Hubs messages: the canonical record of EVENTS.md by default, changed only where
 * a test cares; also as the AI Hub Gateway record and in a CloudEvent.
 */
final class UsageRecord {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode node = JSON.createObjectNode();

    private UsageRecord(String id) {
        if (id != null) {
            node.put("id", id);
        }
        node.put("time", "2026-11-03T10:00:00Z");
        node.put("subscriptionName", "tenant-acme");
        node.put("deployment", "gpt-4o");
        node.put("model", "gpt-4o-2024-08-06");
        node.put("promptTokens", 1000);
        node.put("completionTokens", 200);
    }

    static UsageRecord record(String id) {
        return new UsageRecord(id);
    }

    /** A record without an id, as a gateway policy that does not send one would write it. */
    static UsageRecord withoutId() {
        return new UsageRecord(null);
    }

    UsageRecord tokens(long prompt, long completion) {
        node.put("promptTokens", prompt);
        node.put("completionTokens", completion);
        return this;
    }

    UsageRecord tenant(String tenant) {
        node.put("tenant", tenant);
        return this;
    }

    UsageRecord set(String field, String value) {
        node.put(field, value);
        return this;
    }

    UsageRecord set(String field, long value) {
        node.put(field, value);
        return this;
    }

    String json() {
        return JSON.writeValueAsString(node);
    }

    /** The same usage wrapped in a CloudEvents 1.0 structured event whose envelope carries the id. */
    String cloudEvent(String envelopeId) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("specversion", "1.0");
        envelope.put("id", envelopeId);
        envelope.put("source", "/apim/test");
        envelope.put("type", "io.tokenledger.usage");
        envelope.put("time", "2026-11-03T10:00:00Z");
        ObjectNode data = node.deepCopy();
        data.remove("id");
        envelope.set("data", data);
        return JSON.writeValueAsString(envelope);
    }

    /** An AI Hub Gateway landing-zone usage record (its policy fragment's shape). */
    static String aiHub(String id, long prompt, long response) {
        ObjectNode record = JSON.createObjectNode();
        record.put("id", id);
        record.put("timestamp", "11/3/2026 10:00:00 AM");
        record.put("appId", "app-1");
        record.put("subscriptionId", "tenant-acme");
        record.put("productName", "aoai-standard");
        record.put("targetService", "chat.completion");
        record.put("model", "gpt-4o-2024-08-06");
        record.put("gatewayName", "apim-hub");
        record.put("gatewayRegion", "eastus2");
        record.put("backendId", "aoai-eastus2");
        record.put("routeLocation", "eastus2");
        record.put("deploymentName", "gpt-4o");
        record.put("promptTokens", String.valueOf(prompt));
        record.put("responseTokens", String.valueOf(response));
        record.put("totalTokens", String.valueOf(prompt + response));
        return JSON.writeValueAsString(record);
    }

    /** Records as a JSON array body. */
    static String array(UsageRecord... records) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < records.length; i++) {
            body.append(i == 0 ? "" : ",").append(records[i].json());
        }
        return body.append(']').toString();
    }

    /** Records as an NDJSON body. */
    static String ndjson(UsageRecord... records) {
        StringBuilder body = new StringBuilder();
        for (UsageRecord record : records) {
            body.append(record.json()).append('\n');
        }
        return body.toString();
    }
}
