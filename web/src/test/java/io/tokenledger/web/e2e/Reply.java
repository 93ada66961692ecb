package io.tokenledger.web.e2e;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTP response as a test reads it. */
record Reply(int status, HttpHeaders headers, String body) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    JsonNode json() {
        return JSON.readTree(body);
    }

    /** The media type without parameters, e.g. {@code application/problem+json}; empty when there is none. */
    String mediaType() {
        String value = header("Content-Type");
        int parameters = value.indexOf(';');
        return (parameters < 0 ? value : value.substring(0, parameters)).strip();
    }

    String header(String name) {
        return headers.firstValue(name).orElse("");
    }

    @Override
    public String toString() {
        return status + " " + header("Content-Type") + "\n" + body;
    }
}
