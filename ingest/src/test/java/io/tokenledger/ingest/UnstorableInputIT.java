package io.tokenledger.ingest;

import static io.tokenledger.ingest.UsageEventFixture.batch;
import static io.tokenledger.ingest.UsageEventFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.db.testing.UsesTestDatabase;
import io.tokenledger.ingest.IngestResult.IngestError;
import io.tokenledger.ingest.format.ParsedRecord;
import io.tokenledger.ingest.format.UsagePayloadParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Input that the parser lets through but PostgreSQL cannot store as given. One such record must not take its
 * whole batch down: nothing is lost, nothing fails (ARCHITECTURE.md principles 2 and 5).
 */
@SpringBootTest
@UsesTestDatabase
class UnstorableInputIT {

    private static final String ORDINARY = event().id("ordinary").json();
    private static final String REST =
            "\"time\":\"2026-11-03T10:00:00Z\",\"deployment\":\"gpt-4o\",\"promptTokens\":10";

    private final IngestPipeline pipeline;
    private final UsagePayloadParser parser;
    private final Ledger ledger;

    @Autowired
    UnstorableInputIT(IngestPipeline pipeline, UsagePayloadParser parser, DSLContext dsl) {
        this.pipeline = pipeline;
        this.parser = parser;
        this.ledger = new Ledger(dsl);
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.get().reset();
    }

    static Stream<Arguments> recordsTheDatabaseCannotStoreAsGiven() {
        return Stream.of(
                Arguments.of("NUL character in a text field", "userId", """
                        {"id":"odd",%s,"userId":"ana\\u0000@acme"}""".formatted(REST)),
                Arguments.of("NUL character in an attribute", "attributes.team", """
                        {"id":"odd",%s,"attributes":{"team":"a\\u0000b"}}""".formatted(REST)),
                Arguments.of("NUL character in the id", "id", """
                        {"id":"odd\\u0000",%s}""".formatted(REST)),
                Arguments.of("NUL character in an otherwise invalid record's id", "time", """
                        {"id":"odd\\u0000","time":"soon","deployment":"gpt-4o","promptTokens":10}"""),
                Arguments.of(
                        "tenant longer than tenant_key allows (200)", "tenant", """
                        {"id":"odd",%s,"tenant":"%s"}""".formatted(REST, "t".repeat(201))),
                Arguments.of("subscription name longer than tenant_key allows", "subscriptionName", """
                        {"id":"odd",%s,"subscriptionName":"%s"}""".formatted(
                                REST, "s".repeat(300))),
                Arguments.of("year 0, which PostgreSQL does not have", "time", """
                        {"id":"odd","time":"0000-06-01T00:00:00Z","deployment":"gpt-4o","promptTokens":10}"""),
                Arguments.of("five-digit year", "time", """
                        {"id":"odd","time":"+10000-01-01T00:00:00Z","deployment":"gpt-4o","promptTokens":10}"""),
                Arguments.of("token count whose daily sum exceeds bigint", "promptTokens", """
                        {"id":"odd","time":"2026-11-03T10:00:00Z","tenant":"acme","deployment":"gpt-4o",\
                        "model":"gpt-4o-2024-08-06","promptTokens":9223372036854775807}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordsTheDatabaseCannotStoreAsGiven")
    void oneUnstorableRecordDoesNotFailItsBatch(String problem, String field, String odd) {
        List<ParsedRecord> records = parse("[" + ORDINARY + "," + odd + "]", "application/json");

        IngestResult result = pipeline.ingest("http", records);

        assertThat(ledger.event("ordinary").getPromptTokens()).isEqualTo(1000L);
        // the odd record is stored as sent or kept as a dead letter that names the field: never lost
        assertThat(result.accepted() + result.rejected()).isEqualTo(2);
        assertThat(ledger.eventCount() + ledger.deadLetters().size()).isEqualTo(2);
        if (result.rejected() == 1) {
            assertThat(result.errors()).extracting(IngestError::field).contains(field);
        }
    }

    @Test
    void tenantOfExactly200CharactersIsStored() {
        String tenant = "t".repeat(200);

        pipeline.ingest("http", batch(event().id("e1").tenant(tenant)));

        assertThat(ledger.event("e1").getTenantKey()).isEqualTo(tenant);
    }

    @Test
    void ndjsonLineWithANulByteIsKeptAsDeadLetterWithoutFailingItsBatch() {
        String body = ORDINARY + "\n{\"id\":\"odd\u0000\"," + REST + "}\n";
        List<ParsedRecord> records = parse(body, "application/x-ndjson");
        assertThat(records.get(1)).isInstanceOf(ParsedRecord.Invalid.class);

        IngestResult result = pipeline.ingest("http", records);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(ledger.eventCount()).isEqualTo(1);
        assertThat(ledger.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.getItemIndex()).isEqualTo(1);
            assertThat(letter.getRawPayload()).contains("\"id\":\"odd").contains("\"promptTokens\":10");
        });
    }

    @Test
    void rejectPayloadKeepsABodyContainingNulBytes() {
        String body = "{\"id\":\"a\u0000b\", \"time\":";

        pipeline.rejectPayload("eventhubs", body, "the body is not complete JSON");

        assertThat(ledger.deadLetters())
                .singleElement()
                .satisfies(letter -> assertThat(letter.getRawPayload())
                        .startsWith("{\"id\":\"a")
                        .endsWith("b\", \"time\":"));
    }

    private List<ParsedRecord> parse(String body, String mediaType) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), mediaType);
    }
}
