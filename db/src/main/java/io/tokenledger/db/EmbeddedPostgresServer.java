package io.tokenledger.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL (zonky's binaries from Maven Central) with a persistent data directory, and the
 * {@code tokenledger} database inside it created on first start.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(DbProperties.Embedded settings) {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "tokenledger.db.embedded.data-dir: cannot create " + settings.dataDir() + ": " + e.getMessage(), e);
        }
        EmbeddedPostgres postgres;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(settings.dataDir())
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // zonky starts PostgreSQL for throw-away test databases (fsync and synchronous commit off);
                    // this one holds the ledger: a commit is on disk before ingest answers or checkpoints
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // ledger queries group and sort hundreds of thousands of rollup rows; 4 MB spills them to disk
                    .setServerConfig("work_mem", "32MB")
                    // ingest writes a few MB of WAL per 10k batch: fewer checkpoints, fewer full-page images after them
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min");
            if (settings.port() > 0) {
                builder.setPort(settings.port());
            }
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "The embedded PostgreSQL could not start in tokenledger.db.embedded.data-dir="
                            + settings.dataDir()
                            + " (is another TokenLedger using it? set tokenledger.db.embedded.data-dir to another"
                            + " directory, or TOKENLEDGER_DB_URL for an external PostgreSQL): "
                            + e.getMessage(),
                    e);
        }
        createDatabaseIfMissing(postgres);
        log.info(
                "Embedded PostgreSQL is running on {} with its data in {}",
                postgres.getJdbcUrl("postgres", EmbeddedPostgresAutoConfiguration.DATABASE),
                settings.dataDir());
        return new EmbeddedPostgresServer(postgres);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            try (ResultSet existing = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + EmbeddedPostgresAutoConfiguration.DATABASE + "'")) {
                if (existing.next()) {
                    return;
                }
            }
            // code point order, as the C.UTF-8 of the cluster sorts, but by PostgreSQL's own collation rather than
            // the C library's: sorting text (every ledger query orders by tenant) is about twice as fast
            statement.execute("create database " + EmbeddedPostgresAutoConfiguration.DATABASE
                    + " template template0 encoding 'UTF8' locale_provider 'builtin' builtin_locale 'C.UTF-8'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the tokenledger database: " + e.getMessage(), e);
        }
    }

    EmbeddedPostgres postgres() {
        return postgres;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
