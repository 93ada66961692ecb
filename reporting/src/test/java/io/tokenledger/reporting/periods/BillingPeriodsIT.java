package io.tokenledger.reporting.periods;

import static io.tokenledger.reporting.UsageFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tokenledger.db.RejectedException;
import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.reporting.FixedTodayTest;
import io.tokenledger.reporting.ReportingData;
import io.tokenledger.reporting.ledger.AdjustmentLine;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.PeriodTotal;
import io.tokenledger.reporting.ledger.TenantScope;
import io.tokenledger.reporting.statement.ChargebackStatement;
import io.tokenledger.reporting.statement.ChargebackStatements;
import io.tokenledger.reporting.statement.ExtraCharge;
import io.tokenledger.reporting.statement.StatementRequest;
import io.tokenledger.reporting.statement.StatementScope;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Closing billing periods: a closed period's statement never changes; usage that arrives for it later is booked as
 * an adjustment in the open period. Today is 20 November 2026; prices are 10 per 1M tokens (1,200 tokens = 0.012).
 */
class BillingPeriodsIT extends FixedTodayTest {

    @Autowired
    ReportingData data;

    @Autowired
    BillingPeriods periods;

    @Autowired
    Ledgers ledgers;

    @Autowired
    ChargebackStatements statements;

    @Autowired
    PeriodJobs jobs;

    @BeforeEach
    void usageInOctoberAndNovember() {
        TestDatabase.get().reset();
        data.price("gpt-4o", "2026-01-01", "10", "10", "10");
        data.ingest(
                event("oct-1").at("2026-10-10T10:00:00Z"),
                event("oct-2").tenant("globex").at("2026-10-31T23:30:00Z"),
                event("nov-1").at("2026-11-02T10:00:00Z"));
    }

    @Test
    void aLateEventForAClosedMonthBecomesAnAdjustmentInTheOpenMonthAndTheClosedStatementStaysAsItWas() {
        periods.close(OCTOBER, "finance");
        ChargebackStatement october = octoberStatement();

        data.ingest(event("late").tenant("globex").at("2026-10-31T22:00:00Z").tokens(3000, 0, 1000, 0));

        ChargebackStatement after = octoberStatement();
        assertThat(after.tenants()).isEqualTo(october.tenants());
        assertThat(after.deployments()).isEqualTo(october.deployments());
        assertThat(after.charges()).isEqualTo(october.charges());
        assertThat(after.exactTotal())
                .isEqualByComparingTo(october.exactTotal())
                .isEqualByComparingTo("0.024");
        List<AdjustmentLine> adjustments = ledgers.adjustmentsBookedIn(NOVEMBER, TenantScope.allTenants());
        assertThat(adjustments).singleElement().satisfies(adjustment -> {
            assertThat(adjustment.label()).isEqualTo("Late usage for 2026-10");
            assertThat(adjustment.tenant()).isEqualTo("globex");
            assertThat(adjustment.refersToPeriod()).isEqualTo(OCTOBER);
            assertThat(adjustment.requests()).isEqualTo(1);
            assertThat(adjustment.cost()).isEqualByComparingTo("0.04");
        });
        PeriodTotal november = ledgers.periodTotal(NOVEMBER, TenantScope.allTenants());
        assertThat(november.usage()).isEqualByComparingTo("0.012");
        assertThat(november.adjustments()).isEqualByComparingTo("0.04");
        assertThat(november.total()).isEqualByComparingTo("0.052");
        ChargebackStatement novemberStatement =
                statements.statement(StatementRequest.of(NOVEMBER, StatementScope.all()));
        assertThat(novemberStatement.charges()).singleElement().satisfies(charge -> {
            assertThat(charge.charge().kind()).isEqualTo(ExtraCharge.Kind.ADJUSTMENT);
            assertThat(charge.charge().description()).startsWith("Late usage for 2026-10");
        });
    }

    @Test
    void anOpenPreviousMonthStillTakesItsLateUsageDirectly() {
        data.ingest(event("late").at("2026-10-31T22:00:00Z"));

        assertThat(ledgers.adjustmentsBookedIn(NOVEMBER, TenantScope.allTenants()))
                .isEmpty();
        assertThat(ledgers.periodTotal(OCTOBER, TenantScope.allTenants()).usage())
                .isEqualByComparingTo("0.036");
    }

    @Test
    void closingAClosedPeriodIsAConflictAndTheCurrentOrAFutureMonthCannotBeClosed() {
        PeriodStatus closed = periods.close(OCTOBER, "finance");
        assertThat(closed.closed()).isTrue();
        assertThat(closed.closedBy()).isEqualTo("finance");
        assertThat(closed.total()).isEqualByComparingTo("0.024");

        assertThatThrownBy(() -> periods.close(OCTOBER, "someone"))
                .isInstanceOfSatisfying(RejectedException.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(RejectedException.Reason.CONFLICT);
                    assertThat(rejected.getMessage()).contains("closed already").contains("by finance");
                });
        assertThatThrownBy(() -> periods.close(NOVEMBER, "finance"))
                .isInstanceOfSatisfying(RejectedException.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(RejectedException.Reason.INVALID);
                    assertThat(rejected.getMessage()).contains("has not ended yet");
                });
        assertThatThrownBy(() -> periods.close(YearMonth.of(2027, 1), "finance"))
                .isInstanceOf(RejectedException.class);
    }

    @Test
    void periodsCloseAutomaticallyTheConfiguredNumberOfDaysAfterTheyEnd() {
        assertThat(periods.closeEnded(25, "auto-close"))
                .as("October ended 20 days ago")
                .isEmpty();

        assertThat(periods.closeEnded(5, "auto-close")).containsExactly(OCTOBER);
        assertThat(periods.closeEnded(5, "auto-close")).isEmpty();
        assertThat(periods.status(OCTOBER).closedBy()).isEqualTo("auto-close");
        assertThat(periods.isClosed(NOVEMBER)).isFalse();
    }

    @Test
    void theScheduledCloseRunsOnceEvenWhenSeveralInstancesTick() throws Exception {
        Thread[] instances = new Thread[3];
        for (int i = 0; i < instances.length; i++) {
            instances[i] = Thread.ofVirtual().start(jobs::autoClose);
        }
        for (Thread instance : instances) {
            instance.join();
        }

        assertThat(periods.isClosed(OCTOBER)).isTrue();
        assertThat(periods.all())
                .extracting(PeriodStatus::period, PeriodStatus::closed)
                .containsExactly(tuple(NOVEMBER, false), tuple(OCTOBER, true));
    }

    private ChargebackStatement octoberStatement() {
        return statements.statement(StatementRequest.of(OCTOBER, StatementScope.all()));
    }
}
