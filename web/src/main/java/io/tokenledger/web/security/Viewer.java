package io.tokenledger.web.security;

import io.tokenledger.reporting.ledger.TenantScope;
import java.util.Set;

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

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
