package io.tokenledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rollup sums that the code writes ({@link RollupSums}) are the ones the migrated database has: the columns of the
 * rollup tables, and those the triggers of {@code usage_daily} (V11) carry to the narrow rollups for the writers other
 * than the ingest statement. The triggers are PL/pgSQL in a migration that has landed, so they cannot take their lists
 * from the code; this test reads them from {@code pg_proc} and fails when one of their lists of the sums differs.
 */
class RollupSumsIT {

    private final DSLContext dsl = TestDatabase.get().dsl();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "usage_daily, usage_day tenant_key deployment model",
        "usage_tenant_day, usage_day tenant_key",
        "usage_deployment_day, usage_day deployment model"
    })
    void aRollupTableIsItsKeyAndTheRollupSums(String table, String key) {
        List<String> expected = new ArrayList<>(List.of(key.split(" ")));
        expected.addAll(RollupSums.COLUMNS);

        // in this order: the triggers insert into the narrow rollups by position
        assertThat(columns(table)).isEqualTo(expected);
    }

    @Test
    void anAdjustmentCarriesTheRollupSums() {
        assertThat(columns("ledger_adjustment")).containsSubsequence(RollupSums.COLUMNS);
    }

    @Test
    void theTriggersOfUsageDailyCarryTheRollupSums() {
        List<String> bodies = dsl.fetch("""
                        select distinct p.prosrc from pg_trigger t join pg_proc p on p.oid = t.tgfoid
                        where t.tgrelid = 'usage_daily'::regclass and not t.tgisinternal""").getValues(0, String.class);
        assertThat(bodies).as("the functions of usage_daily's triggers").isNotEmpty();
        for (String body : bodies) {
            // every list of the sums in the function, each a run of one pattern
            assertListsOfTheSums(body, "n\\.(\\w+) - o\\.\\1 as \\1", "an update's differences");
            assertListsOfTheSums(body, "sign \\* (\\w+) as \\1", "the signed changes");
            assertListsOfTheSums(body, "sum\\((\\w+)\\)", "the sums per narrow rollup");
            assertListsOfTheSums(body, "(\\w+) = m\\.\\1 \\+ excluded\\.\\1", "the upserts' additions");
            assertListsOfTheSums(body, "m\\.(\\w+) = 0", "the emptied narrow rows");
        }
    }

    private void assertListsOfTheSums(String body, String pattern, String what) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(pattern).matcher(body);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        int size = RollupSums.COLUMNS.size();
        assertThat(found).as("%s in the trigger function", what).isNotEmpty();
        assertThat(found.size() % size)
                .as("%s in the trigger function: %s, lists of the %s rollup sums", what, found, size)
                .isZero();
        for (int i = 0; i < found.size(); i += size) {
            assertThat(found.subList(i, i + size))
                    .as("%s in the trigger function", what)
                    .isEqualTo(RollupSums.COLUMNS);
        }
    }

    private List<String> columns(String table) {
        return dsl.fetch(
                        "select column_name from information_schema.columns where table_schema = 'public'"
                                + " and table_name = ? order by ordinal_position",
                        table)
                .getValues(0, String.class);
    }
}
