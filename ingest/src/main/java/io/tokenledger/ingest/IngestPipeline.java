package io.tokenledger.ingest;

import io.tokenledger.ingest.IngestResult.IngestError;
import io.tokenledger.ingest.format.FieldError;
import io.tokenledger.ingest.format.ParsedRecord;
import io.tokenledger.ingest.format.UsageEvent;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.DeploymentPriceLock;
import io.tokenledger.pricing.PriceBook;
import io.tokenledger.pricing.RateCard;
import io.tokenledger.pricing.RateCards;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one ingest pipeline every source calls: validated records are deduplicated by id, charged to a tenant (by the
 * mapping rules, in SQL), priced with the rate-card version in force on their business day and written with their
 * daily rollups (usage of a closed billing period becomes a late-usage adjustment in the open one); rejected records
 * become dead letters. {@link LedgerChanged} announces whose spend changed. All of it in the caller's transaction (or a new one), so a source can
 * commit its own checkpoint together with the ledger change.
 */
@Service
public class IngestPipeline {

    private final RateCards rateCards;
    private final DeploymentPriceLock priceLock;
    private final BusinessCalendar calendar;
    private final UsageEventWriter writer;
    private final LedgerLocks ledgerLocks;
    private final ApplicationEventPublisher ledgerEvents;
    private final DeadLetterRepository deadLetters;

    IngestPipeline(
            RateCards rateCards,
            DeploymentPriceLock priceLock,
            BusinessCalendar calendar,
            UsageEventWriter writer,
            LedgerLocks ledgerLocks,
            ApplicationEventPublisher ledgerEvents,
            DeadLetterRepository deadLetters) {
        this.rateCards = rateCards;
        this.priceLock = priceLock;
        this.calendar = calendar;
        this.writer = writer;
        this.ledgerLocks = ledgerLocks;
        this.ledgerEvents = ledgerEvents;
        this.deadLetters = deadLetters;
    }

    /**
     * Ingests the records of one batch from {@code source} (e.g. {@code http}).
     *
     * @return accepted, duplicate and rejected counts with the errors of the rejected records
     */
    @Transactional
    public IngestResult ingest(String source, List<ParsedRecord> records) {
        List<IngestError> errors = new ArrayList<>();
        List<NewDeadLetter> rejected = new ArrayList<>();
        Map<String, ParsedRecord.Valid> firstById = LinkedHashMap.newLinkedHashMap(records.size());
        int duplicatesInBatch = 0;
        for (ParsedRecord record : records) {
            switch (record) {
                case ParsedRecord.Invalid invalid -> {
                    invalid.errors()
                            .forEach(error ->
                                    errors.add(new IngestError(invalid.index(), error.field(), error.reason())));
                    rejected.add(deadLetterOf(source, invalid));
                }
                case ParsedRecord.Valid valid -> {
                    if (firstById.putIfAbsent(valid.event().id(), valid) != null) {
                        duplicatesInBatch++;
                    }
                }
            }
        }
        int accepted = store(
                source,
                firstById.values().stream().map(ParsedRecord.Valid::event).toList());
        deadLetters.insert(rejected);
        int duplicates = duplicatesInBatch + (firstById.size() - accepted);
        ledgerEvents.publishEvent(new BatchIngested(source, accepted, duplicates, rejected.size()));
        return new IngestResult(accepted, duplicates, rejected.size(), errors);
    }

    /** Keeps a payload that could not be read at all (malformed, empty, too deep) as one dead letter. */
    @Transactional
    public void rejectPayload(String source, String raw, String reason) {
        deadLetters.insert(List.of(new NewDeadLetter(source, null, null, null, reason, raw)));
    }

    private int store(String source, List<UsageEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        Set<String> deployments =
                events.stream().map(UsageEvent::deployment).collect(Collectors.toCollection(HashSet::new));
        priceLock.lockForPricing(deployments);
        PriceBook prices = rateCards.priceBook(deployments);
        List<StagedEvent> staged = new ArrayList<>(events.size());
        YearMonth openPeriod = calendar.currentPeriod();
        Set<YearMonth> periods = new HashSet<>();
        periods.add(openPeriod);
        LocalDate previousDay = null;
        for (UsageEvent event : events) {
            LocalDate day = calendar.dayOf(event.time());
            if (!day.equals(previousDay)) {
                // events come in time order mostly: a period per change of day, not per event
                periods.add(YearMonth.of(day.getYear(), day.getMonth()));
                previousDay = day;
            }
            Long rateCardId = prices.inForce(event.deployment(), event.model(), day)
                    .map(RateCard::id)
                    .orElse(null);
            staged.add(new StagedEvent(event, source, day, rateCardId));
        }
        ledgerLocks.lockForWriting(periods);
        UsageEventWriter.Written written = writer.write(staged, openPeriod);
        if (written.accepted() > 0) {
            ledgerEvents.publishEvent(LedgerChanged.of(written.touched(), openPeriod));
        }
        return written.accepted();
    }

    private static NewDeadLetter deadLetterOf(String source, ParsedRecord.Invalid invalid) {
        String fields =
                invalid.errors().stream().map(FieldError::field).distinct().collect(Collectors.joining(","));
        String reason = invalid.errors().stream()
                .map(error -> error.field().isEmpty() ? error.reason() : error.field() + ": " + error.reason())
                .collect(Collectors.joining("; "));
        return new NewDeadLetter(source, invalid.index(), invalid.eventId(), fields, reason, invalid.raw());
    }
}
