package io.tokenledger.reporting.schedule;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who owns a tenant, for schedules with scope {@code per-tenant-owner}. Extension point: tenant owners arrive with
 * the budgets feature, which provides a bean of this type; until then such schedules are accepted but their runs
 * fail with a reason that says so.
 */
public interface TenantOwners {

    /** The owners' email addresses by tenant key; a tenant without owners is absent. */
    Map<String, List<String>> ownerEmails(Set<String> tenantKeys);
}
