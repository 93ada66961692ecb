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
 * both). Rules are matched against the <em>distinct</em> values of each field, one rule at a time, and the best hit
 * is then joined back to the rows by (field, value): a batch of 10,000 events from 500 subscriptions costs 500
 * matches per rule, not 10,000, and PostgreSQL's cache of compiled regular expressions (32 entries) is not thrashed
 * however many regex rules there are. Only the fields some rule looks at are unpacked, so an installation without
 * rules pays nothing for them.
 */
@Component
class TenantResolver {

    static final String UNASSIGNED = "unassigned";

    private final boolean subscriptionFallback;

    @Autowired
    TenantResolver(TenantProperties properties) {
        this(properties.subscriptionFallback());
    }

    TenantResolver(boolean subscriptionFallback) {
        this.subscriptionFallback = subscriptionFallback;
    }

    /**
     * CTEs ({@code rule_values}, {@code rule_hits}, {@code rule_tenants}) that find the winning rule of every row of
     * {@code source} — a relation with usage_event's field columns and a unique text column {@code key}. The last,
     * {@code rule_tenants (row_key, tenant_key)}, has a row only where a rule matched; combine it with
     * {@link #fallback}.
     */
    String ruleCtes(String source, String key) {
        String fields = "(values ('tenant', s.tenant), ('subscriptionName', s.subscription_name),"
                + " ('subscriptionId', s.subscription_id), ('productId', s.product_id), ('userId', s.user_id),"
                + " ('appId', s.app_id)) as f(field, value)";
        // attributes are unpacked only while some rule looks at one (an init plan, evaluated once)
        String attributes = " where s.attributes is not null and exists (select 1 from tenant_mapping_rule"
                + " where field like 'attributes.%')";
        String fieldValues =
                "select s." + key + " as row_key, f.field, f.value from " + source + " s cross join lateral "
                        + fields + " where f.value is not null and f.field in (select field from tenant_mapping_rule)"
                        + " union all select s." + key + ", 'attributes.' || a.key, a.value from " + source
                        + " s cross join lateral jsonb_each_text(s.attributes) as a" + attributes;
        return "row_fields as (" + fieldValues + ")"
                + ", rule_values as (select distinct field, value from row_fields)"
                // one rule at a time (lateral), so each pattern is compiled once per statement
                + ", rule_hits as (select distinct on (v.field, v.value) v.field, v.value, r.priority, r.rule_id,"
                + " r.tenant_key from tenant_mapping_rule r cross join lateral (select rv.field, rv.value"
                + " from rule_values rv where rv.field = r.field and case r.match_kind"
                + " when 'exact' then rv.value = r.pattern when 'prefix' then starts_with(rv.value, r.pattern)"
                + " else rv.value ~ r.pattern end) v order by v.field, v.value, r.priority, r.rule_id)"
                + ", rule_tenants as (select distinct on (rf.row_key) rf.row_key, h.tenant_key from row_fields rf"
                + " join rule_hits h on h.field = rf.field and h.value = rf.value"
                + " order by rf.row_key, h.priority, h.rule_id)";
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
