package io.tokenledger.reporting.schedule;

import io.tokenledger.ingest.Tenant;
import io.tokenledger.ingest.Tenants;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Tenant owners for "one email per tenant owner" schedules: the owner email an admin gave each tenant. */
@Component
class TenantOwnerEmails implements TenantOwners {

    private final Tenants tenants;

    TenantOwnerEmails(Tenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public Map<String, List<String>> ownerEmails(Set<String> tenantKeys) {
        Map<String, List<String>> owners = new LinkedHashMap<>();
        for (Tenant tenant : tenants.withKeys(tenantKeys)) {
            if (tenant.ownerEmail() != null && !tenant.ownerEmail().isBlank()) {
                owners.put(tenant.key(), List.of(tenant.ownerEmail()));
            }
        }
        return owners;
    }
}
