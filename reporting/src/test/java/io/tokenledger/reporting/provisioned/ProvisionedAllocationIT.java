package io.tokenledger.reporting.provisioned;

import static io.tokenledger.reporting.UsageFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tokenledger.db.RejectedException;
import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.pricing.fx.FxRates;
import io.tokenledger.pricing.provisioned.AllocationRule;
import io.tokenledger.pricing.provisioned.Billing;
import io.tokenledger.pricing.provisioned.CommitmentAllocation;
import io.tokenledger.pricing.provisioned.IdleAssignee;
import io.tokenledger.pricing.provisioned.NewCommitment;
import io.tokenledger.reporting.FixedTodayTest;
import io.tokenledger.reporting.ReportingData;
import io.tokenledger.reporting.ledger.TenantScope;
import io.tokenledger.reporting.periods.BillingPeriods;
import io.tokenledger.reporting.statement.ChargeLine;
import io.tokenledger.reporting.statement.ChargebackStatement;
import io.tokenledger.reporting.statement.ChargebackStatements;
import io.tokenledger.reporting.statement.DeploymentLine;
import io.tokenledger.reporting.statement.ExtraCharge;
import io.tokenledger.reporting.statement.StatementRequest;
import io.tokenledger.reporting.statement.StatementScope;
import io.tokenledger.reporting.statement.TenantLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A provisioned deployment, ptu-4o, at 2.00 USD per hour from 1 October 2026 (744 hours in October, UTC: 1,488.00),
 * used by acme (3 × 1,200 tokens) and beta (1,200 tokens). Today is 20 November 2026.
 */
class ProvisionedAllocationIT extends FixedTodayTest {

    @Autowired
    ReportingData data;

    @Autowired
    ProvisionedCapacity capacity;

    @Autowired
    ChargebackStatements statements;

    @Autowired
    BillingPeriods periods;

    @Autowired
    FxRates fx;

    @BeforeEach
    void provisionedDeploymentWithUsage() {
        TestDatabase.get().reset();
        data.price("ptu-4o", "2026-01-01", "10", "10", "10");
        data.price("gpt-4o", "2026-01-01", "10", "10", "10");
        data.ingest(
                event("a1").deployment("ptu-4o").at("2026-10-02T10:00:00Z"),
                event("a2").deployment("ptu-4o").at("2026-10-12T10:00:00Z"),
                event("a3").deployment("ptu-4o").at("2026-10-22T10:00:00Z"),
                event("b1").tenant("beta").deployment("ptu-4o").at("2026-10-05T10:00:00Z"),
                event("c1").tenant("beta").deployment("gpt-4o").at("2026-10-05T10:00:00Z"));
    }

    @Test
    void fixedCostIsSharedByTokensAndTokensOnTheDeploymentCostNothing() {
        publish(hourly("2.00", "USD", AllocationRule.USAGE_SHARE));

        List<CommitmentAllocation> allocations = capacity.allocations(OCTOBER, TenantScope.allTenants());

        assertThat(allocations).singleElement().satisfies(allocation -> {
            assertThat(allocation.cost()).isEqualByComparingTo("1488.00");
            assertThat(allocation.lines())
                    .extracting(CommitmentAllocation.Line::tenant, CommitmentAllocation.Line::amount)
                    .containsExactly(tuple("acme", new BigDecimal("1116.00")), tuple("beta", new BigDecimal("372.00")));
        });
        ChargebackStatement october = statement();
        assertThat(october.deployments())
                .filteredOn(line -> line.deployment().equals("ptu-4o"))
                .extracting(DeploymentLine::exactCost)
                .allSatisfy(cost -> assertThat(cost).isZero());
        assertThat(october.charges())
                .extracting(line -> line.charge().tenantKey(), ChargeLine::cost)
                .containsExactly(tuple("acme", new BigDecimal("1116.00")), tuple("beta", new BigDecimal("372.00")));
        assertThat(october.charges().getFirst().charge().kind()).isEqualTo(ExtraCharge.Kind.ALLOCATION);
        assertThat(october.charges().getFirst().charge().description())
                .isEqualTo("Provisioned ptu-4o: usage share, 3,600 tokens of 4,800 (1116.00 USD of 1488.00)");
        // beta also used gpt-4o: 1,200 tokens at 10 per 1M
        assertThat(october.total()).isEqualByComparingTo("1488.01");
        assertThat(october.tenants())
                .extracting(TenantLine::key, TenantLine::cost)
                .contains(tuple("acme", new BigDecimal("1116.00")), tuple("beta", new BigDecimal("372.01")));
    }

    @Test
    void idleCapacityGoesToTheSharedPoolAsItsOwnLine() {
        // 10 tokens per hour × 744 hours = 7,440; 4,800 used
        publish(new NewCommitment(
                "ptu-4o",
                LocalDate.parse("2026-10-01"),
                Billing.HOURLY,
                new BigDecimal("1.00"),
                "USD",
                AllocationRule.USAGE_SHARE,
                null,
                IdleAssignee.POOL,
                10L,
                "sized for 10 tokens an hour"));

        ChargebackStatement october = statement();

        assertThat(october.charges())
                .extracting(line -> line.charge().tenantKey(), ChargeLine::cost)
                .containsExactly(
                        tuple("acme", new BigDecimal("360.00")),
                        tuple("beta", new BigDecimal("120.00")),
                        tuple("shared-pool", new BigDecimal("264.00")));
        assertThat(october.tenants()).extracting(TenantLine::key).contains("shared-pool");
    }

    @Test
    void evenAndOwnerRules() {
        publish(hourly("1.00", "USD", AllocationRule.EVEN));
        publish(new NewCommitment(
                "ptu-4o",
                LocalDate.parse("2026-10-16"),
                Billing.MONTHLY,
                new BigDecimal("3100"),
                "USD",
                AllocationRule.OWNER,
                "platform",
                IdleAssignee.OWNER,
                null,
                "platform pays from mid-month"));

        CommitmentAllocation allocation =
                capacity.allocations(OCTOBER, TenantScope.allTenants()).getFirst();

        // 15 days × 24 h × 1.00 = 360.00 evenly; 16 of 31 days × 3,100 = 1,600.00 to the owner
        assertThat(allocation.cost()).isEqualByComparingTo("1960.00");
        assertThat(allocation.lines())
                .extracting(CommitmentAllocation.Line::tenant, CommitmentAllocation.Line::amount)
                .containsExactlyInAnyOrder(
                        tuple("acme", new BigDecimal("180.00")),
                        tuple("beta", new BigDecimal("180.00")),
                        tuple("platform", new BigDecimal("1600.00")));
    }

    @Test
    void aCommitmentInAnotherCurrencyIsConvertedWithThePeriodsRateAndNeverOneToOne() {
        publish(hourly("1.00", "EUR", AllocationRule.USAGE_SHARE));

        assertThat(statement().charges()).allSatisfy(line -> {
            assertThat(line.cost()).isZero();
            assertThat(line.charge().description()).contains("NOT CONVERTED: no EUR rate for 2026-10");
        });

        fx.set(OCTOBER, "EUR", new BigDecimal("1.10"), "finance", "ECB 2026-10-31");

        assertThat(statement().charges())
                .extracting(line -> line.charge().tenantKey(), ChargeLine::cost)
                .containsExactly(tuple("acme", new BigDecimal("613.80")), tuple("beta", new BigDecimal("204.60")));
    }

    @Test
    void aVersionThatWouldChangeAClosedPeriodIsRefused() {
        publish(hourly("2.00", "USD", AllocationRule.USAGE_SHARE));
        periods.close(OCTOBER, "finance");

        assertThatThrownBy(() -> publish(new NewCommitment(
                        "ptu-4o",
                        LocalDate.parse("2026-10-20"),
                        Billing.ENDED,
                        null,
                        "USD",
                        null,
                        null,
                        null,
                        null,
                        "ended early")))
                .isInstanceOf(RejectedException.class)
                .hasMessageContaining("billing period 2026-10 is closed");
        assertThat(capacity.allocations(OCTOBER, TenantScope.allTenants())
                        .getFirst()
                        .cost())
                .isEqualByComparingTo("1488.00");
    }

    @Test
    void theCurrentPeriodIsAllocatedMonthToDate() {
        publish(hourly("1.00", "USD", AllocationRule.USAGE_SHARE));
        data.ingest(event("n1").deployment("ptu-4o").at("2026-11-03T10:00:00Z"));

        CommitmentAllocation november =
                capacity.allocations(NOVEMBER, TenantScope.allTenants()).getFirst();

        // 1 to 20 November: 20 days × 24 hours
        assertThat(november.cost()).isEqualByComparingTo("480.00");
        assertThat(november.lines())
                .extracting(CommitmentAllocation.Line::tenant)
                .containsExactly("acme");
    }

    private ChargebackStatement statement() {
        return statements.statement(StatementRequest.of(OCTOBER, StatementScope.all()));
    }

    private void publish(NewCommitment commitment) {
        capacity.publish(commitment, "finance@example.com");
    }

    private static NewCommitment hourly(String amount, String currency, AllocationRule rule) {
        return new NewCommitment(
                "ptu-4o",
                LocalDate.parse("2026-10-01"),
                Billing.HOURLY,
                new BigDecimal(amount),
                currency,
                rule,
                null,
                null,
                null,
                "PTU reservation");
    }
}
