package io.tokenledger.bench;

import io.tokenledger.reporting.ledger.LedgerCursor;
import io.tokenledger.reporting.ledger.LedgerDimension;
import io.tokenledger.reporting.ledger.LedgerQuery;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.TenantScope;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import javax.sql.DataSource;

/** The ledger queries finance and the dashboard run most, timed through the same service the API uses. */
final class LedgerQueries {

    private static final int WARM_UP = 5;
    private static final int RUNS = 60;
    /**
     * The page size suggested for dashboards (API.md): a page costs a few milliseconds more than its fixed part (the
     * whole result's total, the round trip), and a month of 350,000 rows takes 70 requests instead of 350 at 1,000.
     */
    private static final int PAGE = 5_000;

    private static final int SMALL_PAGE = 1_000;

    private final Ledgers ledgers;
    private final DataSource dataSource;

    LedgerQueries(Ledgers ledgers, DataSource dataSource) {
        this.ledgers = ledgers;
        this.dataSource = dataSource;
    }

    void measure(Report report, LocalDate from, LocalDate to, String oneTenant) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("vacuum analyze usage_daily, usage_tenant_day, usage_deployment_day");
        }
        time(
                report,
                "month by tenant",
                new LedgerQuery(from, to, List.of(LedgerDimension.TENANT), Optional.empty(), TenantScope.allTenants()));
        time(
                report,
                "month to date (the 20th) by tenant",
                new LedgerQuery(
                        from,
                        from.plusDays(19),
                        List.of(LedgerDimension.TENANT),
                        Optional.empty(),
                        TenantScope.allTenants()));
        time(
                report,
                "month by tenant × day (the overview's chart)",
                new LedgerQuery(
                        from,
                        to,
                        List.of(LedgerDimension.TENANT, LedgerDimension.DAY),
                        Optional.empty(),
                        TenantScope.allTenants()));
        time(
                report,
                "month by deployment × model",
                new LedgerQuery(
                        from,
                        to,
                        List.of(LedgerDimension.DEPLOYMENT, LedgerDimension.MODEL),
                        Optional.empty(),
                        TenantScope.allTenants()));
        LedgerQuery wide = new LedgerQuery(
                from,
                to,
                List.of(LedgerDimension.TENANT, LedgerDimension.DEPLOYMENT, LedgerDimension.DAY),
                Optional.empty(),
                TenantScope.allTenants());
        time(report, "month by tenant × deployment × day", wide);
        // the same month in pages, as a dashboard table or an export reads it: the first page, and one that starts
        // on the 16th (every row of the first half of the month lies before it in page order)
        LedgerCursor middle = new LedgerCursor(
                LedgerCursor.pageOrder(wide.groupBy()),
                List.of(from.plusDays(15).toString(), "", ""));
        time(
                report,
                "… first page of " + PAGE,
                () -> ledgers.page(wide, Optional.empty(), PAGE).rows().size());
        time(
                report,
                "… page of " + PAGE + " from the 16th",
                () -> ledgers.page(wide, Optional.of(middle), PAGE).rows().size());
        time(
                report,
                "… page of " + SMALL_PAGE + " from the 16th",
                () -> ledgers.page(wide, Optional.of(middle), SMALL_PAGE).rows().size());
        time(
                report,
                "one tenant's month by deployment × day",
                new LedgerQuery(
                        from,
                        to,
                        List.of(LedgerDimension.DEPLOYMENT, LedgerDimension.DAY),
                        Optional.of(oneTenant),
                        TenantScope.allTenants()));
    }

    private void time(Report report, String name, LedgerQuery query) {
        time(report, name, () -> ledgers.query(query).rows().size());
    }

    /** Times {@code run}, which answers the number of rows it read. */
    private static void time(Report report, String name, IntSupplier run) {
        for (int i = 0; i < WARM_UP; i++) {
            run.getAsInt();
        }
        long[] nanos = new long[RUNS];
        int rows = 0;
        for (int i = 0; i < RUNS; i++) {
            long began = System.nanoTime();
            rows = run.getAsInt();
            nanos[i] = System.nanoTime() - began;
        }
        Arrays.sort(nanos);
        report.query(name, rows, nanos[RUNS / 2], nanos[(int) Math.ceil(RUNS * 0.95) - 1], nanos[RUNS - 1]);
    }
}
