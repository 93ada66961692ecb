package io.tokenledger.reporting.ledger;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Usage and cost between two business days (both inclusive), grouped by {@code groupBy} in that order, for one
 * tenant or all, within {@code scope} (the tenants the asking user may see).
 */
public record LedgerQuery(
        LocalDate from, LocalDate to, List<LedgerDimension> groupBy, Optional<String> tenant, TenantScope scope) {

    /** A query over every tenant the installation has (for callers that are not acting for a user). */
    public LedgerQuery(LocalDate from, LocalDate to, List<LedgerDimension> groupBy, Optional<String> tenant) {
        this(from, to, groupBy, tenant, TenantScope.allTenants());
    }

    /** The same query restricted to {@code scope}. */
    public LedgerQuery within(TenantScope scope) {
        return new LedgerQuery(from, to, groupBy, tenant, scope);
    }

    public static final int MAX_DAYS = 366;

    public LedgerQuery {
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
