package io.tokenledger.ingest;

import java.time.Instant;

/**
 * A mapping rule: events whose {@code field} matches {@code pattern} ({@code exact}, {@code prefix} or
 * {@code regex}, a PostgreSQL regular expression) are charged to {@code tenant}. The rule with the lowest
 * {@code priority} wins, the older one among equals.
 *
 * @param field a canonical record field ({@code tenant}, {@code subscriptionName}, {@code subscriptionId},
 *     {@code productId}, {@code userId}, {@code appId}) or {@code attributes.<key>}
 */
public record TenantMappingRule(
        long id,
        String field,
        String match,
        String pattern,
        String tenant,
        int priority,
        Instant createdAt,
        String createdBy) {}
