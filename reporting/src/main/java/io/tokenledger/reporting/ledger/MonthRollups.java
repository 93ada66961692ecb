package io.tokenledger.reporting.ledger;

import static io.tokenledger.db.jooq.Tables.USAGE_DAILY;
import static io.tokenledger.db.jooq.Tables.USAGE_DEPLOYMENT_MONTH;
import static io.tokenledger.db.jooq.Tables.USAGE_TENANT_MONTH;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * Decides when a ledger query can read the month rollups ({@code usage_tenant_month}, {@code usage_deployment_month},
 * kept by triggers on {@code usage_daily}) instead of the daily ones: when it does not group by day, its grouping and
 * filters exist in one of them, and its range covers whole months. A range edge inside a month counts as the month's
 * edge when the month has no usage on the days it leaves out — so month to date, the dashboard's question, is a whole
 * month until tomorrow's usage arrives.
 */
@Component
class MonthRollups {

    private static final Set<LedgerDimension> BY_TENANT = EnumSet.of(LedgerDimension.TENANT);
    private static final Set<LedgerDimension> BY_DEPLOYMENT =
            EnumSet.of(LedgerDimension.DEPLOYMENT, LedgerDimension.MODEL);

    private final DSLContext dsl;

    MonthRollups(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The month rollup that answers {@code query} exactly, if one does. */
    Optional<Table<?>> tableFor(LedgerQuery query) {
        Table<?> table;
        if (BY_TENANT.containsAll(query.groupBy())) {
            table = USAGE_TENANT_MONTH;
        } else if (BY_DEPLOYMENT.containsAll(query.groupBy())
                && query.tenant().isEmpty()
                && query.scope().all()) {
            table = USAGE_DEPLOYMENT_MONTH;
        } else {
            return Optional.empty();
        }
        return coversWholeMonths(query.from(), query.to()) ? Optional.of(table) : Optional.empty();
    }

    private boolean coversWholeMonths(LocalDate from, LocalDate to) {
        LocalDate monthStart = from.withDayOfMonth(1);
        LocalDate monthEnd = to.withDayOfMonth(to.lengthOfMonth());
        return (from.equals(monthStart) || !hasUsage(monthStart, from.minusDays(1)))
                && (to.equals(monthEnd) || !hasUsage(to.plusDays(1), monthEnd));
    }

    private boolean hasUsage(LocalDate first, LocalDate last) {
        return dsl.fetchExists(USAGE_DAILY, USAGE_DAILY.USAGE_DAY.between(first, last));
    }
}
