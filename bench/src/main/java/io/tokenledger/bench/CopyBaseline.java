package io.tokenledger.bench;

import io.tokenledger.ingest.format.UsageEvent;
import io.tokenledger.pricing.BusinessCalendar;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * PostgreSQL's own limit for the same rows: COPY into a table shaped like usage_event without any index, and into
 * one with only usage_event's unique key. One COPY per batch, each committed, like the pipeline's batches; on one
 * connection, or on one per stream for batches copied at the same time.
 */
final class CopyBaseline implements AutoCloseable {

    static final String PLAIN = "bench_copy_plain";
    static final String KEYED = "bench_copy_keyed";
    private static final String COLUMNS = "event_id, event_time, usage_day, tenant_key, source, subscription_id,"
            + " subscription_name, product_id, api_id, operation_id, user_id, app_id, deployment, model, region,"
            + " backend_id, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, requests,"
            + " streaming, estimated, status_code";

    private final List<Connection> connections = new ArrayList<>();
    private final Connection connection;
    private final BusinessCalendar calendar;

    CopyBaseline(DataSource dataSource, BusinessCalendar calendar, int streams) throws SQLException {
        for (int i = 0; i < streams; i++) {
            connections.add(dataSource.getConnection());
        }
        this.connection = connections.getFirst();
        this.calendar = calendar;
        try (var statement = connection.createStatement()) {
            statement.execute("drop table if exists " + PLAIN + ", " + KEYED);
            statement.execute("create table " + PLAIN + " (like usage_event including defaults)");
            statement.execute("create table " + KEYED + " (like usage_event including defaults)");
            statement.execute("alter table " + KEYED + " add constraint " + KEYED + "_pk primary key (event_id)");
        }
    }

    /** Copies the batch into {@code table} in one committed transaction; returns the nanoseconds it took. */
    long copy(String table, List<UsageEvent> events) throws SQLException, IOException {
        String rows = csv(events);
        long began = System.nanoTime();
        copy(connection, table, rows);
        return System.nanoTime() - began;
    }

    /**
     * Copies each of {@code batches} into {@code table} at the same time, each on its own connection in its own
     * committed transaction; returns the nanoseconds from the first start to the last commit.
     */
    long copyAtOnce(String table, List<List<UsageEvent>> batches) throws Exception {
        if (batches.size() > connections.size()) {
            throw new IllegalArgumentException(batches.size() + " batches at once, " + connections.size() + " streams");
        }
        List<Callable<Void>> copies = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            Connection stream = connections.get(i);
            String rows = csv(batches.get(i));
            copies.add(() -> {
                copy(stream, table, rows);
                return null;
            });
        }
        return AtOnce.run(copies);
    }

    private static void copy(Connection connection, String table, String rows) throws SQLException, IOException {
        connection.setAutoCommit(false);
        connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("copy " + table + " (" + COLUMNS + ") from stdin (format csv)", new StringReader(rows));
        connection.commit();
    }

    private String csv(List<UsageEvent> events) {
        StringBuilder text = new StringBuilder(events.size() * 300);
        for (UsageEvent e : events) {
            field(text, e.id(), false);
            field(text, e.time().toString(), true);
            field(text, calendar.dayOf(e.time()).toString(), true);
            field(text, e.subscriptionName(), true);
            field(text, "bench", true);
            field(text, e.subscriptionId(), true);
            field(text, e.subscriptionName(), true);
            field(text, e.productId(), true);
            field(text, e.apiId(), true);
            field(text, e.operationId(), true);
            field(text, e.userId(), true);
            field(text, e.appId(), true);
            field(text, e.deployment(), true);
            field(text, e.model(), true);
            field(text, e.region(), true);
            field(text, e.backendId(), true);
            text.append(',').append(e.tokens().prompt());
            text.append(',').append(e.tokens().cachedPrompt());
            text.append(',').append(e.tokens().completion());
            text.append(',').append(e.tokens().reasoning());
            text.append(',').append(e.requests());
            text.append(',').append(Boolean.TRUE.equals(e.streaming()) ? 't' : 'f');
            text.append(',').append(e.estimated() ? 't' : 'f');
            text.append(',').append(e.statusCode());
            text.append('\n');
        }
        return text.toString();
    }

    private static void field(StringBuilder text, String value, boolean separate) {
        if (separate) {
            text.append(',');
        }
        if (value != null) {
            text.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
    }

    void dropTables() throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("drop table if exists " + PLAIN + ", " + KEYED);
        }
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        for (Connection stream : connections) {
            stream.close();
        }
    }
}
