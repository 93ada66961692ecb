package io.tokenledger.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Shortcuts for tests that parse one record and look at its outcome. */
final class Parsing {

    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";
    static final UsagePayloadParser PARSER = new UsagePayloadParser(16);

    private Parsing() {}

    static List<ParsedRecord> parse(String body, String mediaType) {
        return PARSER.parse(body.getBytes(StandardCharsets.UTF_8), mediaType);
    }

    static ParsedRecord parseOne(RecordFixture record) {
        return parseOne(record.json(), JSON);
    }

    static ParsedRecord parseOne(String body, String mediaType) {
        List<ParsedRecord> records = parse(body, mediaType);
        assertThat(records).hasSize(1);
        return records.getFirst();
    }

    static UsageEvent validEvent(RecordFixture record) {
        return validEvent(parseOne(record));
    }

    static UsageEvent validEvent(ParsedRecord record) {
        assertThat(record).isInstanceOf(ParsedRecord.Valid.class);
        return ((ParsedRecord.Valid) record).event();
    }

    static List<FieldError> errorsOf(RecordFixture record) {
        return errorsOf(parseOne(record));
    }

    static List<FieldError> errorsOf(ParsedRecord record) {
        assertThat(record).isInstanceOf(ParsedRecord.Invalid.class);
        return ((ParsedRecord.Invalid) record).errors();
    }

    static List<String> fieldsOf(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    static FieldError onlyError(RecordFixture record) {
        List<FieldError> errors = errorsOf(record);
        assertThat(errors).hasSize(1);
        return errors.getFirst();
    }
}
