package io.tokenledger.ingest;

import java.util.Set;

/**
 * What a mapping-rule change did: the rule (as added, replaced, or as it was before removal) and the stored usage of
 * open periods it moved between tenants. Closed periods are never re-attributed.
 *
 * @param movedEvents events whose tenant changed
 * @param tenants the tenants usage moved from or to
 */
public record RuleChange(TenantMappingRule rule, long movedEvents, Set<String> tenants) {

    public RuleChange {
        tenants = Set.copyOf(tenants);
    }
}
