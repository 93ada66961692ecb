package io.tokenledger.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.ingest.IngestPipeline;
import io.tokenledger.ingest.IngestResult;
import io.tokenledger.ingest.format.UsagePayloadParser;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import io.tokenledger.pricing.RateCards;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Puts test data in through the modules' own public APIs (rate cards, the ingest pipeline); only tenant names and
 * cost centers, which have no API yet, are written with SQL.
 */
@Component
public class ReportingData {

    private final IngestPipeline pipeline;
    private final RateCards rateCards;

    ReportingData(IngestPipeline pipeline, RateCards rateCards) {
        this.pipeline = pipeline;
        this.rateCards = rateCards;
    }

    public void reset() {
        TestDatabase.get().reset();
    }

    public void ingest(UsageFixture... events) {
        IngestResult result = pipeline.ingest(
                "test",
                new UsagePayloadParser(32)
                        .parse(
                                UsageFixture.ndjson(List.of(events)).getBytes(StandardCharsets.UTF_8),
                                "application/x-ndjson"));
        assertThat(result.accepted()).as("%s", result).isEqualTo(events.length);
    }

    /** Prices per 1M tokens: prompt, cached prompt, completion (reasoning as completion). */
    public void price(String deployment, String effectiveFrom, String prompt, String cached, String completion) {
        rateCards.publish(
                new NewRateCard(
                        deployment,
                        "USD",
                        LocalDate.parse(effectiveFrom),
                        new Prices(
                                new BigDecimal(prompt),
                                new BigDecimal(cached),
                                new BigDecimal(completion),
                                new BigDecimal(completion))),
                "finance@example.com");
    }

    public void name(String tenant, String name, String costCenter) {
        int updated = TestDatabase.get()
                .dsl()
                .execute("update tenant set name = ?, cost_center = ? where tenant_key = ?", name, costCenter, tenant);
        assertThat(updated).as("tenant %s exists", tenant).isEqualTo(1);
    }
}
