package io.tokenledger.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NestingDepthTest {

    private final UsagePayloadParser parser = new UsagePayloadParser(3);

    @Test
    void jsonNestedDeeperThanTheLimitIsRefusedAsTooDeep() {
        String fourLevels = "[{\"usage\": {\"prompt_tokens_details\": {\"cached_tokens\": 0}}}]";

        assertThatThrownBy(() -> parse(fourLevels, "application/json"))
                .isInstanceOfSatisfying(PayloadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PayloadException.Kind.TOO_DEEP);
                    assertThat(e.getMessage()).contains("deeper than the allowed 3 levels", "line 1");
                });
    }

    @Test
    void jsonNestedExactlyToTheLimitIsRead() {
        String threeLevels = RecordFixture.canonical()
                .without("promptTokens")
                .with("usage.prompt_tokens_details.cached_tokens", 0)
                .with("usage.prompt_tokens", 5)
                .json();

        assertThat(parse(threeLevels, "application/json")).singleElement().isInstanceOf(ParsedRecord.Valid.class);
    }

    @Test
    void ndjsonLineNestedTooDeepRefusesTheWholeBody() {
        String body = RecordFixture.canonical().json() + "\n{\"a\": [[[1]]]}";

        assertThatThrownBy(() -> parse(body, "application/x-ndjson"))
                .isInstanceOfSatisfying(PayloadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PayloadException.Kind.TOO_DEEP);
                    assertThat(e.getMessage()).startsWith("line 2: ");
                });
    }

    @Test
    void limitBelowOneIsAConfigurationError() {
        assertThatIllegalArgumentException().isThrownBy(() -> new UsagePayloadParser(0));
    }

    private List<ParsedRecord> parse(String body, String mediaType) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), mediaType);
    }
}
