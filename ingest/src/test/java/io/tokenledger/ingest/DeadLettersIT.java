package io.tokenledger.ingest;

import static io.tokenledger.ingest.UsageEventFixture.batch;
import static io.tokenledger.ingest.UsageEventFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.tokenledger.db.jooq.tables.records.DeadLetterRecord;
import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.db.testing.UsesTestDatabase;
import io.tokenledger.ingest.DeadLetters.ReplayOutcome;
import io.tokenledger.ingest.IngestResult.IngestError;
import io.tokenledger.ingest.format.ParsedRecord;
import io.tokenledger.ingest.format.PayloadException;
import io.tokenledger.ingest.format.UsagePayloadParser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/** Rejected input is kept with its raw text and reason, and a replay ingests it exactly once. */
@SpringBootTest
@UsesTestDatabase
class DeadLettersIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate NOV_3 = LocalDate.parse("2026-11-03");

    private final IngestPipeline pipeline;
    private final DeadLetters deadLetters;
    private final UsagePayloadParser parser;
    private final Ledger ledger;

    @Autowired
    DeadLettersIT(IngestPipeline pipeline, DeadLetters deadLetters, UsagePayloadParser parser, DSLContext dsl) {
        this.pipeline = pipeline;
        this.deadLetters = deadLetters;
        this.parser = parser;
        this.ledger = new Ledger(dsl);
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.get().reset();
    }

    @Test
    void invalidRecordsBecomeDeadLettersWithRawPayloadAndReason() {
        String noDeployment = """
                {"id":"bad-1","time":"2026-11-03T10:00:00Z","promptTokens":10}""";
        String cachedTooLarge = """
                {"id":"bad-2","time":"2026-11-03T10:00:00Z","deployment":"gpt-4o","promptTokens":10,\
                "cachedPromptTokens":20}""";
        String body = "[" + event().id("ok-1").json() + "," + noDeployment + ","
                + event().id("ok-2").json() + "," + cachedTooLarge + "]";

        IngestResult result = pipeline.ingest("http", parse(body));

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.rejected()).isEqualTo(2);
        assertThat(result.errors())
                .extracting(IngestError::index, IngestError::field)
                .containsExactly(tuple(1, "deployment"), tuple(3, "cachedPromptTokens"));
        assertThat(ledger.eventCount()).isEqualTo(2);
        assertThat(ledger.daily(NOV_3, "acme", "gpt-4o", "gpt-4o-2024-08-06").getRequests())
                .isEqualTo(2L);

        List<DeadLetterRecord> letters = ledger.deadLetters();
        assertThat(letters).hasSize(2);
        DeadLetterRecord first = letters.get(0);
        assertThat(first.getSource()).isEqualTo("http");
        assertThat(first.getItemIndex()).isEqualTo(1);
        assertThat(first.getEventId()).isEqualTo("bad-1");
        assertThat(first.getField()).isEqualTo("deployment");
        assertThat(first.getReason()).startsWith("deployment: ").contains("required");
        assertThat(JSON.readTree(first.getRawPayload())).isEqualTo(JSON.readTree(noDeployment));
        assertThat(first.getReplayedAt()).isNull();
        DeadLetterRecord second = letters.get(1);
        assertThat(second.getItemIndex()).isEqualTo(3);
        assertThat(second.getEventId()).isEqualTo("bad-2");
        assertThat(second.getField()).isEqualTo("cachedPromptTokens");
        assertThat(second.getReason()).startsWith("cachedPromptTokens: ").contains("promptTokens");
        assertThat(JSON.readTree(second.getRawPayload())).isEqualTo(JSON.readTree(cachedTooLarge));
    }

    @Test
    void recordWithSeveralProblemsIsOneDeadLetterNamingEveryField() {
        String body = """
                {"id":"bad","time":"yesterday","deployment":"gpt-4o","promptTokens":-5}""";

        IngestResult result = pipeline.ingest("http", parse(body));

        assertThat(result.rejected()).isEqualTo(1);
        assertThat(result.errors()).extracting(IngestError::field).containsExactlyInAnyOrder("time", "promptTokens");
        DeadLetterRecord letter = ledger.deadLetters().getFirst();
        assertThat(letter.getField().split(",")).containsExactlyInAnyOrder("time", "promptTokens");
        assertThat(letter.getReason()).contains("time: ").contains("promptTokens: ");
        assertThat(letter.getRawPayload()).isEqualTo(body);
        assertThat(ledger.eventCount()).isZero();
    }

    @Test
    void rejectPayloadKeepsTheWholeBody() {
        String body = "[" + event().id("a").json() + ",\n  " + event().id("b").json() + ",\n  {\"id\":\"c\", \"ti";
        String reason =
                catchThrowableOfType(PayloadException.class, () -> parse(body)).getMessage();

        pipeline.rejectPayload("eventhubs", body, reason);

        List<DeadLetterRecord> letters = ledger.deadLetters();
        assertThat(letters).hasSize(1);
        DeadLetterRecord letter = letters.getFirst();
        assertThat(letter.getRawPayload()).isEqualTo(body);
        assertThat(letter.getReason()).isEqualTo(reason).isNotBlank();
        assertThat(letter.getSource()).isEqualTo("eventhubs");
        assertThat(letter.getItemIndex()).isNull();
        assertThat(letter.getEventId()).isNull();
        assertThat(ledger.eventCount()).isZero();
    }

    @Test
    void deadLetterReplayIngestsOnceFixedAndMarksItReplayed() {
        // the source could not store a valid batch (say the database was failing over) and kept it instead
        String body = "[" + event().id("r1").json() + "," + event().id("r2").json() + "]";
        pipeline.rejectPayload("eventhubs", body, "db was down");
        long id = ledger.deadLetters().getFirst().getDeadLetterId();

        ReplayOutcome outcome = deadLetters.replay(id).orElseThrow();

        assertThat(outcome.replayed()).isTrue();
        assertThat(outcome.result().accepted()).isEqualTo(2);
        assertThat(ledger.event("r1").getSource()).isEqualTo("replay:eventhubs");
        assertThat(ledger.deadLetters().getFirst().getReplayedAt()).isNotNull();
        assertThat(deadLetters.page(null, 10, false)).isEmpty();
        assertThat(deadLetters.page(null, 10, true)).hasSize(1);

        ReplayOutcome again = deadLetters.replay(id).orElseThrow();

        assertThat(again.replayed()).isTrue();
        assertThat(again.result().accepted()).isZero();
        assertThat(ledger.eventCount()).isEqualTo(2);
        assertThat(ledger.daily(NOV_3, "acme", "gpt-4o", "gpt-4o-2024-08-06").getRequests())
                .isEqualTo(2L);
    }

    @Test
    void replayOfAnEventStoredMeanwhileCountsItAsDuplicate() {
        pipeline.rejectPayload("http", event().id("r1").json(), "timeout");
        long id = ledger.deadLetters().getFirst().getDeadLetterId();
        // the sender retried, and the retry got through
        pipeline.ingest("http", batch(event().id("r1")));

        ReplayOutcome outcome = deadLetters.replay(id).orElseThrow();

        assertThat(outcome.replayed()).isTrue();
        assertThat(outcome.result().accepted()).isZero();
        assertThat(outcome.result().duplicates()).isEqualTo(1);
        assertThat(ledger.daily(NOV_3, "acme", "gpt-4o", "gpt-4o-2024-08-06").getRequests())
                .isEqualTo(1L);
        assertThat(ledger.deadLetters().getFirst().getReplayedAt()).isNotNull();
    }

    @Test
    void replayOfAStillInvalidRecordWritesNothing() {
        pipeline.ingest("http", parse("""
                {"id":"bad","time":"2026-11-03T10:00:00","deployment":"gpt-4o","promptTokens":10}"""));
        long id = ledger.deadLetters().getFirst().getDeadLetterId();

        ReplayOutcome outcome = deadLetters.replay(id).orElseThrow();

        assertThat(outcome.replayed()).isFalse();
        assertThat(outcome.result().accepted()).isZero();
        assertThat(outcome.result().rejected()).isEqualTo(1);
        assertThat(outcome.result().errors()).extracting(IngestError::field).containsExactly("time");
        assertThat(ledger.eventCount()).isZero();
        assertThat(ledger.dailyRows()).isEmpty();
        assertThat(ledger.deadLetters()).hasSize(1);
        assertThat(ledger.deadLetters().getFirst().getReplayedAt()).isNull();
    }

    @Test
    void replayOfAnUnknownDeadLetterFindsNothing() {
        assertThat(deadLetters.replay(424242)).isEmpty();
    }

    private List<ParsedRecord> parse(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), "application/json");
    }
}
