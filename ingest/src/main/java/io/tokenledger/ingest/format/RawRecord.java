package io.tokenledger.ingest.format;

import tools.jackson.databind.JsonNode;

/**
 * One record cut out of a body before its shape is looked at: either a parsed tree, or the problem that kept its
 * text from being read (an NDJSON line that is not JSON).
 */
record RawRecord(int index, String raw, JsonNode node, FieldError problem) {

    static RawRecord parsed(int index, String raw, JsonNode node) {
        return new RawRecord(index, raw, node, null);
    }

    static RawRecord unreadable(int index, String raw, FieldError problem) {
        return new RawRecord(index, raw, null, problem);
    }
}
