package io.tokenledger.reporting.ledger;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Usage and cost between two business days (both inclusive), grouped by {@code groupBy} in that order, for one
 * tenant or all, within {@code scope}: the tenants the asking user may see, or {@link TenantScope#allTenants()} for
 * work not done for one user (closing a period, a statement's own filtering). There is no query without a scope, so
 * a caller cannot forget it: the scope is a condition of the SQL, and a named tenant outside it reads nothing.
 */
public record LedgerQuery(
        LocalDate from, LocalDate to, List<LedgerDimension> groupBy, Optional<String> tenant, TenantScope scope) {

    public static final int MAX_DAYS = 366;

    public LedgerQuery {
        Objects.requireNonNull(
                scope,
                "a ledger query needs a TenantScope: the viewer's, or TenantScope.allTenants() for work not"
                        + " done for one user");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException(
                    "from " + from + " to " + to + " spans more than " + MAX_DAYS + " days; ask for a shorter range");
        }
        groupBy = List.copyOf(groupBy);
        if (groupBy.size() != groupBy.stream().distinct().count()) {
            throw new IllegalArgumentException("groupBy names a dimension twice: " + groupBy);
        }
    }
}
