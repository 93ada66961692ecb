package io.tokenledger.web.testing;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds canonical usage records (shared/EVENTS.md) for tests. Immutable: every change returns a copy; dotted
 * paths ({@code usage.prompt_tokens}) create nested objects.
 */
public final class UsageJson {

    private final ObjectNode node;

    private UsageJson(ObjectNode node) {
        this.node = node;
    }

    /** A valid record of tenant {@code acme} on deployment {@code gpt-4o}, 2025-03-10 at noon UTC. */
    public static UsageJson event(String id) {
        return new UsageJson(Reply.JSON.createObjectNode())
                .with("id", id)
                .with("time", "2025-03-10T12:00:00Z")
                .with("tenant", "acme")
                .with("deployment", "gpt-4o")
                .with("model", "gpt-4o-2024-08-06")
                .with("promptTokens", 1000)
                .with("completionTokens", 500);
    }

    public UsageJson at(String rfc3339) {
        return with("time", rfc3339);
    }

    public UsageJson at(Instant time) {
        return with("time", time.toString());
    }

    public UsageJson tenant(String tenant) {
        return with("tenant", tenant);
    }

    public UsageJson deployment(String deployment) {
        return with("deployment", deployment);
    }

    public UsageJson model(String model) {
        return with("model", model);
    }

    /** The four token buckets as flat fields. */
    public UsageJson tokens(long prompt, long cachedPrompt, long completion, long reasoning) {
        return with("promptTokens", prompt)
                .with("cachedPromptTokens", cachedPrompt)
                .with("completionTokens", completion)
                .with("reasoningTokens", reasoning);
    }

    /** The same counts moved into an OpenAI {@code usage} object, as a gateway copies it from the response. */
    public UsageJson inOpenAiUsageShape() {
        long prompt = count("promptTokens");
        long completion = count("completionTokens");
        return without("promptTokens")
                .without("cachedPromptTokens")
                .without("completionTokens")
                .without("reasoningTokens")
                .with("usage.prompt_tokens", prompt)
                .with("usage.completion_tokens", completion)
                .with("usage.total_tokens", prompt + completion)
                .with("usage.prompt_tokens_details.cached_tokens", count("cachedPromptTokens"))
                .with("usage.completion_tokens_details.reasoning_tokens", count("reasoningTokens"));
    }

    /**
     * This record as the {@code data} of a CloudEvents 1.0 structured event whose envelope carries the record's id
     * and time (the record itself then has neither).
     */
    public UsageJson asCloudEvent() {
        ObjectNode data = node.deepCopy();
        JsonNode id = data.remove("id");
        JsonNode time = data.remove("time");
        ObjectNode envelope = Reply.JSON.createObjectNode();
        envelope.put("specversion", "1.0");
        envelope.set("id", id);
        envelope.put("source", "/apim/gateway-eastus2");
        envelope.put("type", "io.tokenledger.usage");
        envelope.set("time", time);
        envelope.put("datacontenttype", "application/json");
        envelope.set("data", data);
        return new UsageJson(envelope);
    }

    public UsageJson with(String path, Object value) {
        ObjectNode copy = node.deepCopy();
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? copy : parentOf(copy, path.substring(0, dot));
        parent.set(path.substring(dot + 1), Reply.JSON.valueToTree(value));
        return new UsageJson(copy);
    }

    public UsageJson without(String field) {
        ObjectNode copy = node.deepCopy();
        copy.remove(field);
        return new UsageJson(copy);
    }

    /** The record as a reader of its JSON text sees it (numbers in their smallest type). */
    public JsonNode node() {
        return Reply.JSON.readTree(json());
    }

    public String json() {
        return Reply.JSON.writeValueAsString(node);
    }

    public static String array(UsageJson... records) {
        return Arrays.stream(records).map(UsageJson::json).collect(Collectors.joining(",", "[", "]"));
    }

    public static String ndjson(UsageJson... records) {
        return Arrays.stream(records).map(record -> record.json() + "\n").collect(Collectors.joining());
    }

    private long count(String field) {
        JsonNode value = node.get(field);
        return value == null ? 0 : value.asLong();
    }

    private static ObjectNode parentOf(ObjectNode root, String path) {
        ObjectNode current = root;
        for (String name : path.split("\\.")) {
            JsonNode child = current.get(name);
            current = child instanceof ObjectNode object ? object : current.putObject(name);
        }
        return current;
    }
}
