package io.tokenledger.ingest;

import io.tokenledger.ingest.format.ParsedRecord;
import io.tokenledger.ingest.format.UsageEvent;
import io.tokenledger.pricing.TokenCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds usage events for tests: a valid event with sensible defaults, changed only where a test cares. {@link #json()}
 * writes the same event as a canonical record (EVENTS.md), so a test can also send it through the parser.
 */
final class UsageEventFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String id = "e1";
    private Instant time = Instant.parse("2026-11-03T10:00:00Z");
    private String tenant = "acme";
    private String subscriptionId;
    private String subscriptionName;
    private String productId;
    private String userId;
    private String appId;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private String deployment = "gpt-4o";
    private String model = "gpt-4o-2024-08-06";
    private long prompt = 1000;
    private long cachedPrompt;
    private long completion = 200;
    private long reasoning;
    private int requests = 1;

    private UsageEventFixture() {}

    static UsageEventFixture event() {
        return new UsageEventFixture();
    }

    UsageEventFixture id(String id) {
        this.id = id;
        return this;
    }

    UsageEventFixture at(String rfc3339) {
        this.time = Instant.parse(rfc3339);
        return this;
    }

    UsageEventFixture at(Instant time) {
        this.time = time;
        return this;
    }

    UsageEventFixture tenant(String tenant) {
        this.tenant = tenant;
        return this;
    }

    UsageEventFixture subscription(String subscriptionId, String subscriptionName) {
        this.subscriptionId = subscriptionId;
        this.subscriptionName = subscriptionName;
        return this;
    }

    UsageEventFixture product(String productId) {
        this.productId = productId;
        return this;
    }

    UsageEventFixture user(String userId) {
        this.userId = userId;
        return this;
    }

    UsageEventFixture app(String appId) {
        this.appId = appId;
        return this;
    }

    UsageEventFixture attribute(String key, String value) {
        this.attributes.put(key, value);
        return this;
    }

    UsageEventFixture deployment(String deployment) {
        this.deployment = deployment;
        return this;
    }

    UsageEventFixture model(String model) {
        this.model = model;
        return this;
    }

    UsageEventFixture tokens(long prompt, long cachedPrompt, long completion, long reasoning) {
        this.prompt = prompt;
        this.cachedPrompt = cachedPrompt;
        this.completion = completion;
        this.reasoning = reasoning;
        return this;
    }

    UsageEventFixture requests(int requests) {
        this.requests = requests;
        return this;
    }

    UsageEvent build() {
        return new UsageEvent(
                id,
                time,
                tenant,
                subscriptionId,
                subscriptionName,
                productId,
                null,
                null,
                userId,
                appId,
                deployment,
                model,
                null,
                null,
                new TokenCounts(prompt, cachedPrompt, completion, reasoning),
                requests,
                null,
                false,
                200,
                attributes);
    }

    /** The event as a canonical record with flat token fields. */
    String json() {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        node.put("time", time.toString());
        putIfPresent(node, "tenant", tenant);
        putIfPresent(node, "subscriptionId", subscriptionId);
        putIfPresent(node, "subscriptionName", subscriptionName);
        putIfPresent(node, "productId", productId);
        putIfPresent(node, "userId", userId);
        putIfPresent(node, "appId", appId);
        if (!attributes.isEmpty()) {
            ObjectNode attributeNode = node.putObject("attributes");
            attributes.forEach(attributeNode::put);
        }
        node.put("deployment", deployment);
        putIfPresent(node, "model", model);
        node.put("promptTokens", prompt);
        node.put("cachedPromptTokens", cachedPrompt);
        node.put("completionTokens", completion);
        node.put("reasoningTokens", reasoning);
        node.put("requests", requests);
        node.put("statusCode", 200);
        return JSON.writeValueAsString(node);
    }

    /** One batch of valid records, indexed in the order given. */
    static List<ParsedRecord> batch(UsageEventFixture... events) {
        return batch(List.of(events));
    }

    static List<ParsedRecord> batch(List<UsageEventFixture> events) {
        List<ParsedRecord> records = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            UsageEventFixture event = events.get(i);
            records.add(new ParsedRecord.Valid(i, event.json(), event.build()));
        }
        return records;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
