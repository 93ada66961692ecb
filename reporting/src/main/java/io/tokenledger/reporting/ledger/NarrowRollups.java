package io.tokenledger.reporting.ledger;

import static io.tokenledger.db.jooq.Tables.USAGE_DAILY;
import static io.tokenledger.db.jooq.Tables.USAGE_DEPLOYMENT_DAY;
import static io.tokenledger.db.jooq.Tables.USAGE_TENANT_DAY;

import java.util.EnumSet;
import java.util.Set;
import org.jooq.Table;

/**
 * Which rollup answers a ledger query with the fewest rows: {@code usage_deployment_day} when it asks only about
 * deployments, models and days (or about nothing but days, or only for totals) for every tenant, as installations
 * have fewer deployments than tenants (30 rows a day against 600 in the benchmark); {@code usage_tenant_day} when it
 * asks only about tenants and days; else the full daily rollup. The narrow rollups are kept from {@code usage_daily}
 * in the same statements (V10, V11), so all three give the same sums.
 */
final class NarrowRollups {

    private static final Set<LedgerDimension> TENANT_DAY = EnumSet.of(LedgerDimension.TENANT, LedgerDimension.DAY);
    private static final Set<LedgerDimension> DEPLOYMENT_DAY =
            EnumSet.of(LedgerDimension.DEPLOYMENT, LedgerDimension.MODEL, LedgerDimension.DAY);

    private NarrowRollups() {}

    static Table<?> tableFor(LedgerQuery query) {
        if (DEPLOYMENT_DAY.containsAll(query.groupBy())
                && query.tenant().isEmpty()
                && query.scope().all()) {
            return USAGE_DEPLOYMENT_DAY;
        }
        if (TENANT_DAY.containsAll(query.groupBy())) {
            return USAGE_TENANT_DAY;
        }
        return USAGE_DAILY;
    }

    /**
     * Whether {@link #tableFor} holds exactly one row per group of {@code query}: its primary key is the groupBy, so
     * the rows need no grouping (the overview's tenant × day chart; every dimension from the daily rollup).
     */
    static boolean oneRowPerGroup(LedgerQuery query) {
        Set<LedgerDimension> groupBy = Set.copyOf(query.groupBy());
        Table<?> table = tableFor(query);
        if (table == USAGE_TENANT_DAY) {
            return groupBy.equals(TENANT_DAY);
        }
        if (table == USAGE_DEPLOYMENT_DAY) {
            return groupBy.equals(DEPLOYMENT_DAY);
        }
        return groupBy.equals(EnumSet.allOf(LedgerDimension.class));
    }
}
