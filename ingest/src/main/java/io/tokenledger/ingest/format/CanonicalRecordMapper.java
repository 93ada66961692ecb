package io.tokenledger.ingest.format;

import io.tokenledger.pricing.TokenCounts;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** Validates a record in the canonical shape of EVENTS.md and normalizes it into a {@link UsageEvent}. */
final class CanonicalRecordMapper {

    private static final List<String> OPTIONAL_TEXT = List.of(
            "tenant",
            "subscriptionId",
            "subscriptionName",
            "productId",
            "apiId",
            "operationId",
            "userId",
            "appId",
            "model",
            "region",
            "backendId");

    private final TokenFieldsReader tokenFields;

    CanonicalRecordMapper(TokenFieldsReader tokenFields) {
        this.tokenFields = Objects.requireNonNull(tokenFields, "tokenFields");
    }

    /** Returns the event, or {@code null} when {@code errors} is not empty afterwards. */
    UsageEvent map(JsonNode node, List<FieldError> errors) {
        FieldReader record = FieldReader.strict(node, errors);
        String id = record.requiredText("id", FieldReader.MAX_ID_LENGTH);
        Instant time = Rfc3339Time.read(record, "time");
        String deployment = record.requiredText("deployment", FieldReader.MAX_TEXT_LENGTH);
        Map<String, String> text = new HashMap<>();
        OPTIONAL_TEXT.forEach(name -> text.put(name, record.text(name, maxLength(name))));
        TokenCounts tokens = tokenFields.read(record);
        Integer requests = record.integer("requests", 1);
        Boolean streaming = record.bool("streaming");
        Boolean estimated = record.bool("estimated");
        Integer statusCode = record.integer("statusCode", Integer.MIN_VALUE);
        Map<String, String> attributes = record.textMap("attributes");
        if (!errors.isEmpty()) {
            return null;
        }
        return new UsageEvent(
                id,
                time,
                text.get("tenant"),
                text.get("subscriptionId"),
                text.get("subscriptionName"),
                text.get("productId"),
                text.get("apiId"),
                text.get("operationId"),
                text.get("userId"),
                text.get("appId"),
                deployment,
                text.get("model"),
                text.get("region"),
                text.get("backendId"),
                tokens,
                requests == null ? 1 : requests,
                streaming,
                Boolean.TRUE.equals(estimated),
                statusCode,
                attributes);
    }

    /** The fields a tenant key may come from are limited to what the tenant table holds. */
    private static int maxLength(String name) {
        return switch (name) {
            case "tenant", "subscriptionName", "subscriptionId" -> FieldReader.MAX_KEY_LENGTH;
            default -> FieldReader.MAX_TEXT_LENGTH;
        };
    }
}
