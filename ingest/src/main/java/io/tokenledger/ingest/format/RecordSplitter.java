package io.tokenledger.ingest.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** Cuts a body into records: JSON values and array elements, or NDJSON lines. */
final class RecordSplitter {

    private final JsonBodyReader json;

    RecordSplitter(JsonBodyReader json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * A JSON body: one object, one array of records, or several root values one after another (records in order,
     * arrays expanded). Any syntax error rejects the whole body, since its record boundaries are then unknown.
     */
    List<RawRecord> fromJson(String text) {
        List<JsonNode> roots = readRoots(text);
        if (roots.size() == 1 && !roots.getFirst().isArray()) {
            // Keep the sender's own text: it is what a dead letter should show.
            return List.of(RawRecord.parsed(0, text.strip(), roots.getFirst()));
        }
        List<RawRecord> records = new ArrayList<>();
        for (JsonNode root : roots) {
            if (root.isArray()) {
                for (JsonNode element : root) {
                    records.add(reserialized(records.size(), element));
                }
            } else {
                records.add(reserialized(records.size(), root));
            }
        }
        return records;
    }

    /** NDJSON: one record per line; a bad line only spoils itself. Blank lines are skipped but still counted. */
    List<RawRecord> fromLines(String text) {
        List<RawRecord> records = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (!line.isEmpty()) {
                records.add(line(index, line));
            }
        }
        return records;
    }

    private List<JsonNode> readRoots(String text) {
        try {
            return json.readRoots(text);
        } catch (JsonReadException e) {
            String position = "line " + e.line() + ", column " + e.column();
            if (e.tooDeep()) {
                throw new PayloadException(PayloadException.Kind.TOO_DEEP, e.getMessage() + " (at " + position + ")");
            }
            throw new PayloadException(
                    PayloadException.Kind.MALFORMED, "malformed JSON at " + position + ": " + e.getMessage());
        }
    }

    private RawRecord reserialized(int index, JsonNode node) {
        return RawRecord.parsed(index, json.write(node), node);
    }

    private RawRecord line(int index, String line) {
        int lineNumber = index + 1;
        try {
            JsonNode node = json.readValue(line);
            if (!node.isObject()) {
                String reason = "line " + lineNumber + " is not a JSON object but " + FieldReader.describe(node)
                        + "; each line must hold one usage record";
                return RawRecord.unreadable(index, line, new FieldError("$", reason));
            }
            return RawRecord.parsed(index, line, node);
        } catch (JsonReadException e) {
            if (e.tooDeep()) {
                throw new PayloadException(
                        PayloadException.Kind.TOO_DEEP, "line " + lineNumber + ": " + e.getMessage());
            }
            String reason =
                    "line " + lineNumber + " is not valid JSON: " + e.getMessage() + " (column " + e.column() + ")";
            return RawRecord.unreadable(index, line, new FieldError("$", reason));
        }
    }
}
