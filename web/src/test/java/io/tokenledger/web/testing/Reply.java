package io.tokenledger.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTP response as a test reads it. */
public record Reply(int status, HttpHeaders headers, String body) {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(body);
    }

    /** The media type without parameters, e.g. {@code application/problem+json}; empty when there is none. */
    public String mediaType() {
        String value = header("Content-Type");
        int parameters = value.indexOf(';');
        return (parameters < 0 ? value : value.substring(0, parameters)).strip();
    }

    public String header(String name) {
        return headers.firstValue(name).orElse("");
    }

    @Override
    public String toString() {
        return status + " " + header("Content-Type") + "\n" + body;
    }

    /** Asserts an {@code application/problem+json} answer with {@code status} whose detail mentions a text. */
    public static void assertProblem(Reply reply, int status, String detailMentions) {
        assertThat(reply.status()).as(reply::toString).isEqualTo(status);
        assertThat(reply.mediaType()).as(reply::toString).isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).contains(detailMentions);
    }
}
