package io.tokenledger.reporting.schedule;

import io.tokenledger.reporting.statement.StatementScope;

/**
 * Whom a schedule reports on: one statement of a {@link StatementScope} to the schedule's recipients, or one
 * statement per tenant to each tenant's owners ({@code per-tenant-owner}).
 */
public sealed interface ReportScope {

    String PER_TENANT_OWNER = "per-tenant-owner";

    /** One statement for the schedule's recipients. */
    record Statement(StatementScope scope) implements ReportScope {}

    /** One statement per tenant with usage in the period, to that tenant's owners. */
    record PerTenantOwner() implements ReportScope {}

    /** {@code all}, {@code costCenter:X}, {@code tenant:K} or {@code per-tenant-owner}. */
    static ReportScope parse(String text) {
        if (text != null && text.strip().equalsIgnoreCase(PER_TENANT_OWNER)) {
            return new PerTenantOwner();
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "scope is required: 'all', 'costCenter:<cost center>', 'tenant:<tenant key>' or '"
                            + PER_TENANT_OWNER + "'");
        }
        try {
            return new Statement(StatementScope.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ", or '" + PER_TENANT_OWNER + "'", e);
        }
    }

    default String text() {
        return switch (this) {
            case Statement statement -> statement.scope().text();
            case PerTenantOwner owner -> PER_TENANT_OWNER;
        };
    }

    default String describe() {
        return switch (this) {
            case Statement statement -> statement.scope().describe();
            case PerTenantOwner owner -> "Each tenant, to its owners";
        };
    }
}
