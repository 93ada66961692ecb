package io.tokenledger.reporting.statement;

import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/**
 * Whose usage a statement covers: every tenant, the tenants of one cost center, or one tenant. Written as
 * {@code all}, {@code costCenter:X} or {@code tenant:K} in schedules.
 */
@NamedInterface("statement")
public sealed interface StatementScope {

    /** Every tenant. */
    record All() implements StatementScope {}

    /** The tenants whose cost center is {@code costCenter}. */
    record CostCenter(String costCenter) implements StatementScope {
        public CostCenter {
            costCenter = requireText(costCenter, "cost center");
        }
    }

    /** One tenant, by key. */
    record Tenant(String key) implements StatementScope {
        public Tenant {
            key = requireText(key, "tenant key");
        }
    }

    static StatementScope all() {
        return new All();
    }

    /**
     * Parses {@code all}, {@code costCenter:X} or {@code tenant:K}.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    static StatementScope parse(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("all")) {
            return all();
        }
        int colon = text.indexOf(':');
        if (colon > 0) {
            String kind = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = text.substring(colon + 1);
            if (kind.equals("costcenter") && !value.isBlank()) {
                return new CostCenter(value);
            }
            if (kind.equals("tenant") && !value.isBlank()) {
                return new Tenant(value);
            }
        }
        throw new IllegalArgumentException(
                "scope must be 'all', 'costCenter:<cost center>' or 'tenant:<tenant key>', was '" + text + "'");
    }

    /** From the API's optional {@code tenant} and {@code costCenter} parameters (at most one of them). */
    static StatementScope of(String tenant, String costCenter) {
        boolean hasTenant = tenant != null && !tenant.isBlank();
        boolean hasCostCenter = costCenter != null && !costCenter.isBlank();
        if (hasTenant && hasCostCenter) {
            throw new IllegalArgumentException("give either tenant or costCenter, not both");
        }
        if (hasTenant) {
            return new Tenant(tenant);
        }
        return hasCostCenter ? new CostCenter(costCenter) : all();
    }

    /** The scope as schedules write it: {@code all}, {@code costCenter:X}, {@code tenant:K}. */
    default String text() {
        return switch (this) {
            case All all -> "all";
            case CostCenter costCenter -> "costCenter:" + costCenter.costCenter();
            case Tenant tenant -> "tenant:" + tenant.key();
        };
    }

    /** For people: "All tenants", "Cost center CC-100", "Tenant acme". */
    default String describe() {
        return switch (this) {
            case All all -> "All tenants";
            case CostCenter costCenter -> "Cost center " + costCenter.costCenter();
            case Tenant tenant -> "Tenant " + tenant.key();
        };
    }

    /** For file names: letters, digits, dot, dash and underscore only, e.g. {@code costcenter-CC-100}. */
    default String slug() {
        String raw = switch (this) {
            case All all -> "all";
            case CostCenter costCenter -> "costcenter-" + costCenter.costCenter();
            case Tenant tenant -> "tenant-" + tenant.key();
        };
        String safe = raw.replaceAll("[^A-Za-z0-9._-]+", "_");
        return safe.length() > 80 ? safe.substring(0, 80) : safe;
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + what + " must not be blank");
        }
        return value;
    }
}
