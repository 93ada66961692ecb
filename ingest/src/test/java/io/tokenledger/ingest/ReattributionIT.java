package io.tokenledger.ingest;

import static io.tokenledger.ingest.UsageEventFixture.batch;
import static io.tokenledger.ingest.UsageEventFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.pricing.RateCards;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rule change re-attributes stored usage of open periods, set-based, keeping every total; closed periods keep
 * their tenants. Today is 20 November 2026; October has usage and is closed.
 */
class ReattributionIT extends NovemberTodayTest {

    private final IngestPipeline pipeline;
    private final RateCards rateCards;
    private final TenantMappingRules rules;
    private final Tenants tenants;
    private final DSLContext dsl;
    private final Ledger ledger;

    @Autowired
    ReattributionIT(
            IngestPipeline pipeline, TenantMappingRules rules, Tenants tenants, RateCards rateCards, DSLContext dsl) {
        this.pipeline = pipeline;
        this.rules = rules;
        this.tenants = tenants;
        this.dsl = dsl;
        this.ledger = new Ledger(dsl);
        this.rateCards = rateCards;
    }

    @BeforeEach
    void unassignedUsageInAClosedAndInTheOpenMonth() {
        TestDatabase.get().reset();
        rateCards.publish(RateCardFixture.flat("gpt-4o", "2026-01-01", "10"), "test");
        tenants.save(new Tenant("acme", "Acme Corp", "CC-100"));
        pipeline.ingest(
                "http",
                batch(
                        anonymous("oct").product("aoai-acme").at("2026-10-20T10:00:00Z"),
                        anonymous("nov-1").product("aoai-acme").at("2026-11-02T10:00:00Z"),
                        anonymous("nov-2")
                                .product("aoai-acme")
                                .deployment("llama")
                                .at("2026-11-02T11:00:00Z"),
                        anonymous("nov-3").product("aoai-acme").at("2026-11-19T10:00:00Z"),
                        anonymous("nov-other").product("aoai-other").at("2026-11-19T10:00:00Z"),
                        event().id("nov-acme").at("2026-11-19T12:00:00Z")));
        BillingPeriodFixture.close(dsl, BillingPeriodFixture.PREVIOUS);
    }

    @Test
    void aNewRuleMovesUnassignedUsageOfTheOpenPeriodToItsTenantWithEqualTotals() {
        BigDecimal totalBefore = ledger.totalDailyCost();
        Map<String, BigDecimal> octoberBefore = costPerTenant("2026-10-01", "2026-10-31");

        RuleChange change = rules.add(new NewTenantMappingRule("productId", "exact", "aoai-acme", "acme", 10), "test");

        assertThat(change.movedEvents()).isEqualTo(3);
        assertThat(change.tenants()).containsExactlyInAnyOrder("unassigned", "acme");
        assertThat(ledger.totalDailyCost()).isEqualByComparingTo(totalBefore);
        Map<String, BigDecimal> november = costPerTenant("2026-11-01", "2026-11-30");
        // acme: its own 1,200 tokens plus the two priced moved events, 3 × 1,200 × 10 per 1M; llama is unpriced
        assertThat(november.get("acme")).isEqualByComparingTo("0.036");
        assertThat(november.get("unassigned")).as("only the event no rule maps").isEqualByComparingTo("0.012");
        assertThat(ledger.daily(LocalDate.parse("2026-11-02"), "acme", "llama", "gpt-4o-2024-08-06")
                        .getUnpricedRequests())
                .isEqualTo(1L);
        assertThat(costPerTenant("2026-10-01", "2026-10-31"))
                .as("closed October")
                .isEqualTo(octoberBefore);
        assertThat(ledger.event("oct").getTenantKey()).isEqualTo("unassigned");
        assertThat(ledger.event("nov-other").getTenantKey()).isEqualTo("unassigned");
        assertThat(openRollup()).isEqualTo(openRollupFromEvents());
        assertThat(ledger.narrowRollupMismatches()).isEmpty();
    }

    @Test
    void removingTheRuleMovesTheUsageBackAndLeavesNoEmptyRollups() {
        RuleChange added = rules.add(new NewTenantMappingRule("productId", "exact", "aoai-acme", "acme", 10), "test");
        List<Ledger.RollupLine> rollupBefore = ledger.rollup();

        RuleChange removed = rules.remove(added.rule().id());

        assertThat(removed.movedEvents()).isEqualTo(3);
        assertThat(ledger.event("nov-1").getTenantKey()).isEqualTo("unassigned");
        assertThat(ledger.rollup()).isNotEqualTo(rollupBefore);
        assertThat(ledger.rollup())
                .allSatisfy(line -> assertThat(line.requests()).isPositive());
        assertThat(openRollup()).isEqualTo(openRollupFromEvents());
        assertThat(ledger.narrowRollupMismatches()).isEmpty();
    }

    @Test
    void aReplacedRuleMovesWhatTheOldAndTheNewVersionMatch() {
        tenants.save(new Tenant("other", null, null));
        RuleChange added = rules.add(new NewTenantMappingRule("productId", "exact", "aoai-acme", "acme", 10), "test");

        RuleChange replaced = rules.replace(
                added.rule().id(), new NewTenantMappingRule("productId", "exact", "aoai-other", "other", 10));

        assertThat(replaced.movedEvents()).isEqualTo(4);
        assertThat(ledger.event("nov-1").getTenantKey()).isEqualTo("unassigned");
        assertThat(ledger.event("nov-other").getTenantKey()).isEqualTo("other");
        assertThat(openRollup()).isEqualTo(openRollupFromEvents());
        assertThat(ledger.narrowRollupMismatches()).isEmpty();
    }

    @Test
    void aRuleThatChangesNothingMovesNothing() {
        RuleChange change =
                rules.add(new NewTenantMappingRule("productId", "exact", "no-such-product", "acme", 10), "test");

        assertThat(change.movedEvents()).isZero();
        assertThat(change.tenants()).isEmpty();
    }

    private Map<String, BigDecimal> costPerTenant(String from, String to) {
        Map<String, BigDecimal> costs = new TreeMap<>();
        ledger.rollup().stream()
                .filter(line -> !line.day().isBefore(LocalDate.parse(from))
                        && !line.day().isAfter(LocalDate.parse(to)))
                .forEach(line -> costs.merge(line.tenant(), line.cost(), BigDecimal::add));
        return costs;
    }

    private List<Ledger.RollupLine> openRollup() {
        return ledger.rollup().stream()
                .filter(line -> line.day().getMonthValue() == 11)
                .toList();
    }

    private List<Ledger.RollupLine> openRollupFromEvents() {
        return ledger.rollupFromEvents().stream()
                .filter(line -> line.day().getMonthValue() == 11)
                .toList();
    }

    private static UsageEventFixture anonymous(String id) {
        return event().id(id).tenant(null);
    }
}
