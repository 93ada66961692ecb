package io.tokenledger.ingest;

import io.tokenledger.ingest.format.UsageEvent;
import io.tokenledger.pricing.CostExpression;
import io.tokenledger.pricing.PricingProperties;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a batch of events and their rollups with a fixed number of round trips whatever the batch size: COPY into a
 * session-local staging table; one statement that resolves the mapping rules ({@link TenantResolver}) and creates
 * the tenants it has not seen; one statement (between a savepoint and its release) that inserts the new events
 * charged to their tenants (a batch with a known id runs it again skipping those ids, which is what makes a replay
 * harmless), prices them with the
 * {@link CostExpression} and adds the batch's per-day sums to {@code usage_daily} and the narrow rollups
 * {@code usage_tenant_day} and {@code usage_deployment_day}, touching each hot rollup row once per batch — except for
 * days of a closed billing period, whose sums become {@code LATE_USAGE} adjustments booked in the open period
 * instead, so a closed period is never rewritten.
 *
 * <p>Tenants are created in their own statement, before any event row is locked, so that concurrent batches take
 * row locks in the same order (tenants, then events, then rollups by key). Events are inserted in the order they were
 * delivered, which replays repeat; the rare deadlock of two batches holding some of the same new ids in opposite
 * orders sends the one PostgreSQL aborts down the skipping path, which inserts in id order. The statements are
 * {@code sql/write-*.sql} ({@link UsageWriteStatements}), rendered once with the pricing module's cost formula filled
 * in; COPY goes through the driver because jOOQ has no COPY.
 */
@Repository
class UsageEventWriter {

    /** How often the skipping insert runs at most: each deadlock it loses lets the batch it lost to finish. */
    static final int SKIPPING_ATTEMPTS = 5;

    private final DSLContext dsl;
    private final JsonMapper json;
    private final UsageWriteStatements sql;

    UsageEventWriter(DSLContext dsl, TenantResolver tenants, PricingProperties pricing) {
        this.dsl = dsl;
        this.json = JsonMapper.builder().build();
        this.sql = UsageWriteStatements.render(dsl, tenants, pricing.currency());
    }

    /** What a batch wrote: how many events were new, and where their usage went. */
    record Written(int accepted, List<Touched> touched) {}

    /**
     * {@code events} new events of {@code tenant} on {@code day}; {@code late} when the day's period was closed (an
     * adjustment).
     */
    record Touched(String tenant, LocalDate day, boolean late, int events) {}

    /**
     * @param bookedPeriod the open period that late usage of closed periods is booked in
     */
    Written write(List<StagedEvent> events, YearMonth bookedPeriod) {
        if (events.isEmpty()) {
            return new Written(0, List.of());
        }
        dsl.connection(connection -> copyIntoStaging(connection, events));
        dsl.execute(sql.resolveTenants());
        List<Touched> touched = insertNewAndRollUp(bookedPeriod);
        return new Written(touched.stream().mapToInt(Touched::events).sum(), touched);
    }

    /**
     * Inserts the staged events as if all were new, which they are but for replays; a known id (or one a concurrent
     * batch is inserting, or a deadlock with a batch inserting some of the same new ids in another order) fails that
     * statement, which is then rolled back to its savepoint and run again skipping known ids in id order, after
     * waiting for the concurrent batch. The skipping insert can itself lose a deadlock, to a batch inserting in
     * delivery order that wants an id it took meanwhile: it is rolled back to the savepoint again, which lets that
     * batch finish, and run again, up to {@link #SKIPPING_ATTEMPTS} times.
     */
    private List<Touched> insertNewAndRollUp(YearMonth bookedPeriod) {
        dsl.execute("savepoint usage_insert");
        try {
            List<Touched> touched = insertAndRollUp(sql.insertNewAndRollUp(), bookedPeriod);
            dsl.execute("release savepoint usage_insert");
            return touched;
        } catch (DuplicateKeyException | PessimisticLockingFailureException known) {
            dsl.execute("rollback to savepoint usage_insert");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                List<Touched> touched = insertAndRollUp(sql.insertAndRollUp(), bookedPeriod);
                dsl.execute("release savepoint usage_insert");
                return touched;
            } catch (PessimisticLockingFailureException deadlock) {
                if (attempt == SKIPPING_ATTEMPTS) {
                    throw deadlock;
                }
                dsl.execute("rollback to savepoint usage_insert");
            }
        }
    }

    private List<Touched> insertAndRollUp(String statement, YearMonth bookedPeriod) {
        return dsl.resultQuery(statement, bookedPeriod.atDay(1))
                .fetch(row -> new Touched(
                        row.get(0, String.class),
                        row.get(1, LocalDate.class),
                        row.get(2, Boolean.class),
                        row.get(3, Integer.class)));
    }

    private void copyIntoStaging(Connection connection, List<StagedEvent> events) throws SQLException {
        // Created once per connection: the driver forgets its prepared statements after any CREATE, even one that
        // finds the table there, and would parse and plan every statement of every batch anew.
        try (var exists = connection.prepareStatement(sql.stagingExists());
                var answer = exists.executeQuery()) {
            answer.next();
            if (!answer.getBoolean(1)) {
                try (var statement = connection.createStatement()) {
                    statement.execute(sql.createStaging());
                }
            }
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.copy());
        try {
            writeRows(events, new CopyRows(UsageWriteStatements.STAGED_COLUMNS.size(), copy::writeToCopy));
            copy.endCopy();
        } catch (SQLException | RuntimeException failure) {
            // ends the COPY so the connection can be used (or rolled back) again, keeping the failure that matters
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException cancel) {
                    failure.addSuppressed(cancel);
                }
            }
            throw failure;
        }
    }

    private void writeRows(List<StagedEvent> events, CopyRows rows) throws SQLException {
        for (StagedEvent staged : events) {
            UsageEvent e = staged.event();
            rows.text(e.id())
                    .timestamp(e.time())
                    .date(staged.day())
                    .text(e.tenant())
                    .text(staged.source())
                    .text(e.subscriptionId())
                    .text(e.subscriptionName())
                    .text(e.productId())
                    .text(e.apiId())
                    .text(e.operationId())
                    .text(e.userId())
                    .text(e.appId())
                    .text(e.deployment())
                    .text(e.model() == null ? "" : e.model())
                    .text(e.region())
                    .text(e.backendId())
                    .bigint(e.tokens().prompt())
                    .bigint(e.tokens().cachedPrompt())
                    .bigint(e.tokens().completion())
                    .bigint(e.tokens().reasoning())
                    .integer(e.requests())
                    .bool(e.streaming())
                    .bool(e.estimated())
                    .integer(e.statusCode())
                    .jsonb(attributesJson(e.attributes()))
                    .bigint(staged.rateCardId());
            rows.endRow();
        }
        rows.finish();
    }

    private String attributesJson(Map<String, String> attributes) {
        return attributes.isEmpty() ? null : json.writeValueAsString(attributes);
    }
}
