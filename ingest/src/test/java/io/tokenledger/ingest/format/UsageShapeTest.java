package io.tokenledger.ingest.format;

import static io.tokenledger.ingest.format.Parsing.errorsOf;
import static io.tokenledger.ingest.format.Parsing.onlyError;
import static io.tokenledger.ingest.format.Parsing.validEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.pricing.TokenCounts;
import org.junit.jupiter.api.Test;

class UsageShapeTest {

    private static final RecordFixture FLAT = RecordFixture.canonical()
            .with("promptTokens", 920)
            .with("cachedPromptTokens", 512)
            .with("completionTokens", 1480)
            .with("reasoningTokens", 1152)
            .with("totalTokens", 2400);

    private static final RecordFixture CHAT_COMPLETIONS_USAGE = withoutFlatTokens()
            .with("usage.prompt_tokens", 920)
            .with("usage.completion_tokens", 1480)
            .with("usage.total_tokens", 2400)
            .with("usage.prompt_tokens_details.cached_tokens", 512)
            .with("usage.completion_tokens_details.reasoning_tokens", 1152);

    @Test
    void flatFieldsAndUsageObjectDescribeTheSameEvent() {
        UsageEvent flat = validEvent(FLAT);

        assertThat(validEvent(CHAT_COMPLETIONS_USAGE)).isEqualTo(flat);
        assertThat(flat.tokens()).isEqualTo(new TokenCounts(920, 512, 1480, 1152));
    }

    @Test
    void responsesApiUsageSpellingIsUnderstood() {
        RecordFixture responses = withoutFlatTokens()
                .with("usage.input_tokens", 920)
                .with("usage.output_tokens", 1480)
                .with("usage.total_tokens", 2400)
                .with("usage.input_tokens_details.cached_tokens", 512)
                .with("usage.output_tokens_details.reasoning_tokens", 1152);

        assertThat(validEvent(responses)).isEqualTo(validEvent(FLAT));
    }

    @Test
    void embeddingsUsageWithOnlyPromptAndTotalIsEnough() {
        RecordFixture embeddings =
                withoutFlatTokens().with("usage.prompt_tokens", 8191).with("usage.total_tokens", 8191);

        assertThat(validEvent(embeddings).tokens()).isEqualTo(new TokenCounts(8191, 0, 0, 0));
    }

    @Test
    void flatFieldsAndUsageThatAgreeAreAccepted() {
        RecordFixture both = FLAT.with("usage.prompt_tokens", 920).with("usage.completion_tokens", 1480);

        assertThat(validEvent(both)).isEqualTo(validEvent(FLAT));
    }

    @Test
    void flatFieldsAndUsageThatDisagreeAreRejectedOnUsage() {
        FieldError error = onlyError(FLAT.with("usage.prompt_tokens", 900).with("usage.completion_tokens", 1480));

        assertThat(error.field()).isEqualTo("usage");
        assertThat(error.reason()).startsWith("usage.prompt_tokens 900 disagrees with promptTokens 920");
    }

    @Test
    void usageFieldErrorsNameTheNestedField() {
        RecordFixture record = withoutFlatTokens()
                .with("usage.prompt_tokens", -5)
                .with("usage.completion_tokens", "10")
                .with("usage.prompt_tokens_details.cached_tokens", 1.5);

        assertThat(Parsing.fieldsOf(errorsOf(record)))
                .containsExactlyInAnyOrder(
                        "usage.prompt_tokens", "usage.completion_tokens", "usage.prompt_tokens_details.cached_tokens");
    }

    @Test
    void usageCachedTokensBeyondPromptTokensAreRejectedOnTheUsageField() {
        RecordFixture record = withoutFlatTokens()
                .with("usage.input_tokens", 100)
                .with("usage.input_tokens_details.cached_tokens", 101);

        assertThat(onlyError(record))
                .isEqualTo(new FieldError(
                        "usage.input_tokens_details.cached_tokens",
                        "101 exceeds usage.input_tokens 100; cached tokens are a subset of prompt tokens"));
    }

    @Test
    void usageTotalThatIsNotPromptPlusCompletionIsRejected() {
        RecordFixture record = withoutFlatTokens()
                .with("usage.prompt_tokens", 10)
                .with("usage.completion_tokens", 5)
                .with("usage.total_tokens", 16);

        assertThat(onlyError(record).field()).isEqualTo("usage.total_tokens");
    }

    @Test
    void usageWithoutPromptTokensIsRejected() {
        assertThat(onlyError(withoutFlatTokens().with("usage.completion_tokens", 5))
                        .field())
                .isEqualTo("usage.prompt_tokens");
    }

    @Test
    void usageThatIsNotAnObjectIsRejected() {
        assertThat(Parsing.fieldsOf(errorsOf(withoutFlatTokens().with("usage", 12))))
                .containsExactly("usage", "promptTokens");
    }

    private static RecordFixture withoutFlatTokens() {
        return RecordFixture.canonical().without("promptTokens").without("completionTokens");
    }
}
