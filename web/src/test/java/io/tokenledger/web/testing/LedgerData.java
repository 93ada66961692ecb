package io.tokenledger.web.testing;

import io.tokenledger.db.testing.TestDatabase;
import java.util.List;

/**
 * Empties the test database between tests, all but the users: the application creates {@code admin} only when it
 * starts with an empty user table, and the shared server starts once per suite.
 */
public final class LedgerData {

    private LedgerData() {}

    public static void clear() {
        var dsl = TestDatabase.get().dsl();
        List<String> tables = dsl
                .fetchValues("select tablename from pg_tables where schemaname = 'public'"
                        + " and tablename not in ('flyway_schema_history', 'app_user', 'app_user_tenant')")
                .stream()
                .map(String::valueOf)
                .toList();
        if (!tables.isEmpty()) {
            dsl.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
        }
    }
}
