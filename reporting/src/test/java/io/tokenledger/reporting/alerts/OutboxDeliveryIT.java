package io.tokenledger.reporting.alerts;

import static io.tokenledger.reporting.UsageFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.ingest.Tenant;
import io.tokenledger.ingest.Tenants;
import io.tokenledger.reporting.FixedTodayTest;
import io.tokenledger.reporting.ReportingData;
import io.tokenledger.reporting.ReportingProperties;
import io.tokenledger.reporting.UsageFixture;
import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Budgets;
import io.tokenledger.reporting.budgets.NewBudget;
import io.tokenledger.reporting.ledger.TenantScope;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox against a local stand-in for Slack: retried with backoff until accepted, delivered once and only once
 * across restarts and crashed pollers. The poller runs on a clock the test moves.
 */
class OutboxDeliveryIT extends FixedTodayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
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

    private FakeReceiver slack;
    private MutableClock clock;

    @BeforeEach
    void acmeWithABudgetOfOne() {
        TestDatabase.get().reset();
        data.price("gpt-4o", "2026-01-01", "10", "10", "10");
        tenants.save(new Tenant("acme", "Acme Corp", "CC-100"));
        budgets.set(BudgetScope.TENANT, "acme", new NewBudget(new BigDecimal("1.00"), null, null), "test");
        // a minute ahead of the system clock, which stamps the deliveries the test records
        clock = new MutableClock(Instant.now().plusSeconds(60));
    }

    @AfterEach
    void stopReceiver() {
        if (slack != null) {
            slack.close();
        }
    }

    @Test
    void aWebhookAnswering500TwiceThen200ReceivesEachAlertOnce() {
        slack = FakeReceiver.answering(500, 500);
        channels.create(new NewAlertChannel("slack", slack.url("/services/T1/B1/x"), "slack", null, null), "test");
        data.ingest(costing("big", "1.00"));
        DeliveryPoller poller = newPoller();

        assertThat(poller.deliverDue()).as("first poll: all three alerts").isEqualTo(3);
        assertThat(poller.deliverDue())
                .as("the failed ones wait for their backoff")
                .isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(poller.deliverDue())
                .as("second attempt of the two that failed")
                .isEqualTo(2);
        clock.advance(Duration.ofHours(2));
        assertThat(poller.deliverDue()).as("nothing is left").isZero();

        assertThat(slack.received()).hasSize(5);
        Map<String, Long> acceptedPerAlert = slack.accepted().stream()
                .collect(Collectors.groupingBy(request -> header(request.body()), Collectors.counting()));
        assertThat(acceptedPerAlert)
                .containsOnlyKeys(
                        "Acme Corp reached 50% of its monthly budget",
                        "Acme Corp reached 80% of its monthly budget", "Acme Corp reached 100% of its monthly budget")
                .allSatisfy((alert, count) -> assertThat(count).isEqualTo(1));
        assertThat(alerts.deliveryLog(10)).allSatisfy(delivery -> {
            assertThat(delivery.state()).isEqualTo(DeliveryEntry.State.DELIVERED);
            assertThat(delivery.lastStatus()).isEqualTo(200);
        });
        assertThat(alerts.deliveryLog(10)).extracting(DeliveryEntry::attempts).containsExactlyInAnyOrder(1, 2, 2);
    }

    @Test
    void aRestartBetweenRecordingAndSendingStillDeliversOnceAndOnlyOnce() {
        slack = FakeReceiver.answering();
        channels.create(new NewAlertChannel("slack", slack.url("/services/T1/B1/x"), "slack", null, null), "test");
        data.ingest(costing("big", "1.00"));
        assertThat(slack.received()).as("recorded, not sent").isEmpty();

        // the instance restarts: a new poller with nothing in memory finds what the outbox holds
        assertThat(newPoller().deliverDue()).isEqualTo(3);
        assertThat(newPoller().deliverDue()).isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(newPoller().deliverDue()).isZero();

        assertThat(slack.received()).hasSize(3);
        assertThat(slack.received())
                .extracting(request -> header(request.body()))
                .doesNotHaveDuplicates();
    }

    @Test
    void aDeliveryWhosePollerDiedBeforeSendingIsSentByAnotherOnceItsLeaseEnds() {
        slack = FakeReceiver.answering();
        channels.create(new NewAlertChannel("slack", slack.url("/services/T1/B1/x"), "slack", null, null), "test");
        data.ingest(costing("big", "1.00"));
        // a poller claims everything and dies before sending
        transaction.execute(status -> deliveries.claimDue(clock.instant(), 20, SETTINGS.lease()));

        assertThat(newPoller().deliverDue())
                .as("still leased to the dead poller")
                .isZero();
        clock.advance(SETTINGS.lease());
        assertThat(newPoller().deliverDue()).isEqualTo(3);
        clock.advance(SETTINGS.lease().multipliedBy(2));
        assertThat(newPoller().deliverDue()).isZero();

        assertThat(slack.received()).hasSize(3);
    }

    @Test
    void aReceiverThatRefusesTheMessageForGoodIsNotRetried() {
        slack = FakeReceiver.answering(404, 404, 404);
        channels.create(new NewAlertChannel("slack", slack.url("/services/T1/B1/x"), "slack", null, null), "test");
        data.ingest(costing("big", "1.00"));

        newPoller().deliverDue();
        clock.advance(Duration.ofDays(1));
        newPoller().deliverDue();

        assertThat(slack.received()).hasSize(3);
        assertThat(alerts.deliveryLog(10)).allSatisfy(delivery -> {
            assertThat(delivery.state()).isEqualTo(DeliveryEntry.State.FAILED);
            assertThat(delivery.lastStatus()).isEqualTo(404);
            assertThat(delivery.lastError()).isEqualTo("HTTP 404");
        });
    }

    @Test
    void aDeliveryIsGivenUpAfterTheLastAttempt() {
        slack = FakeReceiver.answering(503, 503, 503, 503);
        channels.create(new NewAlertChannel("slack", slack.url("/services/T1/B1/x"), "slack", null, null), "test");
        budgets.set(BudgetScope.TENANT, "acme", new NewBudget(new BigDecimal("1.00"), List.of(100), null), "test");
        data.ingest(costing("big", "1.00"));
        ReportingProperties.Delivery twoAttempts = new ReportingProperties.Delivery(
                true, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(1), 2, Duration.ofSeconds(5), 20);
        DeliveryPoller poller = new DeliveryPoller(deliveries, messages, sender, twoAttempts, clock, transaction);

        poller.deliverDue();
        clock.advance(Duration.ofMinutes(1));
        poller.deliverDue();
        clock.advance(Duration.ofDays(1));
        poller.deliverDue();

        assertThat(slack.received()).hasSize(2);
        assertThat(alerts.deliveryLog(10)).singleElement().satisfies(delivery -> {
            assertThat(delivery.state()).isEqualTo(DeliveryEntry.State.FAILED);
            assertThat(delivery.attempts()).isEqualTo(2);
        });
    }

    @Test
    void theSlackMessageHasATextFallbackAndBlocksWithTheFiguresAndALinkToTheTenant() {
        slack = FakeReceiver.answering();
        channels.create(new NewAlertChannel("slack", slack.url("/services/T1/B1/x"), "slack", "acme", null), "test");
        budgets.set(BudgetScope.TENANT, "acme", new NewBudget(new BigDecimal("1.00"), List.of(80), null), "test");
        data.ingest(costing("big", "0.90"));

        newPoller().deliverDue();

        JsonNode message = JSON.readTree(slack.received().getFirst().body());
        assertThat(message.path("text").asString())
                .startsWith("Budget alert: Acme Corp reached 80% of its monthly budget for November 2026")
                .contains("spent $0.90 of $1.00 (90.0%)")
                .contains("https://tokenledger.example.com/tenants/acme");
        JsonNode blocks = message.path("blocks");
        assertThat(blocks.get(0).path("type").asString()).isEqualTo("header");
        List<String> fields = blocks.get(1)
                .path("fields")
                .valueStream()
                .map(field -> field.path("text").asString())
                .toList();
        assertThat(fields)
                .contains(
                        "*Tenant*\nAcme Corp (`acme`)",
                        "*Spend*\n$0.90",
                        "*Threshold*\n80% of $1.00 = $0.80",
                        "*Of monthly budget*\n90.0%",
                        "*Month-end forecast*\n$1.35");
        assertThat(blocks.get(2).path("text").path("text").asString()).isEqualTo("*Top deployments*\n• gpt-4o — $0.90");
        assertThat(blocks.get(3).path("elements").get(0).path("url").asString())
                .isEqualTo("https://tokenledger.example.com/tenants/acme");
    }

    @Test
    void aTestMessageIsSentAtOnceAndLogged() {
        slack = FakeReceiver.answering();
        AlertChannel channel = channels.create(
                        new NewAlertChannel("slack", slack.url("/services/T1/B1/x"), "ops", null, "CC-100"), "test")
                .channel();

        AlertChannels.TestResult result = channels.sendTest(channel.id());

        assertThat(result.delivered()).isTrue();
        assertThat(result.status()).isEqualTo(200);
        assertThat(JSON.readTree(slack.received().getFirst().body())
                        .path("text")
                        .asString())
                .isEqualTo("TokenLedger test message: budget alerts of cost center CC-100 and its tenants will"
                        + " arrive here.");
        assertThat(alerts.deliveryLog(10)).singleElement().satisfies(delivery -> {
            assertThat(delivery.test()).isTrue();
            assertThat(delivery.state()).isEqualTo(DeliveryEntry.State.DELIVERED);
        });
        assertThat(alerts.recent(10, TenantScope.allTenants())).isEmpty();
    }

    private DeliveryPoller newPoller() {
        return new DeliveryPoller(deliveries, messages, sender, SETTINGS, clock, transaction);
    }

    private static String header(String slackBody) {
        return JSON.readTree(slackBody)
                .path("blocks")
                .get(0)
                .path("text")
                .path("text")
                .asString();
    }

    private static UsageFixture costing(String id, String amount) {
        long tokens =
                new BigDecimal(amount).multiply(BigDecimal.valueOf(100_000)).longValueExact();
        return event(id).at("2026-11-20T09:00:00Z").tokens(tokens, 0, 0, 0);
    }

    @Test
    void aWebhookReceivesTheAlertAsJsonSignedWithTheChannelSecret() throws Exception {
        slack = FakeReceiver.answering();
        AlertChannels.Created created = channels.create(
                new NewAlertChannel("webhook", slack.url("/hooks/tokenledger"), "finance", null, null), "test");
        budgets.set(BudgetScope.TENANT, "acme", new NewBudget(new BigDecimal("1.00"), List.of(50), null), "test");
        data.ingest(costing("big", "0.75"));

        newPoller().deliverDue();

        FakeReceiver.Received request = slack.received().getFirst();
        String timestamp = request.header("X-TokenLedger-Timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(created.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256="
                + HexFormat.of()
                        .formatHex(mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        assertThat(created.secret()).startsWith("tlwh_");
        assertThat(request.header("X-TokenLedger-Signature")).isEqualTo(expected);
        assertThat(Long.parseLong(timestamp)).isEqualTo(clock.instant().getEpochSecond());
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("type").asString()).isEqualTo("budget.alert");
        assertThat(body.path("tenant").path("key").asString()).isEqualTo("acme");
        assertThat(body.path("costCenter").asString()).isEqualTo("CC-100");
        assertThat(body.path("kind").asString()).isEqualTo("monthly");
        assertThat(body.path("step").asInt()).isEqualTo(50);
        assertThat(body.path("period").asString()).isEqualTo("2026-11");
        assertThat(body.path("spend").asString()).isEqualTo("0.75");
        assertThat(body.path("budget").asString()).isEqualTo("1");
        assertThat(body.path("threshold").asString()).isEqualTo("0.5");
        assertThat(body.path("forecast").asString()).isEqualTo("1.125");
        assertThat(body.path("deliveryId").asLong())
                .isEqualTo(Long.parseLong(request.header("X-TokenLedger-Delivery")));
    }
}
