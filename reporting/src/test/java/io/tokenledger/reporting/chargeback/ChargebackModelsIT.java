package io.tokenledger.reporting.chargeback;

import static io.tokenledger.reporting.UsageFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tokenledger.db.RejectedException;
import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.reporting.FixedTodayTest;
import io.tokenledger.reporting.ReportingData;
import io.tokenledger.reporting.periods.BillingPeriods;
import io.tokenledger.reporting.statement.ChargebackStatement;
import io.tokenledger.reporting.statement.ChargebackStatements;
import io.tokenledger.reporting.statement.CostCenterLine;
import io.tokenledger.reporting.statement.StatementRequest;
import io.tokenledger.reporting.statement.StatementScope;
import io.tokenledger.reporting.statement.TenantLine;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Golden figures at 10 per 1M tokens in October 2026: acme 1,000,000 tokens (10.00), beta 333,333 (3.33333),
 * globex in CC-200 500,000 (5.00). Today is 20 November 2026.
 */
class ChargebackModelsIT extends FixedTodayTest {

    @Autowired
    ReportingData data;

    @Autowired
    ChargebackModels models;

    @Autowired
    ChargebackStatements statements;

    @Autowired
    BillingPeriods periods;

    @BeforeEach
    void usageInOctober() {
        TestDatabase.get().reset();
        data.price("gpt-4o", "2026-01-01", "10", "10", "10");
        data.ingest(
                event("a").tenant("acme").at("2026-10-02T10:00:00Z").tokens(1_000_000, 0, 0, 0),
                event("b").tenant("beta").at("2026-10-03T10:00:00Z").tokens(333_333, 0, 0, 0),
                event("g").tenant("globex").at("2026-10-04T10:00:00Z").tokens(500_000, 0, 0, 0));
        data.name("globex", "Globex", "CC-200");
    }

    @Test
    void markupDiscountAndFreeChangeWhatIsChargedNotWhatItCost() {
        publish(ChargebackModel.Scope.TENANT, "acme", OCTOBER, ChargebackKind.MARKUP, "10");
        publish(ChargebackModel.Scope.COST_CENTER, "CC-200", OCTOBER, ChargebackKind.DISCOUNT, "20");
        publish(ChargebackModel.Scope.TENANT, "beta", OCTOBER, ChargebackKind.FREE, null);

        ChargebackStatement statement = october();

        assertThat(statement.tenants())
                .extracting(TenantLine::key, TenantLine::cost, TenantLine::chargeback, TenantLine::charged)
                .containsExactly(
                        tuple(
                                "globex",
                                new BigDecimal("5.00"),
                                "discount 20 % (cost center CC-200)",
                                new BigDecimal("4.00")),
                        tuple("acme", new BigDecimal("10.00"), "markup 10 %", new BigDecimal("11.00")),
                        tuple("beta", new BigDecimal("3.33"), "free (shown, not charged)", new BigDecimal("0.00")));
        assertThat(statement.costTotal()).isEqualByComparingTo("18.33");
        assertThat(statement.exactTotal()).isEqualByComparingTo("15.000");
        assertThat(statement.total()).isEqualByComparingTo("15.00");
        assertThat(statement.costCenters())
                .extracting(CostCenterLine::displayName, CostCenterLine::charged)
                .containsExactly(
                        tuple("CC-200", new BigDecimal("4.00")), tuple("(no cost center)", new BigDecimal("11.00")));
    }

    @Test
    void chargedAmountsAreRoundedToAddUpToTheChargedTotal() {
        // 3.33333 × 1.1 = 3.666663 and 10 × 1.1 = 11; 5 × 1.1 = 5.5 → total 20.166663 → 20.17
        publish(ChargebackModel.Scope.TENANT, "acme", OCTOBER, ChargebackKind.MARKUP, "10");
        publish(ChargebackModel.Scope.TENANT, "beta", OCTOBER, ChargebackKind.MARKUP, "10");
        publish(ChargebackModel.Scope.TENANT, "globex", OCTOBER, ChargebackKind.MARKUP, "10");

        ChargebackStatement statement = october();

        assertThat(statement.total()).isEqualByComparingTo("20.17");
        assertThat(statement.tenants().stream().map(TenantLine::charged).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(statement.total());
        assertThat(statement.tenants())
                .extracting(TenantLine::charged)
                .containsExactly(new BigDecimal("5.50"), new BigDecimal("11.00"), new BigDecimal("3.67"));
    }

    @Test
    void aTenantsOwnModelWinsOverItsCostCentersAndAModelAppliesFromItsPeriodOn() {
        publish(ChargebackModel.Scope.COST_CENTER, "CC-200", OCTOBER, ChargebackKind.DISCOUNT, "20");
        publish(ChargebackModel.Scope.TENANT, "globex", OCTOBER, ChargebackKind.AT_COST, null);
        publish(ChargebackModel.Scope.TENANT, "acme", NOVEMBER, ChargebackKind.MARKUP, "50");

        ChargebackStatement statement = october();

        assertThat(statement.tenants())
                .extracting(TenantLine::key, TenantLine::charged)
                .containsExactly(
                        tuple("globex", new BigDecimal("5.00")),
                        tuple("acme", new BigDecimal("10.00")),
                        tuple("beta", new BigDecimal("3.33")));
        assertThat(statement.total()).isEqualByComparingTo(statement.costTotal());
    }

    @Test
    void aModelCannotReachIntoAClosedPeriodAndWrongPercentagesAreRefused() {
        periods.close(OCTOBER, "finance");

        assertThatThrownBy(() -> publish(ChargebackModel.Scope.TENANT, "acme", OCTOBER, ChargebackKind.MARKUP, "10"))
                .isInstanceOf(RejectedException.class)
                .hasMessageContaining("billing period 2026-10 is closed");
        assertThatThrownBy(
                        () -> publish(ChargebackModel.Scope.TENANT, "acme", NOVEMBER, ChargebackKind.DISCOUNT, "120"))
                .isInstanceOf(RejectedException.class)
                .extracting("field")
                .isEqualTo("percent");
        assertThatThrownBy(() -> publish(ChargebackModel.Scope.TENANT, "acme", NOVEMBER, ChargebackKind.FREE, "5"))
                .isInstanceOf(RejectedException.class)
                .hasMessageContaining("percent applies only to markup and discount");
    }

    private ChargebackStatement october() {
        return statements.statement(StatementRequest.of(OCTOBER, StatementScope.all()));
    }

    private void publish(
            ChargebackModel.Scope scope, String subject, YearMonth from, ChargebackKind kind, String percent) {
        models.publish(
                new NewChargebackModel(
                        scope, subject, from, kind, percent == null ? null : new BigDecimal(percent), "test"),
                "finance@example.com");
    }
}
