package io.tokenledger.ingest.format;

import static io.tokenledger.ingest.format.Parsing.JSON;
import static io.tokenledger.ingest.format.Parsing.NDJSON;
import static io.tokenledger.ingest.format.Parsing.errorsOf;
import static io.tokenledger.ingest.format.Parsing.parse;
import static io.tokenledger.ingest.format.Parsing.validEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsagePayloadParserEnvelopeTest {

    private static final RecordFixture FIRST = RecordFixture.canonical().with("id", "a");
    private static final RecordFixture SECOND = RecordFixture.canonical().with("id", "b");

    @Test
    void singleObjectIsOneRecordAtIndexZeroKeepingTheSendersText() {
        String body =
                "  {\"id\": \"a\", \"time\": \"2026-11-03T14:05:12Z\", \"deployment\": \"d\", \"promptTokens\": 1}\n";

        List<ParsedRecord> records = parse(body, JSON);

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.index()).isZero();
            assertThat(record.raw()).isEqualTo(body.strip());
            assertThat(validEvent(record).id()).isEqualTo("a");
        });
    }

    @Test
    void arrayElementsAreRecordsIndexedByPositionWithTheElementAsRaw() {
        List<ParsedRecord> records = parse("[" + FIRST.json() + ",\n " + SECOND.json() + "]", JSON);

        assertThat(records).extracting(ParsedRecord::index).containsExactly(0, 1);
        assertThat(records).extracting(ParsedRecord::raw).containsExactly(FIRST.json(), SECOND.json());
        assertThat(records).allSatisfy(record -> assertThat(record).isInstanceOf(ParsedRecord.Valid.class));
    }

    @Test
    void emptyArrayHasNoRecords() {
        assertThat(parse("[]", JSON)).isEmpty();
    }

    @Test
    void severalJsonValuesInOneBodyAreRecordsInOrderWithArraysExpanded() {
        RecordFixture third = RecordFixture.canonical().with("id", "c");
        String body = FIRST.json() + "\n[" + SECOND.json() + "," + third.json() + "]\n";

        List<ParsedRecord> records = parse(body, JSON);

        assertThat(records).extracting(ParsedRecord::index).containsExactly(0, 1, 2);
        assertThat(records).extracting(record -> validEvent(record).id()).containsExactly("a", "b", "c");
    }

    @Test
    void arrayElementThatIsNotAnObjectIsInvalidWhileTheOthersAreParsed() {
        List<ParsedRecord> records = parse("[" + FIRST.json() + ", 42, [1]]", JSON);

        assertThat(records.get(0)).isInstanceOf(ParsedRecord.Valid.class);
        assertThat(errorsOf(records.get(1))).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("$");
            assertThat(error.reason()).startsWith("record must be a JSON object");
        });
        assertThat(records.get(2).raw()).isEqualTo("[1]");
        assertThat(errorsOf(records.get(2)).getFirst().reason()).contains("record must be a JSON object");
    }

    @Test
    void ndjsonRecordsAreIndexedByZeroBasedLineNumberAndBlankLinesAreSkipped() {
        String body = FIRST.json() + "\r\n\n   \n" + SECOND.json() + "\n";

        List<ParsedRecord> records = parse(body, NDJSON);

        assertThat(records).extracting(ParsedRecord::index).containsExactly(0, 3);
        assertThat(records).extracting(ParsedRecord::raw).containsExactly(FIRST.json(), SECOND.json());
    }

    @Test
    void ndjsonLineThatIsNotJsonIsInvalidAndTheOtherLinesAreStillParsed() {
        String body = FIRST.json() + "\n{\"id\": \"broken\",\n" + SECOND.json();

        List<ParsedRecord> records = parse(body, NDJSON);

        assertThat(records).extracting(ParsedRecord::index).containsExactly(0, 1, 2);
        assertThat(records.get(0)).isInstanceOf(ParsedRecord.Valid.class);
        assertThat(records.get(2)).isInstanceOf(ParsedRecord.Valid.class);
        ParsedRecord.Invalid broken = (ParsedRecord.Invalid) records.get(1);
        assertThat(broken.raw()).isEqualTo("{\"id\": \"broken\",");
        assertThat(broken.eventId()).isNull();
        assertThat(broken.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("$");
            assertThat(error.reason()).startsWith("line 2 is not valid JSON: ");
        });
    }

    @Test
    void ndjsonLineWithTwoValuesIsInvalid() {
        List<ParsedRecord> records = parse(FIRST.json() + " " + SECOND.json(), NDJSON);

        assertThat(errorsOf(records.getFirst()).getFirst().reason())
                .startsWith("line 1 is not valid JSON: unexpected content after the JSON value");
    }

    @Test
    void ndjsonLineThatIsNotAnObjectIsInvalid() {
        List<ParsedRecord> records = parse("[" + FIRST.json() + "]\n" + SECOND.json(), NDJSON);

        assertThat(errorsOf(records.get(0))).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("$");
            assertThat(error.reason()).startsWith("line 1 is not a JSON object but an array");
        });
        assertThat(records.get(1)).isInstanceOf(ParsedRecord.Valid.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"application/x-ndjson", "application/jsonl", "application/jsonlines", "application/x-jsonlines"})
    void everyNdjsonMediaTypeReadsOneRecordPerLine(String mediaType) {
        assertThat(parse(FIRST.json() + "\n" + SECOND.json(), mediaType)).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "Application/JSON; charset=UTF-8",
                "application/json;charset=utf-8",
                "text/json",
                "application/vnd.tokenledger.usage+json",
                "",
                "   "
            })
    void jsonMediaTypesAreReadAsJsonIgnoringCaseAndParameters(String mediaType) {
        assertThat(parse(FIRST.json(), mediaType)).singleElement().isInstanceOf(ParsedRecord.Valid.class);
    }

    @Test
    void missingMediaTypeIsReadAsJson() {
        assertThat(parse(FIRST.json(), null)).singleElement().isInstanceOf(ParsedRecord.Valid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded", "text/csv"})
    void otherMediaTypesAreRefusedListingTheSupportedOnes(String mediaType) {
        assertThatThrownBy(() -> parse(FIRST.json(), mediaType)).isInstanceOfSatisfying(PayloadException.class, e -> {
            assertThat(e.kind()).isEqualTo(PayloadException.Kind.UNSUPPORTED_MEDIA_TYPE);
            assertThat(e.getMessage())
                    .contains(mediaType, "application/json", "application/x-ndjson", "application/cloudevents+json");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\r\n\t"})
    void emptyOrWhitespaceBodyIsRefused(String body) {
        assertThatThrownBy(() -> parse(body, JSON))
                .isInstanceOfSatisfying(
                        PayloadException.class, e -> assertThat(e.kind()).isEqualTo(PayloadException.Kind.EMPTY));
        assertThatThrownBy(() -> parse(body, NDJSON))
                .isInstanceOfSatisfying(
                        PayloadException.class, e -> assertThat(e.kind()).isEqualTo(PayloadException.Kind.EMPTY));
    }

    @Test
    void nullBodyIsRefusedAsEmpty() {
        assertThatThrownBy(() -> Parsing.PARSER.parse(null, JSON))
                .isInstanceOfSatisfying(
                        PayloadException.class, e -> assertThat(e.kind()).isEqualTo(PayloadException.Kind.EMPTY));
    }

    @Test
    void malformedJsonIsRefusedWithLineAndColumn() {
        String body = "[" + FIRST.json() + ",\n  {\"id\": x}]";

        assertThatThrownBy(() -> parse(body, JSON)).isInstanceOfSatisfying(PayloadException.class, e -> {
            assertThat(e.kind()).isEqualTo(PayloadException.Kind.MALFORMED);
            assertThat(e.getMessage()).startsWith("malformed JSON at line 2, column 10: Unrecognized token 'x'");
        });
    }

    @Test
    void truncatedJsonIsRefusedWithoutJacksonSourceNoise() {
        assertThatThrownBy(() -> parse("[" + FIRST.json(), JSON)).isInstanceOfSatisfying(PayloadException.class, e -> {
            assertThat(e.kind()).isEqualTo(PayloadException.Kind.MALFORMED);
            assertThat(e.getMessage()).contains("Unexpected end-of-input").doesNotContain("Source:");
        });
    }

    @Test
    void duplicateFieldIsRefusedBecauseTheRecordWouldBeAmbiguous() {
        assertThatThrownBy(() -> parse("{\"promptTokens\": 1, \"promptTokens\": 2}", JSON))
                .isInstanceOfSatisfying(PayloadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PayloadException.Kind.MALFORMED);
                    assertThat(e.getMessage()).contains("Duplicate", "promptTokens");
                });
    }

    @Test
    void bodyThatIsNotUtf8IsRefused() {
        byte[] latin1 = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xE9, '"', '}'};

        assertThatThrownBy(() -> Parsing.PARSER.parse(latin1, JSON))
                .isInstanceOfSatisfying(PayloadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PayloadException.Kind.MALFORMED);
                    assertThat(e.getMessage()).contains("not valid UTF-8", "byte offset 7");
                });
    }

    @Test
    void utf8ByteOrderMarkIsIgnored() {
        assertThat(parse("\uFEFF" + FIRST.json(), JSON)).singleElement().isInstanceOf(ParsedRecord.Valid.class);
    }
}
