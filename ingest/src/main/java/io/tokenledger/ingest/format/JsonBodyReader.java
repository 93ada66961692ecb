package io.tokenledger.ingest.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Reads JSON text into trees with the nesting limit applied, and turns Jackson's failures into positions. */
final class JsonBodyReader {

    // Jackson appends source descriptions to some messages; they only say the source is redacted.
    private static final Pattern SOURCE_NOTE = Pattern.compile("\\s*\\(start marker at \\[Source:[^]]*]\\)");

    private final int maxNestingDepth;
    private final JsonMapper mapper;
    private final ObjectReader treeReader;

    JsonBodyReader(int maxNestingDepth) {
        if (maxNestingDepth < 1) {
            throw new IllegalArgumentException("maxNestingDepth must be at least 1, was " + maxNestingDepth);
        }
        this.maxNestingDepth = maxNestingDepth;
        StreamReadConstraints constraints =
                StreamReadConstraints.builder().maxNestingDepth(maxNestingDepth).build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                // Two different promptTokens in one billing record are ambiguous: refuse rather than keep the last.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory).build();
        // Several root values may follow each other, so the trailing-token check is done by hand where needed.
        this.treeReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    int maxNestingDepth() {
        return maxNestingDepth;
    }

    /** Every root value in the text, in order. */
    List<JsonNode> readRoots(String text) {
        List<JsonNode> roots = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(text)) {
            try {
                while (parser.nextToken() != null) {
                    roots.add(treeReader.readTree(parser));
                }
            } catch (JacksonException e) {
                throw failure(e, parser);
            }
        }
        return roots;
    }

    /** Exactly one JSON value; anything after it is an error. */
    JsonNode readValue(String text) {
        try (JsonParser parser = mapper.createParser(text)) {
            try {
                if (parser.nextToken() == null) {
                    throw new JsonReadException("no JSON value", false, 1, 1);
                }
                JsonNode value = treeReader.readTree(parser);
                if (parser.nextToken() != null) {
                    throw unexpectedContent(parser.currentTokenLocation());
                }
                return value;
            } catch (JacksonException e) {
                throw failure(e, parser);
            }
        }
    }

    String write(JsonNode node) {
        return mapper.writeValueAsString(node);
    }

    private JsonReadException failure(JacksonException e, JsonParser parser) {
        // Constraint violations carry no location of their own, so fall back to where the parser stopped.
        TokenStreamLocation location = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        if (isNestingViolation(e)) {
            String detail = "JSON is nested deeper than the allowed " + maxNestingDepth
                    + " levels; a usage record needs only a few levels of objects and arrays";
            return new JsonReadException(detail, true, location.getLineNr(), location.getColumnNr());
        }
        String detail = SOURCE_NOTE.matcher(e.getOriginalMessage()).replaceAll("");
        return new JsonReadException(detail, false, location.getLineNr(), location.getColumnNr());
    }

    private static JsonReadException unexpectedContent(TokenStreamLocation location) {
        return new JsonReadException(
                "unexpected content after the JSON value; put one value per line",
                false,
                location.getLineNr(),
                location.getColumnNr());
    }

    private static boolean isNestingViolation(JacksonException e) {
        // Jackson uses one exception type for all stream constraints; only the message tells nesting apart.
        return e instanceof StreamConstraintsException
                && e.getOriginalMessage() != null
                && e.getOriginalMessage().contains("nesting depth");
    }
}
