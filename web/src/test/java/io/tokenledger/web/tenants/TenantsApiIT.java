package io.tokenledger.web.tenants;

import static io.tokenledger.web.testing.Usage.event;
import static io.tokenledger.web.testing.Usage.recently;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.Usage;
import io.tokenledger.web.testing.WebClient;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Tenants, mapping rules and budgets through the HTTP API of API.md. */
@TokenLedgerServerTest
class TenantsApiIT {

    @LocalServerPort
    int port;

    private WebClient api;

    @BeforeEach
    void noData() {
        WebClient.clearData();
        api = WebClient.admin(port);
    }

    @Test
    void aTenantIsCreatedThenUpdatedAndUnassignedIsAlwaysListed() {
        WebClient.Reply<String> created = api.postJson(
                "/api/v1/tenants",
                "{\"key\":\"acme\",\"name\":\"Acme Corp\",\"costCenter\":\"CC-100\",\"ownerEmail\":\"ana@acme.example\"}");
        WebClient.Reply<String> updated =
                api.postJson("/api/v1/tenants", "{\"key\":\"acme\",\"name\":\"ACME\",\"costCenter\":\"CC-200\"}");

        assertThat(created.status()).as(created::toString).isEqualTo(201);
        assertThat(created.json().path("ownerEmail").asString()).isEqualTo("ana@acme.example");
        assertThat(updated.status()).as(updated::toString).isEqualTo(200);
        JsonNode items = api.get("/api/v1/tenants").json();
        assertThat(items.valueStream().map(item -> item.path("key").asString()).toList())
                .containsExactly("acme", "unassigned");
        JsonNode acme = items.get(0);
        assertThat(acme.path("name").asString()).isEqualTo("ACME");
        assertThat(acme.path("costCenter").asString()).isEqualTo("CC-200");
        assertThat(acme.path("spend").asString()).isEqualTo("0");
        assertThat(acme.path("spendPeriod").asString())
                .isEqualTo(Usage.thisMonth().toString());
    }

    @Test
    void anInvalidOwnerEmailIsRefusedWith422NamingTheField() {
        WebClient.Reply<String> reply =
                api.postJson("/api/v1/tenants", "{\"key\":\"acme\",\"ownerEmail\":\"not an address\"}");

        assertThat(reply.status()).as(reply::toString).isEqualTo(422);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("field").asString()).isEqualTo("ownerEmail");
    }

    @Test
    void aNewMappingRuleMovesUnassignedUsageToItsTenantAndTheLedgerTotalStaysTheSame() {
        Usage.priceTenPerMillion(api);
        api.postJson("/api/v1/tenants", "{\"key\":\"acme\",\"name\":\"Acme Corp\"}");
        Usage.ingest(
                api,
                event("p1", null, recently(), 100_000, "\"productId\":\"aoai-acme\""),
                event("p2", null, recently(), 50_000, "\"productId\":\"aoai-acme\""),
                event("other", null, recently(), 10_000, "\"productId\":\"aoai-other\""));
        JsonNode before = api.get(ledger()).json();
        assertThat(costOf(before, "unassigned")).isEqualTo("1.6");

        WebClient.Reply<String> added = api.postJson(
                "/api/v1/tenant-mappings",
                "{\"field\":\"productId\",\"match\":\"exact\",\"pattern\":\"aoai-acme\",\"tenant\":\"acme\",\"priority\":10}");

        assertThat(added.status()).as(added::toString).isEqualTo(201);
        assertThat(added.json().path("reattributed").path("events").asLong()).isEqualTo(2);
        JsonNode after = api.get(ledger()).json();
        assertThat(after.path("total").asString())
                .isEqualTo(before.path("total").asString())
                .isEqualTo("1.6");
        assertThat(costOf(after, "acme")).isEqualTo("1.5");
        assertThat(costOf(after, "unassigned")).isEqualTo("0.1");
        assertThat(api.get("/api/v1/tenant-mappings")
                        .json()
                        .get(0)
                        .path("pattern")
                        .asString())
                .isEqualTo("aoai-acme");

        WebClient.Reply<String> removed =
                api.delete("/api/v1/tenant-mappings/" + added.json().path("id").asLong());

        assertThat(removed.status()).as(removed::toString).isEqualTo(200);
        assertThat(costOf(api.get(ledger()).json(), "unassigned")).isEqualTo("1.6");
        assertThat(api.get("/api/v1/tenant-mappings").json()).isEmpty();
    }

    @Test
    void mappingRulesAreValidatedField422ForUnknownTenant409ForADuplicate() {
        api.postJson("/api/v1/tenants", "{\"key\":\"acme\"}");
        String rule = "{\"field\":\"userId\",\"match\":\"regex\",\"pattern\":\"^ana@\",\"tenant\":\"acme\"}";
        assertThat(api.postJson("/api/v1/tenant-mappings", rule).status()).isEqualTo(201);

        WebClient.Reply<String> duplicate = api.postJson("/api/v1/tenant-mappings", rule);
        WebClient.Reply<String> unknownTenant = api.postJson(
                "/api/v1/tenant-mappings",
                "{\"field\":\"userId\",\"match\":\"exact\",\"pattern\":\"x\",\"tenant\":\"nobody\"}");
        WebClient.Reply<String> badRegex = api.postJson(
                "/api/v1/tenant-mappings",
                "{\"field\":\"userId\",\"match\":\"regex\",\"pattern\":\"(\",\"tenant\":\"acme\"}");

        assertThat(duplicate.status()).as(duplicate::toString).isEqualTo(409);
        assertThat(unknownTenant.status()).as(unknownTenant::toString).isEqualTo(422);
        assertThat(unknownTenant.json().path("field").asString()).isEqualTo("tenant");
        assertThat(badRegex.status()).as(badRegex::toString).isEqualTo(422);
        assertThat(badRegex.json().path("field").asString()).isEqualTo("pattern");
        assertThat(api.delete("/api/v1/tenant-mappings/999").status()).isEqualTo(404);
    }

    @Test
    void aBudgetIsSetPerTenantAndPerCostCenter() {
        api.postJson("/api/v1/tenants", "{\"key\":\"acme\",\"costCenter\":\"CC-100\"}");

        WebClient.Reply<String> tenantBudget = api.put(
                "/api/v1/tenants/acme/budget", "{\"monthly\":\"500.00\",\"steps\":[50,80,100],\"daily\":\"50.00\"}");
        WebClient.Reply<String> costCenterBudget =
                api.put("/api/v1/cost-centers/CC-100/budget", "{\"monthly\":\"2000\"}");

        assertThat(tenantBudget.status()).as(tenantBudget::toString).isEqualTo(200);
        assertThat(tenantBudget.json().path("monthly").asString()).isEqualTo("500");
        assertThat(tenantBudget.json().path("daily").asString()).isEqualTo("50");
        assertThat(costCenterBudget.status()).as(costCenterBudget::toString).isEqualTo(200);
        assertThat(costCenterBudget
                        .json()
                        .path("steps")
                        .valueStream()
                        .map(JsonNode::asInt)
                        .toList())
                .isEqualTo(List.of(50, 80, 100));
        assertThat(api.get("/api/v1/tenants/acme")
                        .json()
                        .path("budget")
                        .path("monthly")
                        .asString())
                .isEqualTo("500");
    }

    @Test
    void anInvalidBudgetIsRefusedNamingTheFieldAndAnUnknownTenantIs404() {
        api.postJson("/api/v1/tenants", "{\"key\":\"acme\"}");

        WebClient.Reply<String> negative = api.put("/api/v1/tenants/acme/budget", "{\"monthly\":\"-5\"}");
        WebClient.Reply<String> badSteps =
                api.put("/api/v1/tenants/acme/budget", "{\"monthly\":\"5\",\"steps\":[0,80]}");
        WebClient.Reply<String> notANumber = api.put("/api/v1/tenants/acme/budget", "{\"daily\":\"fifty\"}");
        WebClient.Reply<String> unknown = api.put("/api/v1/tenants/nobody/budget", "{\"monthly\":\"5\"}");

        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().path("field").asString()).isEqualTo("monthly");
        assertThat(badSteps.json().path("field").asString()).isEqualTo("steps");
        assertThat(notANumber.status()).as(notANumber::toString).isEqualTo(422);
        assertThat(notANumber.json().path("detail").asString()).contains("daily");
        assertThat(unknown.status()).isEqualTo(404);
    }

    private static String ledger() {
        return "/api/v1/ledger?from=" + Usage.thisMonth().atDay(1) + "&to="
                + Usage.thisMonth().atEndOfMonth() + "&groupBy=tenant";
    }

    private static String costOf(JsonNode ledger, String tenant) {
        return ledger.path("rows")
                .valueStream()
                .filter(row -> row.path("tenant").asString().equals(tenant))
                .map(row -> row.path("cost").asString())
                .findFirst()
                .orElse(null);
    }
}
