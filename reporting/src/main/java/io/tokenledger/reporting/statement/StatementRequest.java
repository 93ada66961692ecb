package io.tokenledger.reporting.statement;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * Which statement to build: a billing period (a calendar month in the business time zone) and a scope, optionally
 * limited to the tenants a person may see (a tenant owner's statement holds only their tenants).
 *
 * @param visibleTenants empty for "every tenant"; otherwise only these tenants appear, whatever the scope
 */
@NamedInterface("statement")
public record StatementRequest(YearMonth period, StatementScope scope, Optional<Set<String>> visibleTenants) {

    public StatementRequest {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(scope, "scope");
        visibleTenants = visibleTenants.map(Set::copyOf);
    }

    public static StatementRequest of(YearMonth period, StatementScope scope) {
        return new StatementRequest(period, scope, Optional.empty());
    }

    boolean shows(String tenantKey, String costCenter) {
        if (visibleTenants.isPresent() && !visibleTenants.get().contains(tenantKey)) {
            return false;
        }
        return switch (scope) {
            case StatementScope.All all -> true;
            case StatementScope.CostCenter wanted -> wanted.costCenter().equals(costCenter);
            case StatementScope.Tenant wanted -> wanted.key().equals(tenantKey);
        };
    }
}
