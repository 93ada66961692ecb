package io.tokenledger.ingest;

import io.tokenledger.ingest.format.FallbackIds;
import io.tokenledger.ingest.format.ParsedRecord;
import io.tokenledger.ingest.format.PayloadException;
import io.tokenledger.ingest.format.UsagePayloadParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rejected input: listing it and replaying it once its cause has been fixed. */
@Service
public class DeadLetters {

    static final String REPLAY_SOURCE_PREFIX = "replay:";

    private final DeadLetterRepository repository;
    private final UsagePayloadParser parser;
    private final IngestPipeline pipeline;

    DeadLetters(DeadLetterRepository repository, UsagePayloadParser parser, IngestPipeline pipeline) {
        this.repository = repository;
        this.parser = parser;
        this.pipeline = pipeline;
    }

    /** Newest first; {@code before} is the id of the last one already shown (keyset paging). */
    @Transactional(readOnly = true)
    public List<DeadLetter> page(Long before, int limit, boolean includeReplayed) {
        return repository.page(before, limit, includeReplayed);
    }

    /**
     * Keeps input that a source rejected before it reached {@link IngestPipeline#ingest} (a message that could not
     * be read, records that failed validation), with where it was in its stream. Joins the caller's transaction, so
     * a stream source commits its dead letters with its checkpoint; the same position is kept only once.
     */
    @Transactional
    public void keep(List<NewDeadLetter> letters) {
        repository.insert(letters);
    }

    /** Dead letters received since {@code since} that have not been replayed. */
    @Transactional(readOnly = true)
    public int countWaitingSince(Instant since) {
        return repository.countWaitingSince(since);
    }

    /**
     * Runs a dead letter's raw payload through the pipeline again. When every record in it is now valid it is
     * ingested (an id stored meanwhile counts as a duplicate) and the dead letter is marked replayed; otherwise
     * nothing is written and the current errors are returned.
     *
     * @return empty when there is no dead letter with this id
     */
    @Transactional
    public Optional<ReplayOutcome> replay(long id) {
        return repository.find(id).map(this::replay);
    }

    private ReplayOutcome replay(DeadLetter letter) {
        if (letter.replayedAt() != null) {
            return new ReplayOutcome(letter.id(), true, new IngestResult(0, 0, 0, List.of()));
        }
        List<ParsedRecord> records;
        try {
            // a record that had no id of its own was given one from its stream position: keep it on replay
            FallbackIds storedId = letter.eventId() == null ? null : (index, count) -> letter.eventId();
            records = parser.parse(letter.rawPayload().getBytes(StandardCharsets.UTF_8), "application/json", storedId);
        } catch (PayloadException e) {
            return new ReplayOutcome(
                    letter.id(),
                    false,
                    new IngestResult(0, 0, 1, List.of(new IngestResult.IngestError(0, "", e.getMessage()))));
        }
        List<IngestResult.IngestError> errors = records.stream()
                .filter(ParsedRecord.Invalid.class::isInstance)
                .map(ParsedRecord.Invalid.class::cast)
                .flatMap(invalid -> invalid.errors().stream()
                        .map(error -> new IngestResult.IngestError(invalid.index(), error.field(), error.reason())))
                .toList();
        if (!errors.isEmpty()) {
            int rejected = (int) records.stream()
                    .filter(ParsedRecord.Invalid.class::isInstance)
                    .count();
            return new ReplayOutcome(letter.id(), false, new IngestResult(0, 0, rejected, errors));
        }
        IngestResult result = pipeline.ingest(REPLAY_SOURCE_PREFIX + letter.source(), records);
        repository.markReplayed(letter.id());
        return new ReplayOutcome(letter.id(), true, result);
    }

    /** @param replayed true when the dead letter is now ingested (also when it had been before) */
    public record ReplayOutcome(long deadLetterId, boolean replayed, IngestResult result) {}
}
