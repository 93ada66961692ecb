package io.tokenledger.ingest.eventhubs;

import static io.tokenledger.db.jooq.Tables.USAGE_EVENT;
import static io.tokenledger.ingest.eventhubs.UsageRecord.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL going away under a running partition. The test has a PostgreSQL of its own (the shared test database
 * stays up for the other tests) behind a relay that it closes and opens again.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.hikari.connection-timeout=500",
            "spring.datasource.hikari.validation-timeout=250",
            "spring.datasource.hikari.maximum-pool-size=4"
        })
@ExtendWith(OutputCaptureExtension.class)
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
        awaitDatabase();
        dsl.execute("truncate table usage_event, usage_daily, tenant, dead_letter, eventhubs_checkpoint,"
                + " eventhubs_partition_status, eventhubs_ownership restart identity cascade");
    }

    @AfterEach
    void databaseBack() {
        awaitDatabase();
    }

    /**
     * Opens the relay again and waits until the application's pool, not only a fresh connection, gets through it: the
     * pool makes its connections in the background, and until it has one it answers with the failure it last met
     * during the outage (within its 500 ms connection timeout, which a busy machine can exceed).
     */
    private void awaitDatabase() {
        SERVER.ensureRunning();
        untilAnswered("the application's pool through the relay", () -> dsl.fetchValue("select 1"));
    }

    /** A probe of the database that fails until it answers. */
    @FunctionalInterface
    private interface Probe {
        void run() throws Exception;
    }

    /** Runs {@code probe} every 50 ms until it succeeds, for up to 20 seconds. */
    private static void untilAnswered(String what, Probe probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                probe.run();
                return;
            } catch (Exception notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(what + " does not answer", notYet);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
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
        awaitDatabase();

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
    void aShortOutageIsWaitedOutAndTheBatchIsWrittenOnce(CapturedOutput output) throws Exception {
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
        // the outage ends only once the batch has met it and said that it waits
        await("the partition says it waits for PostgreSQL")
                .atMost(Duration.ofSeconds(30))
                .until(() -> output.getOut().contains("waits and retries its batch"));
        assertThat(waiting.isAlive()).as("the partition waits for PostgreSQL").isTrue();
        awaitDatabase();

        assertThat(waiting.join(Duration.ofSeconds(30)))
                .as("the batch is written")
                .isTrue();
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

    /**
     * A PostgreSQL behind a TCP relay on a fixed port. An outage closes the relay: every open connection breaks and
     * new ones are refused, exactly as when the server goes away, while the server itself keeps its data and comes
     * back the moment the relay listens again. (Stopping and starting a real postmaster on the same port raced
     * zonky's asynchronous shutdown too often to be a reliable test.)
     */
    private static final class Server {

        private final EmbeddedPostgres postgres;
        private final int port;
        private final java.util.Set<java.net.Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private java.net.ServerSocket listening;

        Server() {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory("tokenledger-outage-pg"))
                        .setCleanDataDirectory(true)
                        .setServerConfig("fsync", "off")
                        .start();
                port = portOutsideTheEphemeralRange();
            } catch (IOException e) {
                throw new UncheckedIOException("The outage test's PostgreSQL did not start", e);
            }
            ensureRunning();
        }

        /**
         * While the relay is closed, the client side of a new connection may be given its port as a local port if
         * that port lies in the range the kernel hands out (32768–60999 on Linux); then it can't listen there again.
         */
        private static int portOutsideTheEphemeralRange() throws IOException {
            java.util.Random random = new java.util.Random();
            for (int attempt = 0; attempt < 100; attempt++) {
                int candidate = 20_000 + random.nextInt(12_000);
                try (ServerSocket socket = new ServerSocket(candidate, 1, java.net.InetAddress.getLoopbackAddress())) {
                    return candidate;
                } catch (IOException taken) {
                    // try another
                }
            }
            throw new IOException("no free port between 20000 and 32000");
        }

        String url() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        }

        synchronized void ensureRunning() {
            if (listening != null) {
                return;
            }
            try {
                java.net.ServerSocket socket = new java.net.ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
                listening = socket;
                Thread.ofPlatform().daemon().start(() -> accept(socket));
                awaitAnswering();
            } catch (IOException e) {
                throw new UncheckedIOException("The outage test's relay could not listen on " + port, e);
            }
        }

        private void awaitAnswering() {
            untilAnswered("the outage test's relay on " + url(), () -> {
                try (java.sql.Connection connection =
                                java.sql.DriverManager.getConnection(url(), "postgres", "postgres");
                        java.sql.Statement statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
            });
        }

        synchronized void stop() {
            if (listening == null) {
                return;
            }
            closeQuietly(listening);
            listening = null;
            open.forEach(Server::closeQuietly);
            open.clear();
        }

        private void accept(java.net.ServerSocket socket) {
            while (!socket.isClosed()) {
                try {
                    java.net.Socket client = socket.accept();
                    java.net.Socket upstream = new java.net.Socket("127.0.0.1", postgres.getPort());
                    open.add(client);
                    open.add(upstream);
                    relay(client, upstream);
                    relay(upstream, client);
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void relay(java.net.Socket from, java.net.Socket to) {
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    from.getInputStream().transferTo(to.getOutputStream());
                } catch (IOException broken) {
                    // the outage, or the other side closed
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            });
        }

        private static void closeQuietly(java.io.Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // closing is all that is wanted
            }
        }
    }
}
