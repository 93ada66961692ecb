package io.tokenledger.bench;

import io.tokenledger.reporting.ledger.LedgerDimension;
import io.tokenledger.reporting.ledger.LedgerQuery;
import io.tokenledger.reporting.ledger.Ledgers;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The ledger queries finance and the dashboard run most, timed through the same service the API uses. */
final class LedgerQueries {

    private static final int WARM_UP = 5;
    private static final int RUNS = 60;

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
        time(report, "month by tenant", new LedgerQuery(from, to, List.of(LedgerDimension.TENANT), Optional.empty()));
        time(
                report,
                "month to date (the 20th) by tenant",
                new LedgerQuery(from, from.plusDays(19), List.of(LedgerDimension.TENANT), Optional.empty()));
        time(
                report,
                "month by tenant × day (the overview's chart)",
                new LedgerQuery(from, to, List.of(LedgerDimension.TENANT, LedgerDimension.DAY), Optional.empty()));
        time(
                report,
                "month by deployment × model",
                new LedgerQuery(
                        from, to, List.of(LedgerDimension.DEPLOYMENT, LedgerDimension.MODEL), Optional.empty()));
        time(
                report,
                "month by tenant × deployment × day",
                new LedgerQuery(
                        from,
                        to,
                        List.of(LedgerDimension.TENANT, LedgerDimension.DEPLOYMENT, LedgerDimension.DAY),
                        Optional.empty()));
        time(
                report,
                "one tenant's month by deployment × day",
                new LedgerQuery(
                        from, to, List.of(LedgerDimension.DEPLOYMENT, LedgerDimension.DAY), Optional.of(oneTenant)));
    }

    private void time(Report report, String name, LedgerQuery query) {
        for (int i = 0; i < WARM_UP; i++) {
            ledgers.query(query);
        }
        long[] nanos = new long[RUNS];
        int rows = 0;
        for (int i = 0; i < RUNS; i++) {
            long began = System.nanoTime();
            rows = ledgers.query(query).rows().size();
            nanos[i] = System.nanoTime() - began;
        }
        Arrays.sort(nanos);
        report.query(name, rows, nanos[RUNS / 2], nanos[(int) Math.ceil(RUNS * 0.95) - 1], nanos[RUNS - 1]);
    }
}
