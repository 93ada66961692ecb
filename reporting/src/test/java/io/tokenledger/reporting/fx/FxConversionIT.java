package io.tokenledger.reporting.fx;

import static io.tokenledger.reporting.UsageFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.pricing.fx.FxRates;
import io.tokenledger.reporting.FixedTodayTest;
import io.tokenledger.reporting.ReportingData;
import io.tokenledger.reporting.ledger.Ledger;
import io.tokenledger.reporting.ledger.LedgerDimension;
import io.tokenledger.reporting.ledger.LedgerQuery;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.TenantScope;
import io.tokenledger.reporting.periods.BillingPeriods;
import io.tokenledger.reporting.statement.ChargebackStatement;
import io.tokenledger.reporting.statement.ChargebackStatements;
import io.tokenledger.reporting.statement.StatementRequest;
import io.tokenledger.reporting.statement.StatementScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Golden FX figures: a card in EUR at 10 per 1M tokens, 1,000,000 tokens on 2 October 2026 (EUR 10.00); the
 * reporting currency is USD. Today is 20 November 2026.
 */
class FxConversionIT extends FixedTodayTest {

    @Autowired
    ReportingData data;

    @Autowired
    RateCards rateCards;

    @Autowired
    FxRates fx;

    @Autowired
    Ledgers ledgers;

    @Autowired
    BillingPeriods periods;

    @Autowired
    ChargebackStatements statements;

    @BeforeEach
    void euroCardAndOctoberUsage() {
        TestDatabase.get().reset();
        rateCards.publish(
                new NewRateCard(
                        "gpt-4o",
                        "EUR",
                        LocalDate.parse("2026-01-01"),
                        new Prices(BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN)),
                "finance");
        data.ingest(event("e1").at("2026-10-02T10:00:00Z").tokens(1_000_000, 0, 0, 0));
    }

    @Test
    void withoutTheMonthsRateUsageIsUnpricedNeverOneToOne() {
        Ledger october = october();

        assertThat(october.total()).isZero();
        assertThat(october.unpricedRequests()).isEqualTo(1);
        ChargebackStatement statement = statements.statement(StatementRequest.of(OCTOBER, StatementScope.all()));
        assertThat(statement.rateCards())
                .singleElement()
                .satisfies(use -> assertThat(use.note()).contains("not converted: no EUR rate for 2026-10"));
    }

    @Test
    void enteringTheRateConvertsStoredUsageAndNewUsageIsConvertedAsItArrives() {
        fx.set(OCTOBER, "EUR", new BigDecimal("1.0850"), "finance", "ECB 2026-10-30");

        assertThat(october().total()).isEqualByComparingTo("10.85");
        assertThat(october().unpricedRequests()).isZero();

        data.ingest(event("e2").at("2026-10-20T10:00:00Z").tokens(500_000, 0, 0, 0));

        assertThat(october().total()).isEqualByComparingTo("16.275");
    }

    @Test
    void aLaterMonthsRateLeavesThePastMonthAsItWasAndAClosedMonthsRateIsFinal() {
        fx.set(OCTOBER, "EUR", new BigDecimal("1.0850"), "finance", null);
        periods.close(OCTOBER, "finance");

        fx.set(NOVEMBER, "EUR", new BigDecimal("1.2"), "finance", null);

        assertThat(october().total()).isEqualByComparingTo("10.85");
        assertThatThrownBy(() -> fx.set(OCTOBER, "EUR", new BigDecimal("2"), "finance", null))
                .hasMessageContaining("billing period 2026-10 is closed");
        assertThat(fx.rate(OCTOBER, "EUR").orElseThrow().rate()).isEqualByComparingTo("1.085");
    }

    @Test
    void theReportingCurrencyNeedsNoRate() {
        assertThatThrownBy(() -> fx.set(OCTOBER, "USD", BigDecimal.ONE, "finance", null))
                .hasMessageContaining("reporting currency");
    }

    private Ledger october() {
        YearMonth period = OCTOBER;
        return ledgers.query(new LedgerQuery(
                period.atDay(1),
                period.atEndOfMonth(),
                List.of(LedgerDimension.TENANT),
                Optional.empty(),
                TenantScope.allTenants()));
    }
}
