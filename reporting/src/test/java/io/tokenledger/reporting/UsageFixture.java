package io.tokenledger.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Canonical usage records (EVENTS.md) for tests, with sensible defaults, changed only where a test cares. */
public final class UsageFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String id;
    private Instant time = Instant.parse("2025-03-10T12:00:00Z");
    private String tenant = "acme";
    private String deployment = "gpt-4o";
    private String model = "gpt-4o-2024-08-06";
    private long prompt = 1000;
    private long cached;
    private long completion = 200;
    private long reasoning;
    private int requests = 1;

    private UsageFixture(String id) {
        this.id = id;
    }

    public static UsageFixture event(String id) {
        return new UsageFixture(id);
    }

    public UsageFixture at(String rfc3339) {
        this.time = Instant.parse(rfc3339);
        return this;
    }

    public UsageFixture tenant(String tenant) {
        this.tenant = tenant;
        return this;
    }

    public UsageFixture deployment(String deployment) {
        this.deployment = deployment;
        return this;
    }

    public UsageFixture model(String model) {
        this.model = model;
        return this;
    }

    public UsageFixture tokens(long prompt, long cached, long completion, long reasoning) {
        this.prompt = prompt;
        this.cached = cached;
        this.completion = completion;
        this.reasoning = reasoning;
        return this;
    }

    public UsageFixture requests(int requests) {
        this.requests = requests;
        return this;
    }

    public String json() {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        node.put("time", time.toString());
        node.put("tenant", tenant);
        node.put("deployment", deployment);
        if (model != null) {
            node.put("model", model);
        }
        node.put("promptTokens", prompt);
        node.put("cachedPromptTokens", cached);
        node.put("completionTokens", completion);
        node.put("reasoningTokens", reasoning);
        node.put("requests", requests);
        return JSON.writeValueAsString(node);
    }

    public static String ndjson(List<UsageFixture> events) {
        List<String> lines = new ArrayList<>();
        events.forEach(event -> lines.add(event.json()));
        return String.join("\n", lines);
    }
}
