package io.tokenledger.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.web.testing.WebClient;
import java.util.List;

/**
 * March 2025 through the API: rate cards (one price change mid-month), usage of four tenants, names and cost
 * centers (one name a formula). Tenant names have no API in this version, so they are set with SQL.
 */
final class ReportData {

    static final String PERIOD = "2025-03";
    static final String FORMULA_NAME = "=HYPERLINK(\"http://evil.example\",\"click\")";

    private ReportData() {}

    /** Empties every table but the users (the shared server keeps its admin). */
    static void clear() {
        var dsl = TestDatabase.get().dsl();
        List<String> tables = dsl
                .fetchValues("select tablename from pg_tables where schemaname = 'public'"
                        + " and tablename not in ('flyway_schema_history', 'app_user', 'app_user_tenant')")
                .stream()
                .map(String::valueOf)
                .toList();
        dsl.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
    }

    static void load(WebClient api) {
        clear();
        card(api, "gpt-4o", "2020-01-01", "2.50", "1.25", "10.00");
        card(api, "gpt-4o", "2025-03-16", "2.00", "1.00", "8.00");
        card(api, "gpt-4o-mini", "2020-01-01", "0.15", "0.075", "0.60");
        String events = String.join(
                "\n",
                event("a1", "acme", "gpt-4o", "2025-03-01T08:00:00Z", 1_234_567, 345_678),
                event("a2", "acme", "gpt-4o", "2025-03-20T08:00:00Z", 1000, 200),
                event("a3", "acme", "gpt-4o-mini", "2025-03-10T08:00:00Z", 3333, 1111),
                event("g1", "globex", "gpt-4o", "2025-03-05T23:59:59Z", 300_000_000, 50_000_123),
                event("g2", "globex", "llama-3-70b", "2025-03-06T00:00:00Z", 1000, 200),
                event("i1", "initech", "gpt-4o-mini", "2025-03-31T23:00:00Z", 7, 3),
                event("u1", "unassigned", "gpt-4o", "2025-03-12T10:00:00Z", 999, 1),
                event("apr", "acme", "gpt-4o", "2025-04-01T00:00:00Z", 1_000_000, 0));
        WebClient.Reply<String> reply = api.postJson("/api/v1/usage-events", "[" + events.replace("\n", ",") + "]");
        assertThat(reply.json().path("accepted").asInt()).as(reply::toString).isEqualTo(8);
        name("acme", "Acme Corp", "CC-100");
        name("globex", FORMULA_NAME, "CC-100");
        name("initech", "Initech", "CC-200");
    }

    private static void card(
            WebClient api, String deployment, String from, String prompt, String cached, String completion) {
        WebClient.Reply<String> reply =
                api.postJson("/api/v1/rate-cards", """
                {"deployment":"%s","currency":"USD","effectiveFrom":"%s","promptPer1M":"%s",\
                "cachedPromptPer1M":"%s","completionPer1M":"%s"}""".formatted(deployment, from, prompt, cached, completion));
        assertThat(reply.status()).as(reply::toString).isEqualTo(201);
    }

    private static String event(
            String id, String tenant, String deployment, String time, long prompt, long completion) {
        return """
                {"id":"%s","time":"%s","tenant":"%s","deployment":"%s","promptTokens":%d,"completionTokens":%d}""".formatted(id, time, tenant, deployment, prompt, completion);
    }

    private static void name(String tenant, String name, String costCenter) {
        int updated = TestDatabase.get()
                .dsl()
                .execute("update tenant set name = ?, cost_center = ? where tenant_key = ?", name, costCenter, tenant);
        assertThat(updated).isEqualTo(1);
    }
}
