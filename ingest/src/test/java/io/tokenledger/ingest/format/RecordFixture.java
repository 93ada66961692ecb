package io.tokenledger.ingest.format;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds small JSON records for tests; dotted paths ({@code usage.prompt_tokens}) create nested objects. */
final class RecordFixture {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final ObjectNode node;

    private RecordFixture(ObjectNode node) {
        this.node = node;
    }

    static RecordFixture empty() {
        return new RecordFixture(MAPPER.createObjectNode());
    }

    /** A valid canonical record with flat token fields. */
    static RecordFixture canonical() {
        return empty().with("id", "req-1")
                .with("time", "2026-11-03T14:05:12Z")
                .with("deployment", "gpt-4o-mini")
                .with("promptTokens", 1000)
                .with("completionTokens", 200);
    }

    /** A valid AI Hub Gateway usage record, token counts as strings the way the policy writes them. */
    static RecordFixture aiHub() {
        return empty().with("id", "chatcmpl-1")
                .with("timestamp", "5/24/2024 2:45:56 PM")
                .with("subscriptionId", "master")
                .with("deploymentName", "chat")
                .with("promptTokens", "100")
                .with("responseTokens", "50")
                .with("totalTokens", "150");
    }

    /** A CloudEvents 1.0 structured event around the given record. */
    static RecordFixture cloudEvent(RecordFixture data) {
        return empty().with("specversion", "1.0")
                .with("id", "ce-1")
                .with("source", "/apim/gateway")
                .with("type", "io.tokenledger.usage")
                .with("time", "2026-11-03T15:00:00Z")
                .with("data", data.node());
    }

    RecordFixture with(String path, Object value) {
        ObjectNode copy = node.deepCopy();
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? copy : parentOf(copy, path.substring(0, dot));
        parent.set(path.substring(dot + 1), MAPPER.valueToTree(value));
        return new RecordFixture(copy);
    }

    RecordFixture without(String path) {
        ObjectNode copy = node.deepCopy();
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? copy : parentOf(copy, path.substring(0, dot));
        parent.remove(path.substring(dot + 1));
        return new RecordFixture(copy);
    }

    ObjectNode node() {
        return node.deepCopy();
    }

    String json() {
        return MAPPER.writeValueAsString(node);
    }

    byte[] bytes() {
        return json().getBytes(StandardCharsets.UTF_8);
    }

    static String json(JsonNode node) {
        return MAPPER.writeValueAsString(node);
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
