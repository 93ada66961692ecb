package io.tokenledger.web.security;

import io.tokenledger.ingest.Tenant;
import io.tokenledger.reporting.ledger.TenantScope;
import java.util.Collection;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Who is looking, as far as tenant data goes: their role and, for a {@link Role#TENANT_VIEWER}, the tenants
 * assigned to them. A caller without a role (an ingest key, a disabled user) sees nothing.
 *
 * @param role null when the caller has no role that may read tenant data
 */
public record Viewer(String name, Role role, Set<String> tenants) {

    public Viewer {
        tenants = Set.copyOf(tenants);
    }

    static Viewer nobody(String name) {
        return new Viewer(name, null, Set.of());
    }

    /** What the queries behind pages, endpoints and reports are limited to. */
    public TenantScope scope() {
        if (role == Role.ADMIN || role == Role.FINANCE) {
            return TenantScope.allTenants();
        }
        return TenantScope.only(role == Role.TENANT_VIEWER ? tenants : Set.of());
    }

    public boolean sees(String tenantKey) {
        TenantScope scope = scope();
        return scope.all() || scope.keys().contains(tenantKey);
    }

    /** Admins and finance: every tenant, configuration pages, ingestion and dead letters. */
    public boolean seesAllTenants() {
        return scope().all();
    }

    /**
     * The tenants to list for this viewer, by key: the registered ones they may see, {@code unassigned} for those
     * who see all, and a tenant viewer's own tenants even before anyone registers them (their usage may arrive by
     * subscription first).
     */
    public SortedMap<String, Tenant> visibleTenants(Collection<Tenant> registered) {
        SortedMap<String, Tenant> byKey = new TreeMap<>();
        registered.stream().filter(tenant -> sees(tenant.key())).forEach(tenant -> byKey.put(tenant.key(), tenant));
        if (sees(Tenant.UNASSIGNED)) {
            byKey.putIfAbsent(Tenant.UNASSIGNED, new Tenant(Tenant.UNASSIGNED, "Unassigned", null));
        }
        if (!seesAllTenants()) {
            tenants.forEach(key -> byKey.putIfAbsent(key, new Tenant(key, key, null)));
        }
        return byKey;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
