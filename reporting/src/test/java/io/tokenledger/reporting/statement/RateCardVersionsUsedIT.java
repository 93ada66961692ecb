package io.tokenledger.reporting.statement;

import static io.tokenledger.reporting.UsageFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.pricing.RateCard;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.reporting.FixedTodayTest;
import io.tokenledger.reporting.ReportingData;
import io.tokenledger.reporting.ledger.TenantScope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "Priced with version X" for the dashboard: the versions that priced a tenant's usage, per deployment. */
class RateCardVersionsUsedIT extends FixedTodayTest {

    @Autowired
    ReportingData data;

    @Autowired
    RateCards rateCards;

    @Autowired
    RateCardVersionsUsed versionsUsed;

    @Test
    void eachDeploymentNamesTheVersionsThatPricedItsDaysWithUsage() {
        TestDatabase.get().reset();
        data.price("gpt-4o", "2026-01-01", "10", "10", "10");
        data.price("gpt-4o", "2026-10-15", "8", "8", "8");
        data.ingest(
                event("a").at("2026-10-02T10:00:00Z"),
                event("b").at("2026-10-20T10:00:00Z"),
                event("c").deployment("llama").at("2026-10-20T10:00:00Z"),
                event("d").tenant("beta").at("2026-10-03T10:00:00Z"));
        List<Long> ids = rateCards.all().stream().map(RateCard::id).sorted().toList();

        Map<String, List<String>> acme = versionsUsed.versionsByDeployment(OCTOBER, "acme");
        Map<String, List<String>> beta = versionsUsed.versionsByDeployment(OCTOBER, "beta");

        assertThat(acme)
                .containsEntry("gpt-4o", List.of("#" + ids.get(0), "#" + ids.get(1)))
                .containsEntry("llama", List.of("none"));
        assertThat(beta).containsOnly(Map.entry("gpt-4o", List.of("#" + ids.get(0))));
        assertThat(versionsUsed.inPeriod(OCTOBER, TenantScope.only(List.of("beta"))))
                .extracting(RateCardUse::version)
                .containsExactly("#" + ids.get(0), "#" + ids.get(1));
    }
}
