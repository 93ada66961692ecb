package io.tokenledger.ingest;

import io.tokenledger.ingest.TenantMappingRules.ValidRule;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every statement of the money path (a batch's write, re-attribution after a rule change, re-pricing and FX
 * re-conversion), rendered exactly as the code sends it, is equal to its snapshot ({@link SqlSnapshots}): a change to
 * any of them, or to what they are built from (the cost formula, the mapping rules' SQL, the rollup columns), shows in
 * review as the diff of each whole statement it changes.
 */
class MoneyPathSqlSnapshotTest {

    private static final DSLContext POSTGRES = DSL.using(SQLDialect.POSTGRES);
    private static final String REPORTING_CURRENCY = "USD";

    /** Rules of every field kind and match, as a rule change re-attributes them. */
    private static final List<ValidRule> CHANGED_RULES = List.of(
            new ValidRule("subscriptionName", "exact", "finance-prod", "finance", 10),
            new ValidRule("productId", "prefix", "team-", "platform", 20),
            new ValidRule("userId", "regex", "^svc-", "services", 30),
            new ValidRule("attributes.costCenter", "exact", "cc-42", "research", 40));

    private static final List<UsageRepricer.Combo> COMBOS =
            List.of(new UsageRepricer.Combo("gpt-4o", "gpt-4o-2024-08-06", LocalDate.parse("2026-11-03")));

    static Map<String, String> statements() {
        var write = UsageWriteStatements.render(POSTGRES, new TenantResolver(true), REPORTING_CURRENCY);
        var reattribution = new TenantReattribution(POSTGRES, new TenantResolver(true));
        var repricing = new RepricingStatements(POSTGRES, REPORTING_CURRENCY);
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("write-staging-exists", write.stagingExists());
        statements.put("write-create-staging", write.createStaging());
        statements.put("write-copy-into-staging", write.copy());
        statements.put("write-resolve-tenants", write.resolveTenants());
        statements.put(
                "write-resolve-tenants-without-subscription-fallback",
                UsageWriteStatements.render(POSTGRES, new TenantResolver(false), REPORTING_CURRENCY)
                        .resolveTenants());
        statements.put("write-insert-new-and-roll-up", write.insertNewAndRollUp());
        statements.put("write-insert-skipping-known-and-roll-up", write.insertAndRollUp());
        statements.put("reattribute-move", reattribution.move(CHANGED_RULES).getSQL());
        statements.put(
                "reattribute-remove-empty",
                reattribution
                        .removeEmpty(Set.of("acme"), LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"))
                        .getSQL());
        statements.put("reprice-open", repricing.repriceOpen(COMBOS, 7).getSQL());
        statements.put(
                "reprice-closed",
                repricing.repriceClosed(COMBOS, 7, YearMonth.parse("2026-12")).getSQL());
        statements.put("reprice-reconvert", repricing.reconvert(COMBOS, "EUR").getSQL());
        statements.put("reprice-delete-rollups", repricing.deleteRollups(COMBOS).getSQL());
        statements.put(
                "reprice-rebuild-rollups", repricing.rebuildRollups(COMBOS).getSQL());
        return statements;
    }

    static Stream<Arguments> snapshots() {
        return statements().entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snapshots")
    void statementIsAsItsSnapshotShowsIt(String name, String sql) {
        SqlSnapshots.assertMatches(name, sql);
    }

    @Test
    void everySnapshotIsOfAStatement() {
        SqlSnapshots.assertNoneBut(statements().keySet());
    }
}
