package io.tokenledger.db.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one real PostgreSQL of a test JVM: the embedded server by default, or an external database when
 * {@code TOKENLEDGER_TEST_DB_URL} (with {@code _USER} / {@code _PASSWORD}) names one. Migrated once;
 * {@link #reset()} empties every table between tests. A test that cannot reach it fails, it never skips.
 */
public final class TestDatabase {

    private static TestDatabase instance;

    private final String url;
    private final String username;
    private final String password;
    private final DataSource dataSource;

    private TestDatabase(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
        PGSimpleDataSource simple = new PGSimpleDataSource();
        simple.setUrl(url);
        simple.setUser(username);
        simple.setPassword(password);
        this.dataSource = simple;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = startOrConnect();
            Flyway.configure()
                    .dataSource(instance.dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        }
        return instance;
    }

    private static TestDatabase startOrConnect() {
        String external = System.getenv("TOKENLEDGER_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            return new TestDatabase(
                    external, System.getenv("TOKENLEDGER_TEST_DB_USER"), System.getenv("TOKENLEDGER_TEST_DB_PASSWORD"));
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("tokenledger-test-pg"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            return new TestDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded test PostgreSQL could not start", e);
        }
    }

    /** Empties every application table (the migration history stays). */
    public void reset() {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (var rows = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'"
                    + " and tablename <> 'flyway_schema_history'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                statement.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reset the test database at " + url, e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DSLContext dsl() {
        return DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }
}
