package io.tokenledger.reporting.alerts;

import static io.tokenledger.reporting.UsageFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.ingest.IngestPipeline;
import io.tokenledger.ingest.IngestResult;
import io.tokenledger.ingest.Tenant;
import io.tokenledger.ingest.Tenants;
import io.tokenledger.ingest.format.UsagePayloadParser;
import io.tokenledger.reporting.FixedTodayTest;
import io.tokenledger.reporting.ReportingData;
import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Budgets;
import io.tokenledger.reporting.budgets.NewBudget;
import io.tokenledger.reporting.budgets.Spending;
import io.tokenledger.reporting.ledger.TenantScope;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Budgets are evaluated as usage is ingested: each step or daily threshold crossed fires exactly one alert, however
 * many batches, replays and concurrent evaluations see it. Today is 20 November 2026; prices are 10 per 1M tokens,
 * so 100,000 tokens cost 1.00.
 */
class BudgetAlertsIT extends FixedTodayTest {

    @Autowired
    ReportingData data;

    @Autowired
    Tenants tenants;

    @Autowired
    Budgets budgets;

    @Autowired
    BudgetAlerts budgetAlerts;

    @Autowired
    AlertChannels channels;

    @Autowired
    Alerts alerts;

    @Autowired
    IngestPipeline pipeline;

    private final UsagePayloadParser parser = new UsagePayloadParser(32);

    @BeforeEach
    void acmeWithAMonthlyBudgetOfOne() {
        TestDatabase.get().reset();
        data.price("gpt-4o", "2026-01-01", "10", "10", "10");
        data.price("gpt-4o-mini", "2026-01-01", "10", "10", "10");
        tenants.save(new Tenant("acme", "Acme Corp", "CC-100"));
        tenants.save(new Tenant("globex", "Globex", "CC-100"));
        tenants.save(new Tenant("initech", "Initech", "CC-200"));
        budgets.set(BudgetScope.TENANT, "acme", new NewBudget(new BigDecimal("1.00"), null, null), "test");
        channels.create(
                new NewAlertChannel("slack", "https://hooks.example.com/services/T/B/x", "all", null, null), "test");
    }

    @Test
    void aBatchThatCrossesFiftyEightyAndHundredPercentAtOnceFiresThreeAlerts() {
        data.ingest(costing("big", "1.00"));

        List<Alerts.FiredAlert> fired = alerts.recent(50, TenantScope.allTenants());

        assertThat(fired).extracting(alert -> alert.alert().step()).containsExactlyInAnyOrder(50, 80, 100);
        assertThat(fired).allSatisfy(alert -> {
            assertThat(alert.alert().subject()).isEqualTo("acme");
            assertThat(alert.alert().kind()).isEqualTo(AlertKind.MONTHLY);
            assertThat(alert.alert().windowStart()).isEqualTo(LocalDate.parse("2026-11-01"));
            assertThat(alert.alert().spend()).isEqualByComparingTo("1.00");
            assertThat(alert.deliveries())
                    .singleElement()
                    .satisfies(delivery -> assertThat(delivery.state()).isEqualTo(DeliveryEntry.State.PENDING));
        });
        Alerts.FiredAlert eighty = fired.stream()
                .filter(alert -> alert.alert().step() == 80)
                .findFirst()
                .orElseThrow();
        assertThat(eighty.alert().threshold()).isEqualByComparingTo("0.80");
        assertThat(eighty.headline()).isEqualTo("Acme Corp reached 80% of its monthly budget");
    }

    @Test
    void aReplayedBatchASecondBatchAndTheScheduledCheckFireNothingMore() {
        data.ingest(costing("big", "1.00"));

        IngestResult replay = pipeline.ingest(
                "test",
                parser.parse(costing("big", "1.00").json().getBytes(StandardCharsets.UTF_8), "application/json"));
        data.ingest(costing("more", "0.50"));
        budgetAlerts.evaluateAll();

        assertThat(replay.duplicates()).isEqualTo(1);
        assertThat(alerts.recent(50, TenantScope.allTenants())).hasSize(3);
        assertThat(alerts.deliveryLog(50)).hasSize(3);
    }

    @Test
    void concurrentEvaluationsOfTheSameCrossingFireOnce() throws Exception {
        data.ingest(costing("big", "1.00"));
        // as if no instance had evaluated the crossing yet
        TestDatabase.get().dsl().execute("delete from alert_delivery");
        TestDatabase.get().dsl().execute("delete from alert");
        Callable<Integer> instance = () -> budgetAlerts
                .evaluate(Set.of("acme"), Set.of(NOVEMBER), Set.of(TODAY))
                .size();

        int fired = 0;
        try (ExecutorService instances = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> results = instances.invokeAll(List.of(instance, instance, instance, instance));
            for (Future<Integer> result : results) {
                fired += result.get();
            }
        }

        assertThat(fired).isEqualTo(3);
        assertThat(alerts.recent(50, TenantScope.allTenants())).hasSize(3);
        assertThat(alerts.deliveryLog(50)).hasSize(3);
    }

    @Test
    void aBudgetSetBelowWhatWasSpentAlertsAtOnce() {
        budgets.remove(BudgetScope.TENANT, "acme");
        data.ingest(costing("big", "0.85"));
        assertThat(steps()).isEmpty();

        budgets.set(BudgetScope.TENANT, "acme", new NewBudget(new BigDecimal("1.00"), null, null), "test");

        assertThat(steps()).containsExactlyInAnyOrder(50, 80);
    }

    @Test
    void stepsFireOneAtATimeAsSpendGrows() {
        data.ingest(costing("first", "0.60"));
        assertThat(steps()).containsExactly(50);

        data.ingest(costing("second", "0.10"));
        assertThat(steps()).containsExactly(50);

        data.ingest(costing("third", "0.10"));
        assertThat(steps()).containsExactlyInAnyOrder(50, 80);
    }

    @Test
    void theDailyThresholdFiresOncePerDay() {
        budgets.set(BudgetScope.TENANT, "globex", new NewBudget(null, null, new BigDecimal("0.50")), "test");

        data.ingest(costing("yesterday", "0.60").tenant("globex").at("2026-11-19T10:00:00Z"));
        data.ingest(
                costing("today", "0.30").tenant("globex"),
                costing("today-2", "0.30").tenant("globex"));
        data.ingest(costing("today-3", "0.30").tenant("globex"));

        List<Alerts.FiredAlert> fired = alerts.recent(50, TenantScope.only(Set.of("globex")));
        assertThat(fired)
                .extracting(alert -> alert.alert().windowStart())
                .containsExactlyInAnyOrder(LocalDate.parse("2026-11-19"), TODAY);
        assertThat(fired).allSatisfy(alert -> assertThat(alert.alert().kind()).isEqualTo(AlertKind.DAILY));
    }

    @Test
    void aCostCenterBudgetCountsAllItsTenantsAndReachesItsOwnChannels() {
        budgets.set(
                BudgetScope.COST_CENTER, "CC-100", new NewBudget(new BigDecimal("2.00"), List.of(100), null), "test");
        channels.create(new NewAlertChannel("webhook", "https://cc100.example.com/hook", "cc", null, "CC-100"), "test");
        channels.create(
                new NewAlertChannel("webhook", "https://cc200.example.com/hook", "other cc", null, "CC-200"), "test");
        channels.create(
                new NewAlertChannel("webhook", "https://globex.example.com/hook", "globex", "globex", null), "test");

        data.ingest(costing("acme", "0.40"), costing("globex", "1.60").tenant("globex"));

        List<Alerts.FiredAlert> fired = alerts.recent(50, TenantScope.allTenants());
        Alerts.FiredAlert costCenter = fired.stream()
                .filter(alert -> alert.alert().scope() == BudgetScope.COST_CENTER)
                .findFirst()
                .orElseThrow();
        assertThat(costCenter.alert().spend()).isEqualByComparingTo("2.00");
        assertThat(costCenter.deliveries()).extracting(DeliveryEntry::channel).containsExactlyInAnyOrder("all", "cc");
        // acme's own budget (1.00) is not reached: 0.40 is below 50%
        assertThat(fired).singleElement().isEqualTo(costCenter);
    }

    @Test
    void anAlertCarriesTheForecastAndTheTopDeployments() {
        data.ingest(costing("big", "0.40"), costing("mini", "0.20").deployment("gpt-4o-mini"));

        Alert fifty = alerts.recent(50, TenantScope.allTenants()).getFirst().alert();

        assertThat(fifty.step()).isEqualTo(50);
        // 0.60 in 20 of November's 30 days: 0.90 by month end
        assertThat(fifty.forecast()).isEqualByComparingTo("0.90");
        assertThat(fifty.topDeployments())
                .extracting(Spending.DeploymentSpend::deployment)
                .containsExactly("gpt-4o", "gpt-4o-mini");
    }

    private List<Integer> steps() {
        return alerts.recent(50, TenantScope.allTenants()).stream()
                .map(alert -> alert.alert().step())
                .toList();
    }

    /** An event of acme today whose cost is {@code amount} at 10 per 1M tokens. */
    private static io.tokenledger.reporting.UsageFixture costing(String id, String amount) {
        long tokens =
                new BigDecimal(amount).multiply(BigDecimal.valueOf(100_000)).longValueExact();
        return event(id).at("2026-11-20T09:00:00Z").tokens(tokens, 0, 0, 0);
    }
}
