package io.tokenledger.ingest.format;

import java.util.List;

/**
 * Turns an HTTP or Event Hubs body into one outcome per usage record. Accepts JSON (object, array, or several values
 * in a row), NDJSON, and CloudEvents (single or batch); each record may be canonical (EVENTS.md), an AI Hub Gateway
 * usage record, or a CloudEvent wrapping either. Invalid records are reported with all of their field errors and do
 * not affect the other records; only a body that cannot be understood at all fails as a whole.
 *
 * <p>Stateless and thread-safe.
 */
public final class UsagePayloadParser {

    private final RecordSplitter splitter;
    private final RecordParser records;

    /**
     * @param maxNestingDepth the deepest nesting of JSON objects and arrays accepted; deeper bodies are refused
     *     before they are turned into trees
     */
    public UsagePayloadParser(int maxNestingDepth) {
        JsonBodyReader json = new JsonBodyReader(maxNestingDepth);
        this.splitter = new RecordSplitter(json);
        this.records = new RecordParser(
                new CloudEventEnvelope(json),
                new CanonicalRecordMapper(new TokenFieldsReader()),
                new AiHubRecordMapper());
    }

    /**
     * @param body the body as received; must be UTF-8
     * @param mediaType the Content-Type, parameters allowed; {@code null} or blank is read as JSON
     * @return one outcome per record, in body order
     * @throws PayloadException when the body as a whole cannot be understood (empty, malformed JSON, too deep,
     *     unsupported media type)
     */
    public List<ParsedRecord> parse(byte[] body, String mediaType) {
        return parse(body, mediaType, null);
    }

    /**
     * As {@link #parse(byte[], String)}, but a record without an {@code id} (missing, null or blank, also after a
     * CloudEvent envelope had its say) gets the one {@code fallbackIds} gives for its position instead of being
     * rejected. For sources whose position identifies a record, such as an Event Hubs partition's sequence number.
     *
     * @param fallbackIds {@code null} to require an id in every record
     */
    public List<ParsedRecord> parse(byte[] body, String mediaType, FallbackIds fallbackIds) {
        PayloadFormat format = PayloadFormat.of(mediaType);
        String text = BodyText.decode(body);
        if (text.isBlank()) {
            throw new PayloadException(
                    PayloadException.Kind.EMPTY, "the body is empty; send at least one usage record as JSON");
        }
        List<RawRecord> raws = format == PayloadFormat.NDJSON ? splitter.fromLines(text) : splitter.fromJson(text);
        boolean cloudEventRequired = format == PayloadFormat.CLOUD_EVENTS;
        if (fallbackIds == null) {
            return raws.stream()
                    .map(raw -> records.parse(raw, cloudEventRequired))
                    .toList();
        }
        int count = raws.size();
        return raws.stream()
                .map(raw -> records.parse(raw, cloudEventRequired, fallbackIds.idFor(raw.index(), count)))
                .toList();
    }
}
