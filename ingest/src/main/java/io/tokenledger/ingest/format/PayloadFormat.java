package io.tokenledger.ingest.format;

import java.util.Locale;

/** How a body is cut into records, chosen from its media type. */
enum PayloadFormat {
    /** One object, an array of objects, or several JSON values one after another. */
    JSON,
    /** One record per line. */
    NDJSON,
    /** One CloudEvent or an array of them; every record must be a CloudEvent. */
    CLOUD_EVENTS;

    static final String SUPPORTED = "application/json (also text/json and application/*+json),"
            + " application/x-ndjson (also application/jsonl, application/jsonlines, application/x-jsonlines),"
            + " application/cloudevents+json and application/cloudevents-batch+json";

    static PayloadFormat of(String mediaType) {
        String essence = essence(mediaType);
        return switch (essence) {
            case "", "application/json", "text/json" -> JSON;
            case "application/x-ndjson", "application/jsonl", "application/jsonlines", "application/x-jsonlines" ->
                NDJSON;
            case "application/cloudevents+json", "application/cloudevents-batch+json" -> CLOUD_EVENTS;
            default -> structuredJson(essence, mediaType);
        };
    }

    private static PayloadFormat structuredJson(String essence, String mediaType) {
        if (essence.startsWith("application/") && essence.endsWith("+json")) {
            return JSON;
        }
        throw new PayloadException(
                PayloadException.Kind.UNSUPPORTED_MEDIA_TYPE,
                "unsupported media type '" + mediaType.strip() + "'; send one of " + SUPPORTED);
    }

    // Parameters such as charset do not change how the body is read: it must be UTF-8 either way.
    private static String essence(String mediaType) {
        if (mediaType == null) {
            return "";
        }
        int parameters = mediaType.indexOf(';');
        String type = parameters < 0 ? mediaType : mediaType.substring(0, parameters);
        return type.strip().toLowerCase(Locale.ROOT);
    }
}
