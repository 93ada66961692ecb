package io.tokenledger.ingest.eventhubs;

import static io.tokenledger.db.jooq.Tables.USAGE_EVENT;
import static io.tokenledger.ingest.eventhubs.UsageRecord.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.messaging.eventhubs.models.Checkpoint;
import com.azure.messaging.eventhubs.models.EventBatchContext;
import io.tokenledger.ingest.format.UsagePayloadParser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL going away under a running partition. The test has a PostgreSQL of its own (the shared test database
 * stays up for the other tests), which it really stops and starts again on the same port and data directory.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.hikari.connection-timeout=500",
            "spring.datasource.hikari.validation-timeout=250",
            "spring.datasource.hikari.maximum-pool-size=4"
        })
class DatabaseOutageIT {

    private static final Server SERVER = new Server();
    private static final int BATCH = 10;

    private final PostgresCheckpointStore store;
    private final BatchWriter writer;
    private final UsagePayloadParser parser;
    private final DSLContext dsl;

    @Autowired
    DatabaseOutageIT(PostgresCheckpointStore store, BatchWriter writer, UsagePayloadParser parser, DSLContext dsl) {
        this.store = store;
        this.writer = writer;
        this.parser = parser;
        this.dsl = dsl;
    }

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", SERVER::url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @BeforeEach
    void emptyDatabase() {
        SERVER.ensureRunning();
        dsl.execute("truncate table usage_event, usage_daily, tenant, dead_letter, eventhubs_checkpoint,"
                + " eventhubs_partition_status, eventhubs_ownership restart identity cascade");
    }

    @AfterEach
    void databaseBack() {
        SERVER.ensureRunning();
    }

    @AfterAll
    static void stopServer() {
        SERVER.stop();
    }

    @Test
    void anOutageLongerThanTheWaitFailsTheBatchWithoutMovingTheCheckpointAndTheResumeCountsEverythingOnce() {
        EventBatchHandler handler = handler(Duration.ofSeconds(1));
        TestPartition partition = partitionOf(30);
        List<EventBatchContext> batches = partition.batchesAfter(null, BATCH, store);
        handler.accept(batches.get(0));
        handler.accept(batches.get(1));

        SERVER.stop();
        assertThatThrownBy(() -> handler.accept(batches.get(2)))
                .as("the batch fails back to the SDK, which closes the partition")
                .satisfies(failure -> assertThat(DatabaseOutage.isTransient(failure))
                        .as("transient: %s", stackTrace(failure))
                        .isTrue());
        SERVER.ensureRunning();

        Checkpoint stored = storedCheckpoint();
        assertThat(stored.getSequenceNumber())
                .as("checkpoint of the last committed batch")
                .isEqualTo(19L);
        assertThat(eventCount()).isEqualTo(20);

        // the SDK claims the partition again and resumes it from the stored checkpoint
        partition.batchesAfter(stored, BATCH, store).forEach(handler);

        assertThat(eventCount()).isEqualTo(30);
        assertThat(dailyRequests()).isEqualTo(30L);
        assertThat(storedCheckpoint().getSequenceNumber()).isEqualTo(29L);
    }

    @Test
    void aShortOutageIsWaitedOutAndTheBatchIsWrittenOnce() throws Exception {
        EventBatchHandler handler = handler(Duration.ofMinutes(1));
        TestPartition partition = partitionOf(30);
        List<EventBatchContext> batches = partition.batchesAfter(null, BATCH, store);
        handler.accept(batches.get(0));

        SERVER.stop();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waiting = Thread.ofPlatform().start(() -> {
            try {
                handler.accept(batches.get(1));
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        waiting.join(Duration.ofMillis(1500));
        assertThat(waiting.isAlive()).as("the partition waits for PostgreSQL").isTrue();
        SERVER.ensureRunning();
        waiting.join(Duration.ofSeconds(30));

        assertThat(waiting.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        handler.accept(batches.get(2));
        assertThat(eventCount()).isEqualTo(30);
        assertThat(dailyRequests()).isEqualTo(30L);
        assertThat(storedCheckpoint().getSequenceNumber()).isEqualTo(29L);
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private EventBatchHandler handler(Duration databaseWait) {
        return new EventBatchHandler(new EventBodyReader(parser), writer, databaseWait);
    }

    private static TestPartition partitionOf(int events) {
        TestPartition partition = new TestPartition("0");
        for (int i = 0; i < events; i++) {
            partition.append(record("outage-" + i).json());
        }
        return partition;
    }

    private Checkpoint storedCheckpoint() {
        return store.listCheckpoints(TestPartition.NAMESPACE, TestPartition.HUB, TestPartition.GROUP)
                .blockFirst();
    }

    private int eventCount() {
        return dsl.fetchCount(USAGE_EVENT);
    }

    private long dailyRequests() {
        return dsl.fetchSingle("select coalesce(sum(requests), 0) from usage_daily")
                .get(0, Long.class);
    }

    /** A PostgreSQL that can be stopped and started again with its data, on the same port. */
    private static final class Server {

        private final Path dataDirectory;
        private final int port;
        private EmbeddedPostgres postgres;

        Server() {
            try {
                dataDirectory = Files.createTempDirectory("tokenledger-outage-pg");
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ensureRunning();
        }

        String url() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        }

        synchronized void ensureRunning() {
            if (postgres != null && answers()) {
                return;
            }
            if (postgres != null) {
                // the server went away without being stopped here (seen once on a busy machine): start it again
                stop();
            }
            try {
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("The outage test's PostgreSQL did not start", e);
            }
            awaitReady();
        }

        private boolean answers() {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("select 1");
                return true;
            } catch (SQLException e) {
                return false;
            }
        }

        // after a restart the server may still be recovering ("the database system is starting up")
        private void awaitReady() {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("select 1");
                    return;
                } catch (SQLException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("The outage test's PostgreSQL is not ready", e);
                    }
                    pause();
                }
            }
        }

        private static void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }

        synchronized void stop() {
            if (postgres == null) {
                return;
            }
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                postgres = null;
            }
            // pg_ctl may return before the postmaster is gone; a restart must not race it for port and data
            awaitGone();
        }

        private void awaitGone() {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The outage test's PostgreSQL did not stop");
                }
                pause();
            }
        }
    }
}
