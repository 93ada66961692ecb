package io.tokenledger.ingest.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides, for each record on its own, which shape it has (CloudEvent around a record, AI Hub Gateway record, or
 * canonical record) and turns it into a {@link ParsedRecord}.
 */
final class RecordParser {

    private final CloudEventEnvelope cloudEvents;
    private final CanonicalRecordMapper canonical;
    private final AiHubRecordMapper aiHub;

    RecordParser(CloudEventEnvelope cloudEvents, CanonicalRecordMapper canonical, AiHubRecordMapper aiHub) {
        this.cloudEvents = Objects.requireNonNull(cloudEvents, "cloudEvents");
        this.canonical = Objects.requireNonNull(canonical, "canonical");
        this.aiHub = Objects.requireNonNull(aiHub, "aiHub");
    }

    /**
     * @param cloudEventRequired the media type promised CloudEvents, so a record without {@code specversion} is an
     *     error rather than a plain record
     */
    ParsedRecord parse(RawRecord raw, boolean cloudEventRequired) {
        return parse(raw, cloudEventRequired, null);
    }

    /** @param fallbackId the id of a record that has none; {@code null} to require one */
    ParsedRecord parse(RawRecord raw, boolean cloudEventRequired, String fallbackId) {
        if (raw.problem() != null) {
            return new ParsedRecord.Invalid(raw.index(), raw.raw(), null, List.of(raw.problem()));
        }
        JsonNode node = raw.node();
        if (!node.isObject()) {
            FieldError error = new FieldError("$", "record must be a JSON object, got " + FieldReader.describe(node));
            return new ParsedRecord.Invalid(raw.index(), raw.raw(), null, List.of(error));
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode record = withFallbackId(unwrap(node, cloudEventRequired, errors), fallbackId);
        UsageEvent event = record == null ? null : map(record, errors);
        if (event != null && errors.isEmpty()) {
            return new ParsedRecord.Valid(raw.index(), raw.raw(), event);
        }
        String eventId = readableId(record != null ? record : node);
        return new ParsedRecord.Invalid(raw.index(), raw.raw(), eventId, errors);
    }

    private JsonNode unwrap(JsonNode node, boolean cloudEventRequired, List<FieldError> errors) {
        if (CloudEventEnvelope.recognizes(node)) {
            return cloudEvents.unwrap(node, errors);
        }
        if (cloudEventRequired) {
            errors.add(new FieldError(
                    CloudEventEnvelope.SPEC_VERSION,
                    "is required for a CloudEvents media type; send a structured CloudEvent with specversion \"1.0\""
                            + " or post the record as application/json"));
        }
        return node;
    }

    private static JsonNode withFallbackId(JsonNode record, String fallbackId) {
        if (fallbackId == null || record == null || !lacksId(record)) {
            return record;
        }
        // a copy: the node may be the one a dead letter's raw text was read from
        ObjectNode copy = (ObjectNode) record.deepCopy();
        copy.put("id", fallbackId);
        return copy;
    }

    private static boolean lacksId(JsonNode record) {
        JsonNode id = record.get("id");
        return id == null || id.isNull() || (id.isString() && id.stringValue().isBlank());
    }

    private UsageEvent map(JsonNode record, List<FieldError> errors) {
        return AiHubRecordMapper.recognizes(record) ? aiHub.map(record, errors) : canonical.map(record, errors);
    }

    private static String readableId(JsonNode record) {
        JsonNode id = record.get("id");
        if (id == null || !id.isString()) {
            return null;
        }
        String text = id.stringValue().strip();
        return text.isEmpty() || text.length() > FieldReader.MAX_ID_LENGTH ? null : text;
    }
}
