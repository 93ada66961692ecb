package io.tokenledger.ingest.format;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Unwraps a CloudEvents 1.0 structured event: its {@code data} is the usage record, and the envelope's {@code id}
 * and {@code time} stand in for the record's own when it has none.
 */
final class CloudEventEnvelope {

    static final String SPEC_VERSION = "specversion";
    private static final String DATA = "data";

    private final JsonBodyReader json;

    CloudEventEnvelope(JsonBodyReader json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    static boolean recognizes(JsonNode node) {
        return node.has(SPEC_VERSION);
    }

    /** The record inside the event, or {@code null} when there is none to read (the reason is in {@code errors}). */
    ObjectNode unwrap(JsonNode envelope, List<FieldError> errors) {
        checkSpecVersion(envelope.get(SPEC_VERSION), errors);
        ObjectNode data = data(envelope, errors);
        if (data == null) {
            return null;
        }
        ObjectNode record = data.deepCopy();
        fillIfLacking(record, "id", envelope.get("id"));
        if (lacks(record, "timestamp")) {
            fillIfLacking(record, "time", envelope.get("time"));
        }
        return record;
    }

    private static void checkSpecVersion(JsonNode version, List<FieldError> errors) {
        if (version == null
                || !version.isString()
                || !"1.0".equals(version.stringValue().strip())) {
            String got = version == null ? "nothing" : FieldReader.describe(version);
            errors.add(new FieldError(SPEC_VERSION, "must be \"1.0\" (CloudEvents 1.0 structured mode), got " + got));
        }
    }

    private ObjectNode data(JsonNode envelope, List<FieldError> errors) {
        JsonNode data = envelope.get(DATA);
        if (data == null || data.isNull()) {
            errors.add(missingData(envelope));
            return null;
        }
        if (data.isString()) {
            return embedded(data.stringValue(), errors);
        }
        if (!data.isObject()) {
            errors.add(new FieldError(
                    DATA, "must be the usage record as a JSON object, got " + FieldReader.describe(data)));
            return null;
        }
        return (ObjectNode) data;
    }

    // Some producers serialize the record a second time and send it as a JSON string.
    private ObjectNode embedded(String text, List<FieldError> errors) {
        try {
            JsonNode data = json.readValue(text);
            if (data.isObject()) {
                return (ObjectNode) data;
            }
            errors.add(new FieldError(
                    DATA,
                    "is a string holding " + FieldReader.describe(data)
                            + "; it must hold the usage record as a JSON object"));
        } catch (JsonReadException e) {
            errors.add(new FieldError(DATA, "is a string but not a JSON object: " + e.getMessage()));
        }
        return null;
    }

    private static FieldError missingData(JsonNode envelope) {
        if (envelope.has("data_base64")) {
            return new FieldError("data_base64", "is not supported; send the usage record as a JSON object in data");
        }
        return new FieldError(DATA, "is required: the usage record as a JSON object");
    }

    private static void fillIfLacking(ObjectNode record, String name, JsonNode envelopeValue) {
        if (lacks(record, name) && envelopeValue != null && !envelopeValue.isNull()) {
            record.set(name, envelopeValue);
        }
    }

    private static boolean lacks(JsonNode record, String name) {
        JsonNode value = record.get(name);
        return value == null
                || value.isNull()
                || (value.isString() && value.stringValue().isBlank());
    }
}
