package io.tokenledger.ingest.format;

import static io.tokenledger.ingest.format.Parsing.errorsOf;
import static io.tokenledger.ingest.format.Parsing.fieldsOf;
import static io.tokenledger.ingest.format.Parsing.onlyError;
import static io.tokenledger.ingest.format.Parsing.parseOne;
import static io.tokenledger.ingest.format.Parsing.validEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.pricing.TokenCounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalRecordValidationTest {

    @Test
    void completeCanonicalRecordIsNormalizedWithTrimmedText() {
        RecordFixture record = RecordFixture.canonical()
                .with("id", "  req-1  ")
                .with("time", "2026-11-03T15:05:12.481+01:00")
                .with("tenant", "acme")
                .with("subscriptionId", "sub-1")
                .with("subscriptionName", " tenant-acme ")
                .with("productId", "aoai-standard")
                .with("apiId", "azure-openai")
                .with("operationId", "ChatCompletions_Create")
                .with("userId", "ana@acme.example")
                .with("appId", "app-1")
                .with("model", "gpt-4o-mini-2024-07-18")
                .with("region", "eastus2")
                .with("backendId", "aoai-eastus2")
                .with("cachedPromptTokens", 400)
                .with("reasoningTokens", 50)
                .with("totalTokens", 1200)
                .with("requests", 3)
                .with("streaming", true)
                .with("estimated", true)
                .with("statusCode", 200)
                .with("attributes", Map.of("team", "search"));

        UsageEvent event = validEvent(record);

        assertThat(event)
                .isEqualTo(new UsageEvent(
                        "req-1",
                        Instant.parse("2026-11-03T14:05:12.481Z"),
                        "acme",
                        "sub-1",
                        "tenant-acme",
                        "aoai-standard",
                        "azure-openai",
                        "ChatCompletions_Create",
                        "ana@acme.example",
                        "app-1",
                        "gpt-4o-mini",
                        "gpt-4o-mini-2024-07-18",
                        "eastus2",
                        "aoai-eastus2",
                        new TokenCounts(1000, 400, 200, 50),
                        3,
                        true,
                        true,
                        200,
                        Map.of("team", "search")));
    }

    @Test
    void optionalFieldsDefaultWhenAbsent() {
        UsageEvent event = validEvent(RecordFixture.canonical().without("completionTokens"));

        assertThat(event.tokens()).isEqualTo(new TokenCounts(1000, 0, 0, 0));
        assertThat(event.requests()).isEqualTo(1);
        assertThat(event.estimated()).isFalse();
        assertThat(event.streaming()).isNull();
        assertThat(event.statusCode()).isNull();
        assertThat(event.model()).isNull();
        assertThat(event.tenant()).isNull();
        assertThat(event.attributes()).isEmpty();
    }

    @Test
    void blankOrNullOptionalTextIsAbsent() {
        UsageEvent event =
                validEvent(RecordFixture.canonical().with("model", "   ").with("region", null));

        assertThat(event.model()).isNull();
        assertThat(event.region()).isNull();
    }

    @Test
    void unknownFieldsAreIgnored() {
        assertThat(parseOne(RecordFixture.canonical().with("somethingNew", Map.of("x", 1))))
                .isInstanceOf(ParsedRecord.Valid.class);
    }

    @Test
    void missingRequiredFieldsAreAllReportedTogether() {
        RecordFixture record = RecordFixture.empty().with("model", "gpt-4o");

        assertThat(errorsOf(record))
                .containsExactly(
                        new FieldError("id", "is required"),
                        new FieldError("time", "is required"),
                        new FieldError("deployment", "is required"),
                        new FieldError("promptTokens", "is required (or give a usage object with prompt_tokens)"));
    }

    @Test
    void invalidRecordCarriesItsIdWhenOneCouldBeRead() {
        ParsedRecord.Invalid invalid =
                (ParsedRecord.Invalid) parseOne(RecordFixture.canonical().without("deployment"));

        assertThat(invalid.eventId()).isEqualTo("req-1");
        assertThat(((ParsedRecord.Invalid) parseOne(RecordFixture.canonical().with("id", 7))).eventId())
                .isNull();
    }

    @Test
    void blankDeploymentIsRejected() {
        assertThat(onlyError(RecordFixture.canonical().with("deployment", "  ")))
                .isEqualTo(new FieldError("deployment", "must not be blank"));
    }

    @Test
    void idOfMoreThan200CharactersIsRejected() {
        assertThat(parseOne(RecordFixture.canonical().with("id", "x".repeat(200))))
                .isInstanceOf(ParsedRecord.Valid.class);
        assertThat(onlyError(RecordFixture.canonical().with("id", "x".repeat(201))))
                .isEqualTo(new FieldError("id", "is 201 characters long; at most 200 are allowed"));
    }

    @Test
    void timeWithoutOffsetIsRejectedNamingTheExpectedForm() {
        FieldError error = onlyError(RecordFixture.canonical().with("time", "2026-11-03T14:05:12"));

        assertThat(error.field()).isEqualTo("time");
        assertThat(error.reason()).contains("has no UTC offset", "2026-11-03T14:05:12Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-11-03", "5/24/2024 2:45:56 PM", "2026-11-03T14:05:12+0100"})
    void timeThatIsNotRfc3339IsRejected(String time) {
        FieldError error = onlyError(RecordFixture.canonical().with("time", time));

        assertThat(error.field()).isEqualTo("time");
        assertThat(error.reason()).contains("is not an RFC 3339 timestamp", "2026-11-03T14:05:12Z");
    }

    @Test
    void timeGivenAsANumberIsRejected() {
        assertThat(onlyError(RecordFixture.canonical().with("time", 1_700_000_000))
                        .field())
                .isEqualTo("time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tenant", "subscriptionName", "userId", "model", "region", "backendId"})
    void optionalTextThatIsNotAStringIsRejected(String field) {
        assertThat(onlyError(RecordFixture.canonical().with(field, 42)))
                .isEqualTo(new FieldError(field, "must be a string, got 42"));
    }

    @Test
    void optionalTextLongerThan1000CharactersIsRejected() {
        assertThat(onlyError(RecordFixture.canonical().with("userId", "u".repeat(1001)))
                        .field())
                .isEqualTo("userId");
    }

    static Stream<Arguments> badTokenValues() {
        return Stream.of(
                Arguments.of(12.5, "12.5"),
                Arguments.of(-1, "-1"),
                Arguments.of("15000", "\"15000\" (a string)"),
                Arguments.of(true, "true (a boolean)"),
                Arguments.of(List.of(1), "an array"));
    }

    @ParameterizedTest
    @MethodSource("badTokenValues")
    void tokenFieldThatIsNotANonNegativeIntegerIsRejected(Object value, String shown) {
        for (String field : List.of("promptTokens", "cachedPromptTokens", "completionTokens", "reasoningTokens")) {
            assertThat(errorsOf(RecordFixture.canonical().with(field, value)))
                    .contains(new FieldError(field, "must be a non-negative integer, got " + shown));
        }
    }

    @Test
    void tokenCountsUpToATrillionPerRecordAreAccepted() {
        UsageEvent event = validEvent(RecordFixture.canonical()
                .with("promptTokens", FieldReader.MAX_TOKENS)
                .with("completionTokens", 0));

        assertThat(event.tokens().prompt()).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void tokenCountAboveATrillionPerRecordIsRejectedSoDailySumsCannotOverflow() {
        assertThat(onlyError(RecordFixture.canonical().with("promptTokens", FieldReader.MAX_TOKENS + 1)))
                .satisfies(error -> {
                    assertThat(error.field()).isEqualTo("promptTokens");
                    assertThat(error.reason()).contains("too large");
                });
    }

    @Test
    void tokenCountBeyondTheLongRangeIsRejected() {
        String body = RecordFixture.canonical()
                .json()
                .replace("\"promptTokens\":1000", "\"promptTokens\":9223372036854775808");

        FieldError error = Parsing.errorsOf(parseOne(body, Parsing.JSON)).getFirst();

        assertThat(error.field()).isEqualTo("promptTokens");
        assertThat(error.reason()).contains("too large");
    }

    @Test
    void cachedPromptTokensBeyondPromptTokensAreRejected() {
        assertThat(onlyError(RecordFixture.canonical().with("cachedPromptTokens", 1100)))
                .isEqualTo(new FieldError(
                        "cachedPromptTokens",
                        "1100 exceeds promptTokens 1000; cached tokens are a subset of prompt tokens"));
    }

    @Test
    void reasoningTokensBeyondCompletionTokensAreRejected() {
        assertThat(onlyError(RecordFixture.canonical().with("reasoningTokens", 201)))
                .isEqualTo(new FieldError(
                        "reasoningTokens",
                        "201 exceeds completionTokens 200; reasoning tokens are a subset of completion tokens"));
    }

    @Test
    void reasoningTokensWithoutCompletionTokensAreRejected() {
        assertThat(onlyError(RecordFixture.canonical()
                                .without("completionTokens")
                                .with("reasoningTokens", 5))
                        .field())
                .isEqualTo("reasoningTokens");
    }

    @Test
    void totalTokensThatIsNotPromptPlusCompletionIsRejected() {
        assertThat(parseOne(RecordFixture.canonical().with("totalTokens", 1200)))
                .isInstanceOf(ParsedRecord.Valid.class);
        assertThat(onlyError(RecordFixture.canonical().with("totalTokens", 1300)))
                .isEqualTo(new FieldError(
                        "totalTokens", "1300 does not equal promptTokens + completionTokens (1000 + 200)"));
    }

    @Test
    void unusableCompletionTokensDoNotAlsoFailTheTotalCheck() {
        RecordFixture record = RecordFixture.canonical()
                .with("completionTokens", "200")
                .with("reasoningTokens", 10)
                .with("totalTokens", 1);

        assertThat(fieldsOf(errorsOf(record))).containsExactly("completionTokens");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -3})
    void requestsBelowOneAreRejected(int requests) {
        assertThat(onlyError(RecordFixture.canonical().with("requests", requests)))
                .isEqualTo(new FieldError("requests", "must be an integer of at least 1, got " + requests));
    }

    @Test
    void requestsBeyondTheIntRangeAreRejected() {
        assertThat(onlyError(RecordFixture.canonical().with("requests", 3_000_000_000L))
                        .field())
                .isEqualTo("requests");
    }

    @Test
    void preAggregatedRecordKeepsItsRequestCount() {
        assertThat(validEvent(RecordFixture.canonical().with("requests", 42)).requests())
                .isEqualTo(42);
    }

    @ParameterizedTest
    @ValueSource(strings = {"streaming", "estimated"})
    void flagThatIsNotABooleanIsRejected(String field) {
        assertThat(onlyError(RecordFixture.canonical().with(field, "true")))
                .isEqualTo(new FieldError(field, "must be true or false, got \"true\" (a string)"));
    }

    @Test
    void statusCodeThatIsNotAnIntegerIsRejected() {
        assertThat(onlyError(RecordFixture.canonical().with("statusCode", "200"))
                        .field())
                .isEqualTo("statusCode");
    }

    @Test
    void attributeNumbersAndBooleansAreKeptAsText() {
        RecordFixture record = RecordFixture.canonical()
                .with("attributes.team", " search ")
                .with("attributes.priority", 3)
                .with("attributes.pilot", true)
                .with("attributes.empty", null);

        assertThat(validEvent(record).attributes())
                .containsExactlyInAnyOrderEntriesOf(Map.of("team", "search", "priority", "3", "pilot", "true"));
    }

    @Test
    void nestedAttributeValuesAreRejectedNamingTheKey() {
        RecordFixture record = RecordFixture.canonical()
                .with("attributes.team", "search")
                .with("attributes.tags", List.of("a"))
                .with("attributes.owner", Map.of("name", "ana"));

        assertThat(fieldsOf(errorsOf(record))).containsExactly("attributes.tags", "attributes.owner");
    }

    @Test
    void attributesThatAreNotAnObjectAreRejected() {
        assertThat(onlyError(RecordFixture.canonical().with("attributes", "team=search"))
                        .field())
                .isEqualTo("attributes");
    }

    @Test
    void everyFieldErrorOfARecordIsReported() {
        RecordFixture record = RecordFixture.canonical()
                .with("time", "2026-11-03 14:05")
                .with("promptTokens", -1)
                .with("completionTokens", 1.5)
                .with("requests", 0)
                .with("streaming", "no")
                .with("attributes.nested", Map.of());

        assertThat(fieldsOf(errorsOf(record)))
                .containsExactlyInAnyOrder(
                        "time", "promptTokens", "completionTokens", "requests", "streaming", "attributes.nested");
    }
}
