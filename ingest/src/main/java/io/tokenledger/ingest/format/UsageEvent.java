package io.tokenledger.ingest.format;

import io.tokenledger.pricing.TokenCounts;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The canonical usage record (shared/EVENTS.md) after normalization: every source adapter produces this and
 * nothing else. Optional text fields are {@code null} when absent; {@code attributes} is never null.
 */
public record UsageEvent(
        String id,
        Instant time,
        String tenant,
        String subscriptionId,
        String subscriptionName,
        String productId,
        String apiId,
        String operationId,
        String userId,
        String appId,
        String deployment,
        String model,
        String region,
        String backendId,
        TokenCounts tokens,
        int requests,
        Boolean streaming,
        boolean estimated,
        Integer statusCode,
        Map<String, String> attributes) {

    public UsageEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(tokens, "tokens");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
