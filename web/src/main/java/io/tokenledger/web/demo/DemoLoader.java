package io.tokenledger.web.demo;

import io.tokenledger.db.RejectedException;
import io.tokenledger.ingest.IngestPipeline;
import io.tokenledger.ingest.IngestResult;
import io.tokenledger.ingest.format.ParsedRecord;
import io.tokenledger.ingest.format.UsageEvent;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import io.tokenledger.pricing.RateCards;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --tokenledger.demo=true}: publishes rate cards for the demo deployments (all but one, to show unpriced
 * usage) and ingests the last 31 days of synthetic traffic through the real pipeline. Safe to repeat.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("tokenledger.demo")
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private static final int WEEKDAY_REQUESTS = 1_500;
    private static final int DAYS = 31;

    private final RateCards rateCards;
    private final IngestPipeline pipeline;
    private final BusinessCalendar calendar;

    DemoLoader(RateCards rateCards, IngestPipeline pipeline, BusinessCalendar calendar) {
        this.rateCards = rateCards;
        this.pipeline = pipeline;
        this.calendar = calendar;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = calendar.today();
        LocalDate first = today.minusDays(DAYS - 1);
        publishRateCards(first.withDayOfMonth(1).minusMonths(1));
        int accepted = 0;
        int total = 0;
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            List<UsageEvent> events = DemoTraffic.day(day, WEEKDAY_REQUESTS);
            List<ParsedRecord> records = events.stream()
                    .<ParsedRecord>map(event -> new ParsedRecord.Valid(0, event.id(), event))
                    .toList();
            IngestResult result = pipeline.ingest("demo", records);
            accepted += result.accepted();
            total += events.size();
        }
        log.info(
                "Demo data: {} synthetic events from {} to {} ({} new), rate cards for all demo deployments but"
                        + " llama-3-70b",
                total,
                first,
                today,
                accepted);
    }

    private void publishRateCards(LocalDate effectiveFrom) {
        String currency = rateCards.reportingCurrency();
        publish("gpt-4o", currency, effectiveFrom, "2.50", "1.25", "10.00");
        publish("gpt-4o-mini", currency, effectiveFrom, "0.15", "0.075", "0.60");
        publish("gpt-4.1", currency, effectiveFrom, "2.00", "0.50", "8.00");
        publish("o3-mini", currency, effectiveFrom, "1.10", "0.55", "4.40");
        publish("text-embedding-3-large", currency, effectiveFrom, "0.13", "0.13", "0");
    }

    private void publish(
            String deployment, String currency, LocalDate from, String prompt, String cached, String completion) {
        try {
            BigDecimal completionPrice = new BigDecimal(completion);
            rateCards.publish(
                    new NewRateCard(
                            deployment,
                            currency,
                            from,
                            new Prices(
                                    new BigDecimal(prompt), new BigDecimal(cached), completionPrice, completionPrice)),
                    "demo");
        } catch (RejectedException e) {
            if (e.reason() != RejectedException.Reason.CONFLICT) {
                throw e;
            }
        }
    }
}
