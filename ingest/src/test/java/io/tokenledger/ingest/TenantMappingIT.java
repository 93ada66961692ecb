package io.tokenledger.ingest;

import static io.tokenledger.ingest.UsageEventFixture.batch;
import static io.tokenledger.ingest.UsageEventFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenledger.db.RejectedException;
import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.db.testing.UsesTestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Mapping rules decide the tenant of each event as it is written: any field, exact, prefix or regex, priorities. */
@SpringBootTest
@UsesTestDatabase
class TenantMappingIT {

    private final IngestPipeline pipeline;
    private final TenantMappingRules rules;
    private final Tenants tenants;
    private final Ledger ledger;

    @Autowired
    TenantMappingIT(IngestPipeline pipeline, TenantMappingRules rules, Tenants tenants, DSLContext dsl) {
        this.pipeline = pipeline;
        this.rules = rules;
        this.tenants = tenants;
        this.ledger = new Ledger(dsl);
    }

    @BeforeEach
    void tenantsWithoutRules() {
        TestDatabase.get().reset();
        for (String key : new String[] {"acme", "globex", "initech", "umbrella", "hooli", "wayne"}) {
            tenants.save(new Tenant(key, null, null));
        }
    }

    @Test
    void aRuleOnAnyFieldChargesTheEventToItsTenant() {
        rule("subscriptionName", "exact", "tenant-acme", "acme", 10);
        rule("productId", "prefix", "globex-", "globex", 10);
        rule("userId", "regex", "@initech\\.example$", "initech", 10);
        rule("appId", "exact", "umbrella-bot", "umbrella", 10);
        rule("attributes.team", "exact", "search", "hooli", 10);
        rule("subscriptionId", "exact", "sub-0042", "wayne", 10);

        pipeline.ingest(
                "http",
                batch(
                        anonymous("by-subscription-name").subscription("sub-1", "tenant-acme"),
                        anonymous("by-product-prefix").product("globex-premium"),
                        anonymous("by-user-regex").user("ana@initech.example"),
                        anonymous("by-app").app("umbrella-bot"),
                        anonymous("by-attribute").attribute("team", "search"),
                        anonymous("by-subscription-id").subscription("sub-0042", null)));

        assertThat(ledger.event("by-subscription-name").getTenantKey()).isEqualTo("acme");
        assertThat(ledger.event("by-product-prefix").getTenantKey()).isEqualTo("globex");
        assertThat(ledger.event("by-user-regex").getTenantKey()).isEqualTo("initech");
        assertThat(ledger.event("by-app").getTenantKey()).isEqualTo("umbrella");
        assertThat(ledger.event("by-attribute").getTenantKey()).isEqualTo("hooli");
        assertThat(ledger.event("by-subscription-id").getTenantKey()).isEqualTo("wayne");
    }

    @Test
    void aRuleOnTheExplicitTenantRenamesIt() {
        rule("tenant", "regex", "^acme-(prod|test)$", "acme", 10);

        pipeline.ingest(
                "http",
                batch(
                        event().id("prod").tenant("acme-prod"),
                        event().id("other").tenant("acme-dev")));

        assertThat(ledger.event("prod").getTenantKey()).isEqualTo("acme");
        assertThat(ledger.event("prod").getTenant()).as("the field as sent").isEqualTo("acme-prod");
        assertThat(ledger.event("other").getTenantKey()).isEqualTo("acme-dev");
    }

    @Test
    void theLowestPriorityNumberWinsAndTheOlderRuleAmongEquals() {
        rule("productId", "prefix", "aoai", "globex", 20);
        rule("userId", "exact", "ana", "acme", 10);
        rule("productId", "exact", "aoai-standard", "initech", 20);

        pipeline.ingest(
                "http",
                batch(
                        anonymous("both").product("aoai-standard").user("ana"),
                        anonymous("product-only").product("aoai-standard")));

        assertThat(ledger.event("both").getTenantKey()).isEqualTo("acme");
        assertThat(ledger.event("product-only").getTenantKey()).isEqualTo("globex");
    }

    @Test
    void withoutAMatchingRuleTheExplicitTenantThenTheSubscriptionThenUnassignedIsCharged() {
        rule("productId", "exact", "aoai-standard", "acme", 10);

        pipeline.ingest(
                "http",
                batch(
                        event().id("explicit").tenant("team-a").product("other"),
                        anonymous("subscription").subscription("sub-1", "tenant-x"),
                        anonymous("nobody")));

        assertThat(ledger.event("explicit").getTenantKey()).isEqualTo("team-a");
        assertThat(ledger.event("subscription").getTenantKey()).isEqualTo("tenant-x");
        assertThat(ledger.event("nobody").getTenantKey()).isEqualTo("unassigned");
        assertThat(tenants.find("unassigned")).isPresent();
    }

    @Test
    void aRegexThatPostgresCannotCompileIsRejectedNamingThePattern() {
        assertThatThrownBy(() -> rule("userId", "regex", "(unclosed", "acme", 10))
                .isInstanceOfSatisfying(RejectedException.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(RejectedException.Reason.INVALID);
                    assertThat(rejected.field()).isEqualTo("pattern");
                });
        assertThat(rules.all()).isEmpty();
    }

    @Test
    void aRuleForATenantThatDoesNotExistOrOnAnUnknownFieldIsRejected() {
        assertThatThrownBy(() -> rule("userId", "exact", "ana", "nobody", 10))
                .isInstanceOfSatisfying(
                        RejectedException.class,
                        rejected -> assertThat(rejected.field()).isEqualTo("tenant"));
        assertThatThrownBy(() -> rule("deployment", "exact", "gpt-4o", "acme", 10))
                .isInstanceOfSatisfying(
                        RejectedException.class,
                        rejected -> assertThat(rejected.field()).isEqualTo("field"));
        assertThatThrownBy(() -> rule("userId", "glob", "a*", "acme", 10))
                .isInstanceOfSatisfying(
                        RejectedException.class,
                        rejected -> assertThat(rejected.field()).isEqualTo("match"));
    }

    @Test
    void theSameRuleTwiceIsAConflict() {
        rule("userId", "exact", "ana", "acme", 10);

        assertThatThrownBy(() -> rule("userId", "exact", "ana", "globex", 5))
                .isInstanceOfSatisfying(
                        RejectedException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectedException.Reason.CONFLICT));
    }

    private void rule(String field, String match, String pattern, String tenant, int priority) {
        rules.add(new NewTenantMappingRule(field, match, pattern, tenant, priority), "test");
    }

    private static UsageEventFixture anonymous(String id) {
        return event().id(id).tenant(null);
    }
}
