package io.tokenledger.reporting.ledger;

import java.util.Collection;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Which tenants a query may see: all of them, or only the listed keys (a tenant viewer's tenants, one tenant, a cost
 * center's members).
 */
public record TenantScope(boolean all, Set<String> keys) {

    public TenantScope {
        keys = Set.copyOf(keys);
    }

    public static TenantScope allTenants() {
        return new TenantScope(true, Set.of());
    }

    public static TenantScope only(Collection<String> keys) {
        return new TenantScope(false, Set.copyOf(keys));
    }

    Condition on(Field<String> tenantKey) {
        return all ? DSL.noCondition() : tenantKey.in(keys);
    }
}
