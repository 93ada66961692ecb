package io.tokenledger.ingest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides who is charged for an event: the first mapping rule (lowest priority, then oldest) whose field matches;
 * else the event's explicit {@code tenant}; else, with {@code tokenledger.ingest.tenants.subscription-fallback}
 * (the default), the APIM subscription name, then its id; else {@value #UNASSIGNED}. Usage is never dropped.
 *
 * <p>The decision is SQL, evaluated by PostgreSQL both when a batch is written and when a rule change re-attributes
 * stored usage, so the two can never disagree (and a {@code regex} rule means a PostgreSQL regular expression in
 * both). The rules are matched set-based, against the distinct values of each field ({@code sql/tenant-rule-ctes.sql}
 * says how and why).
 */
@Component
class TenantResolver {

    static final String UNASSIGNED = "unassigned";

    private static final SqlTemplate RULE_CTES = SqlTemplate.load("tenant-rule-ctes");

    private final boolean subscriptionFallback;

    @Autowired
    TenantResolver(IngestProperties properties) {
        this(properties.tenants().subscriptionFallback());
    }

    TenantResolver(boolean subscriptionFallback) {
        this.subscriptionFallback = subscriptionFallback;
    }

    /**
     * The CTEs ({@code sql/tenant-rule-ctes.sql}) that find the winning rule of every row of {@code source}: a relation
     * with usage_event's field columns and its unique {@code event_id}. The last, {@code rule_tenants (row_key,
     * tenant_key)}, has a row only where a rule matched; combine it with {@link #fallback}.
     */
    String ruleCtes(String source) {
        return RULE_CTES.with("source", source).sql();
    }

    /** The tenant of a row {@code alias} that no rule matched ({@code ruleTenant}: the rule's tenant, or null). */
    String fallback(String ruleTenant, String alias) {
        String subscription = subscriptionFallback
                ? ", nullif(" + alias + ".subscription_name, ''), nullif(" + alias + ".subscription_id, '')"
                : "";
        return "coalesce(" + ruleTenant + ", nullif(" + alias + ".tenant, '')" + subscription + ", '" + UNASSIGNED
                + "')";
    }
}
