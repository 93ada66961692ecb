package io.tokenledger.ingest.format;

import static io.tokenledger.ingest.format.Parsing.errorsOf;
import static io.tokenledger.ingest.format.Parsing.fieldsOf;
import static io.tokenledger.ingest.format.Parsing.parse;
import static io.tokenledger.ingest.format.Parsing.parseOne;
import static io.tokenledger.ingest.format.Parsing.validEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudEventRecordTest {

    private static final String CLOUD_EVENT = "application/cloudevents+json";
    private static final String CLOUD_EVENT_BATCH = "application/cloudevents-batch+json";

    @Test
    void cloudEventDataIsTheRecordAndTheEnvelopeIsTheRaw() {
        RecordFixture event = RecordFixture.cloudEvent(RecordFixture.canonical());

        ParsedRecord record = parseOne(event.json(), CLOUD_EVENT);

        assertThat(record.raw()).isEqualTo(event.json());
        assertThat(validEvent(record).id()).isEqualTo("req-1");
        assertThat(validEvent(record).time()).isEqualTo(Instant.parse("2026-11-03T14:05:12Z"));
    }

    @Test
    void cloudEventIdAndTimeFillARecordThatLacksThem() {
        RecordFixture data = RecordFixture.canonical().without("id").with("time", "  ");

        UsageEvent event = validEvent(parseOne(RecordFixture.cloudEvent(data).json(), CLOUD_EVENT));

        assertThat(event.id()).isEqualTo("ce-1");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-03T15:00:00Z"));
    }

    @Test
    void cloudEventTimeFillsAnAiHubRecordWithoutTimestamp() {
        RecordFixture data = RecordFixture.aiHub().without("timestamp");

        UsageEvent event = validEvent(parseOne(RecordFixture.cloudEvent(data).json(), CLOUD_EVENT));

        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-03T15:00:00Z"));
        assertThat(event.deployment()).isEqualTo("chat");
    }

    @Test
    void cloudEventAroundAnAiHubRecordKeepsTheCultureTimestamp() {
        UsageEvent event = validEvent(
                parseOne(RecordFixture.cloudEvent(RecordFixture.aiHub()).json(), CLOUD_EVENT));

        assertThat(event.time()).isEqualTo(Instant.parse("2024-05-24T14:45:56Z"));
        assertThat(event.id()).isEqualTo("chatcmpl-1");
    }

    @Test
    void cloudEventDataGivenAsAJsonStringIsUnwrapped() {
        RecordFixture event = RecordFixture.cloudEvent(RecordFixture.empty())
                .with("data", RecordFixture.canonical().json());

        assertThat(validEvent(parseOne(event.json(), CLOUD_EVENT)).deployment()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void cloudEventWithAnotherSpecVersionIsInvalidOnSpecversionAndStillReportsDataErrors() {
        RecordFixture event = RecordFixture.cloudEvent(RecordFixture.canonical().with("promptTokens", -1))
                .with("specversion", "0.3");

        ParsedRecord.Invalid invalid = (ParsedRecord.Invalid) parseOne(event.json(), CLOUD_EVENT);

        assertThat(fieldsOf(invalid.errors())).containsExactly("specversion", "promptTokens");
        assertThat(invalid.errors().getFirst().reason()).contains("\"1.0\"", "\"0.3\"");
        assertThat(invalid.eventId()).isEqualTo("req-1");
    }

    @Test
    void cloudEventWithoutDataIsInvalidOnData() {
        RecordFixture event = RecordFixture.cloudEvent(RecordFixture.empty()).without("data");

        ParsedRecord.Invalid invalid = (ParsedRecord.Invalid) parseOne(event.json(), CLOUD_EVENT);

        assertThat(fieldsOf(invalid.errors())).containsExactly("data");
        assertThat(invalid.eventId()).isEqualTo("ce-1");
    }

    @Test
    void cloudEventDataThatIsNotAnObjectIsInvalidOnData() {
        for (Object data : List.of(42, "not json", "[1, 2]", List.of())) {
            RecordFixture event =
                    RecordFixture.cloudEvent(RecordFixture.empty()).with("data", data);

            assertThat(fieldsOf(errorsOf(parseOne(event.json(), CLOUD_EVENT)))).containsExactly("data");
        }
    }

    @Test
    void cloudEventBatchIsOneRecordPerEvent() {
        RecordFixture first = RecordFixture.cloudEvent(RecordFixture.canonical().with("id", "a"));
        RecordFixture second =
                RecordFixture.cloudEvent(RecordFixture.canonical().with("id", "b"));

        List<ParsedRecord> records = parse("[" + first.json() + "," + second.json() + "]", CLOUD_EVENT_BATCH);

        assertThat(records).extracting(ParsedRecord::index).containsExactly(0, 1);
        assertThat(records).extracting(ParsedRecord::raw).containsExactly(first.json(), second.json());
        assertThat(records).extracting(record -> validEvent(record).id()).containsExactly("a", "b");
    }

    @Test
    void cloudEventMediaTypeRequiresEveryRecordToBeACloudEvent() {
        ParsedRecord record = parseOne(RecordFixture.canonical().json(), CLOUD_EVENT_BATCH);

        assertThat(fieldsOf(errorsOf(record))).containsExactly("specversion");
    }

    @Test
    void cloudEventIsRecognisedInAPlainJsonArrayAndInNdjson() {
        String event = RecordFixture.cloudEvent(RecordFixture.canonical()).json();

        assertThat(validEvent(parse("[" + event + "]", Parsing.JSON).getFirst()).id())
                .isEqualTo("req-1");
        assertThat(validEvent(parse(event, Parsing.NDJSON).getFirst()).id()).isEqualTo("req-1");
    }
}
