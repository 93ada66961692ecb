package io.tokenledger.web.testing;

import static io.tokenledger.web.testing.UsageJson.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Two tenants with usage, budgets and rate cards this period, and people to look at them: {@code acme} (what the
 * tenant viewer may see) and {@code globex} (what they may not). Users outlive {@link LedgerData#clear}, so every
 * call creates fresh ones with unique names.
 */
public final class ScopedData {

    public static final String OWN = "acme";
    public static final String OTHER = "globex";
    public static final String PASSWORD = "viewer-password-1";

    private ScopedData() {}

    /** The people of one test: a tenant viewer of {@link #OWN}, a finance user. */
    public record People(String viewer, String finance) {}

    public static People seed(Api admin) {
        LedgerData.clear();
        created(admin.postJson(
                "/api/v1/rate-cards",
                "{\"deployment\":\"gpt-4o\",\"currency\":\"USD\",\"effectiveFrom\":\"2020-01-01\","
                        + "\"promptPer1M\":\"2.50\",\"cachedPromptPer1M\":\"1.25\",\"completionPer1M\":\"10.00\"}"));
        for (String tenant : new String[] {OWN, OTHER}) {
            created(admin.postJson(
                    "/api/v1/tenants",
                    "{\"key\":\"" + tenant + "\",\"name\":\"" + tenant + " Corp\",\"costCenter\":\"CC-" + tenant
                            + "\"}"));
            Reply budget = admin.put(
                    "/api/v1/tenants/" + tenant + "/budget",
                    "{\"monthly\":\"0.000001\",\"steps\":[50,100],\"daily\":\"0.000001\"}");
            assertThat(budget.status()).as(budget::toString).isEqualTo(200);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Reply ingest = admin.postJson(
                "/api/v1/usage-events",
                UsageJson.array(
                        event("own-" + UUID.randomUUID()).tenant(OWN).at(now).tokens(1000, 0, 500, 0),
                        event("other-" + UUID.randomUUID())
                                .tenant(OTHER)
                                .at(now)
                                .tokens(2000, 0, 700, 0)));
        assertThat(ingest.status()).as(ingest::toString).isEqualTo(200);
        assertThat(ingest.json().path("accepted").asInt()).as(ingest::toString).isEqualTo(2);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String viewer = "viewer-" + suffix;
        String finance = "finance-" + suffix;
        created(admin.postJson(
                "/api/v1/users",
                "{\"username\":\"" + viewer + "\",\"password\":\"" + PASSWORD
                        + "\",\"role\":\"TENANT_VIEWER\",\"tenants\":[\"" + OWN + "\"]}"));
        created(admin.postJson(
                "/api/v1/users",
                "{\"username\":\"" + finance + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"FINANCE\"}"));
        return new People(viewer, finance);
    }

    private static void created(Reply reply) {
        assertThat(reply.status()).as(reply::toString).isEqualTo(201);
    }
}
