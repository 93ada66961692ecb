package io.tokenledger.reporting.alerts;

import static io.tokenledger.db.jooq.Tables.ALERT_DELIVERY_ATTEMPT;
import static io.tokenledger.reporting.UsageFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.ingest.Tenant;
import io.tokenledger.ingest.Tenants;
import io.tokenledger.reporting.FixedTodayTest;
import io.tokenledger.reporting.ReportingData;
import io.tokenledger.reporting.ReportingProperties;
import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Budgets;
import io.tokenledger.reporting.budgets.NewBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a failed delivery says, in the answer to a test message, in the delivery log and in every stored attempt: the
 * receiver's status code and nothing it wrote (its body may be an internal page), and one text for every failure
 * without an answer, so that the test message cannot tell an open port from a closed one.
 */
class DeliveryFailuresIT extends FixedTodayTest {

    private static final ReportingProperties.Delivery SETTINGS = new ReportingProperties.Delivery(
            true, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(1), 10, Duration.ofSeconds(5), 20);

    @Autowired
    ReportingData data;

    @Autowired
    Tenants tenants;

    @Autowired
    Budgets budgets;

    @Autowired
    AlertChannels channels;

    @Autowired
    Alerts alerts;

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    AlertMessages messages;

    @Autowired
    AlertSender sender;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DSLContext dsl;

    private FakeReceiver receiver;

    @BeforeEach
    void acmeWithABudgetOfOne() {
        TestDatabase.get().reset();
        data.price("gpt-4o", "2026-01-01", "10", "10", "10");
        tenants.save(new Tenant("acme", "Acme Corp", "CC-100"));
        budgets.set(BudgetScope.TENANT, "acme", new NewBudget(new BigDecimal("1.00"), List.of(100), null), "test");
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aReceiversAnswerIsReportedAndStoredAsItsStatusCodeOnly() {
        receiver = FakeReceiver.answering(500, 500);
        AlertChannel channel = channels.create(
                        new NewAlertChannel("webhook", receiver.url("/hooks/x"), "ops", null, null), "test")
                .channel();

        AlertChannels.TestResult tested = channels.sendTest(channel.id());
        data.ingest(event("big").at("2026-11-20T09:00:00Z").tokens(100_000, 0, 0, 0));
        new DeliveryPoller(
                        deliveries,
                        messages,
                        sender,
                        SETTINGS,
                        new MutableClock(Instant.now().plusSeconds(60)),
                        transaction)
                .deliverDue();

        assertThat(receiver.received()).as("the test message and the alert").hasSize(2);
        assertThat(tested.status()).isEqualTo(500);
        assertThat(tested.error()).isEqualTo("HTTP 500");
        assertThat(alerts.deliveryLog(10)).hasSize(2).allSatisfy(delivery -> {
            assertThat(delivery.lastStatus()).isEqualTo(500);
            assertThat(delivery.lastError()).isEqualTo("HTTP 500");
        });
        assertThat(dsl.select(ALERT_DELIVERY_ATTEMPT.ERROR)
                        .from(ALERT_DELIVERY_ATTEMPT)
                        .fetch(ALERT_DELIVERY_ATTEMPT.ERROR))
                .hasSize(2)
                .containsOnly("HTTP 500");
    }

    @Test
    void anOpenAndAClosedPortFailWithTheSameText() throws IOException {
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread.ofVirtual().start(() -> hangUpOnEveryone(open));
            long toOpen = channel("http://127.0.0.1:" + open.getLocalPort() + "/hook");
            long toClosed = channel("http://127.0.0.1:" + closedPort() + "/hook");

            AlertChannels.TestResult openResult = channels.sendTest(toOpen);
            AlertChannels.TestResult closedResult = channels.sendTest(toClosed);

            assertThat(openResult.delivered()).isFalse();
            assertThat(closedResult.delivered()).isFalse();
            assertThat(openResult.status()).isNull();
            assertThat(openResult.error()).isNotBlank().isEqualTo(closedResult.error());
            assertThat(alerts.deliveryLog(10))
                    .extracting(DeliveryEntry::lastError)
                    .containsOnly(openResult.error());
        }
    }

    private long channel(String url) {
        return channels.create(new NewAlertChannel("webhook", url, null, null, null), "test")
                .channel()
                .id();
    }

    /** A port nothing listens on: bound for a moment to learn a free one, then closed. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static void hangUpOnEveryone(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoLinger(true, 0);
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
