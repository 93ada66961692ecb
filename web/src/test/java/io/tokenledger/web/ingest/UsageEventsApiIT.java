package io.tokenledger.web.ingest;

import static io.tokenledger.web.testing.Reply.assertProblem;
import static io.tokenledger.web.testing.UsageJson.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.LedgerData;
import io.tokenledger.web.testing.LedgerJson;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.UsageJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/usage-events} and the dead letters it leaves, over real HTTP. */
@TokenLedgerServerTest
class UsageEventsApiIT {

    private static final String EVENTS = "/api/v1/usage-events";
    private static final String DAY = "from=2025-03-10&to=2025-03-10";
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    @LocalServerPort
    int port;

    private Api api;

    @BeforeEach
    void emptyLedger() {
        LedgerData.clear();
        api = Api.asAdmin(port);
    }

    @Test
    void canonicalSampleFileIsAcceptedAsNdjson() {
        Reply reply = api.post(EVENTS, "application/x-ndjson", sample("canonical-events.ndjson"));

        assertIngested(reply, 3, 0, 0);
        Map<String, JsonNode> tenants = LedgerJson.rowsBy(
                api.ledger("from=2026-11-03&to=2026-11-03&groupBy=tenant").json(), "tenant");
        assertThat(tenants).containsOnlyKeys("tenant-acme", "tenant-widgets", "research");
        assertTokens(tenants.get("tenant-acme"), 1840, 1024, 212, 0);
        assertTokens(tenants.get("tenant-widgets"), 920, 0, 1480, 1152);
        assertTokens(tenants.get("research"), 8191, 0, 0, 0);
    }

    @Test
    void aiHubGatewayUsageRecordIsAccepted() {
        Reply reply = api.postJson(EVENTS, sample("aihub-usage-record.json"));

        assertIngested(reply, 1, 0, 0);
        JsonNode rows = api.ledger("from=2024-05-24&to=2024-05-24&groupBy=tenant,deployment,model")
                .json()
                .path("rows");
        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.path("tenant").asString()).isEqualTo("master");
        assertThat(row.path("deployment").asString()).isEqualTo("chat");
        assertThat(row.path("model").asString()).isEqualTo("gpt-35-turbo");
        assertThat(row.path("requests").asLong()).isEqualTo(1);
        assertTokens(row, 15000, 0, 5000, 0);
    }

    @Test
    void jsonArrayOfRecordsIsAccepted() {
        Reply reply = api.postJson(
                EVENTS, UsageJson.array(event("array-1"), event("array-2").tenant("globex")));

        assertIngested(reply, 2, 0, 0);
        Map<String, JsonNode> tenants =
                LedgerJson.rowsBy(api.ledger(DAY + "&groupBy=tenant").json(), "tenant");
        assertThat(tenants).containsOnlyKeys("acme", "globex");
        assertThat(tenants.get("globex").path("requests").asLong()).isEqualTo(1);
    }

    @Test
    void cloudEventsStructuredAndBatchAreAccepted() {
        UsageJson single = event("ce-1").asCloudEvent();

        assertIngested(api.post(EVENTS, "application/cloudevents+json", single.json()), 1, 0, 0);
        assertIngested(
                api.post(
                        EVENTS,
                        "application/cloudevents-batch+json",
                        UsageJson.array(
                                event("ce-2").asCloudEvent(),
                                event("ce-3").tenant("globex").asCloudEvent())),
                2,
                0,
                0);

        Map<String, JsonNode> tenants =
                LedgerJson.rowsBy(api.ledger(DAY + "&groupBy=tenant").json(), "tenant");
        assertThat(tenants.get("acme").path("requests").asLong()).isEqualTo(2);
        assertThat(tenants.get("globex").path("requests").asLong()).isEqualTo(1);
        // The envelope's id became the record's identity, so the same event again is a duplicate.
        assertIngested(api.post(EVENTS, "application/cloudevents+json", single.json()), 0, 1, 0);
    }

    @Test
    void sameBodyPostedTwiceIsCountedOnce() {
        String body = UsageJson.ndjson(
                event("twice-1"),
                event("twice-2").tenant("globex"),
                event("twice-3").deployment("gpt-4o-mini"));
        assertIngested(api.post(EVENTS, "application/x-ndjson", body), 3, 0, 0);
        JsonNode before = api.ledger(DAY + "&groupBy=tenant,deployment").json();

        Reply second = api.post(EVENTS, "application/x-ndjson", body);

        assertIngested(second, 0, 3, 0);
        JsonNode after = api.ledger(DAY + "&groupBy=tenant,deployment").json();
        assertThat(after).isEqualTo(before);
        assertThat(LedgerJson.sumOf(after, "requests")).isEqualTo(3);
    }

    @Test
    void mixedBatchAnswers200WithEachRejectedRecordByIndexAndFieldAndKeepsItAsDeadLetter() {
        UsageJson valid = event("mixed-ok");
        UsageJson noDeployment = event("mixed-no-deployment").without("deployment");
        UsageJson negative = event("mixed-negative").with("promptTokens", -5);
        UsageJson cachedOverPrompt = event("mixed-cached").tokens(100, 200, 10, 0);

        Reply reply = api.postJson(EVENTS, UsageJson.array(valid, noDeployment, negative, cachedOverPrompt));

        assertIngested(reply, 1, 0, 3);
        JsonNode errors = reply.json().path("errors");
        assertThat(errors)
                .extracting(
                        error -> error.path("index").asInt(),
                        error -> error.path("field").asString())
                .containsExactlyInAnyOrder(
                        tuple(1, "deployment"), tuple(2, "promptTokens"), tuple(3, "cachedPromptTokens"));
        assertThat(errors)
                .allSatisfy(error -> assertThat(error.path("reason").asString()).isNotBlank());
        assertThat(errorAt(errors, 1).path("reason").asString()).contains("required");
        assertThat(errorAt(errors, 2).path("reason").asString()).contains("non-negative");

        Map<Integer, JsonNode> letters = new TreeMap<>();
        deadLetters().forEach(letter -> letters.put(letter.path("index").asInt(), letter));
        assertThat(letters).containsOnlyKeys(1, 2, 3);
        assertDeadLetter(letters.get(1), "mixed-no-deployment", "deployment", noDeployment);
        assertDeadLetter(letters.get(2), "mixed-negative", "promptTokens", negative);
        assertDeadLetter(letters.get(3), "mixed-cached", "cachedPromptTokens", cachedOverPrompt);
        assertThat(LedgerJson.sumOf(api.ledger(DAY + "&groupBy=tenant").json(), "requests"))
                .isEqualTo(1);
    }

    static Stream<Arguments> unreadablePayloads() {
        return Stream.of(
                arguments("malformed JSON", Api.JSON, "{\"id\":\"broken\",\"time\":", 400, "malformed JSON"),
                arguments("empty body", Api.JSON, "", 400, "empty"),
                arguments("CSV", "text/csv", "id,time,deployment\nr-1,2025-03-10T12:00:00Z,gpt-4o\n", 415, "text/csv"),
                arguments(
                        "100 nested arrays",
                        Api.JSON,
                        "[".repeat(100) + "]".repeat(100),
                        400,
                        "nested deeper than the allowed 32"),
                arguments(
                        "form post as curl -d sends it",
                        "application/x-www-form-urlencoded",
                        event("form-1").json(),
                        415,
                        "application/x-www-form-urlencoded"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadablePayloads")
    void unreadablePayloadIsAProblemKeptAsDeadLetterAndTheServerAnswersTheNextRequest(
            String name, String contentType, String body, int status, String detailMentions) {
        Reply reply = api.post(EVENTS, contentType, body);

        assertProblem(reply, status, detailMentions);
        assertThat(reply.json().path("detail").asString()).contains("dead letter");
        List<JsonNode> letters = deadLetters();
        assertThat(letters).hasSize(1);
        JsonNode letter = letters.getFirst();
        assertThat(letter.path("rawPayload").asString()).isEqualTo(body);
        assertThat(letter.path("source").asString()).isEqualTo("http");
        assertThat(letter.hasNonNull("index"))
                .as("a payload as a whole has no index")
                .isFalse();
        assertThat(letter.path("reason").asString()).isNotBlank();
        assertNextRequestIsIngested();
    }

    @Test
    void malformedBodyWithANulByteIsAProblemKeptAsDeadLetter() {
        // U+0000 is valid UTF-8 but PostgreSQL text cannot hold it.
        Reply reply = api.postJson(EVENTS, "{\"id\":\u0000}");

        assertProblem(reply, 400, "malformed JSON");
        assertThat(deadLetters()).hasSize(1);
        assertNextRequestIsIngested();
    }

    static Stream<Arguments> recordsTheLedgerCannotHold() {
        return Stream.of(
                arguments("NUL character in the tenant", event("nul-tenant").tenant("acme\u0000"), "tenant"),
                arguments("NUL character in the id", event("nul-id\u0000"), "id"),
                arguments(
                        "NUL character in an attribute",
                        event("nul-attribute").with("attributes.team", "a\u0000b"),
                        "attributes.team"),
                arguments("tenant key of 201 characters", event("long-tenant").tenant("t".repeat(201)), "tenant"),
                arguments("time after the year 9999", event("year-10000").at("+10000-01-01T00:00:00Z"), "time"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordsTheLedgerCannotHold")
    void recordTheLedgerCannotHoldIsRejectedByFieldAndTheRestOfTheBatchIsStored(
            String name, UsageJson record, String field) {
        Reply reply = api.postJson(EVENTS, UsageJson.array(event("batch-neighbour"), record));

        assertIngested(reply, 1, 0, 1);
        assertThat(reply.json().path("errors"))
                .extracting(
                        error -> error.path("index").asInt(),
                        error -> error.path("field").asString())
                .containsExactly(tuple(1, field));
        assertThat(deadLetters())
                .extracting(letter -> letter.path("index").asInt())
                .containsExactly(1);
    }

    @Test
    void idsThatDifferOnlyInUnpairedSurrogatesAreNotTakenForOneAnother() {
        String first = "[{\"id\":\"req-\\ud800\",\"time\":\"2025-03-10T12:00:00Z\",\"deployment\":\"gpt-4o\","
                + "\"promptTokens\":1}]";
        String second = first.replace("\\ud800", "\\ud801");
        assertThat(api.postJson(EVENTS, first).status()).isEqualTo(200);

        Reply reply = api.postJson(EVENTS, second);

        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        assertThat(reply.json().path("duplicates").asInt())
                .as("a different id is not a duplicate: %s", reply)
                .isZero();
    }

    @Test
    void absurdTokenCountDoesNotBlockLaterUsageOfTheSameDay() {
        Reply absurd =
                api.postJson(EVENTS, UsageJson.array(event("absurd").tokens(Long.MAX_VALUE, 0, Long.MAX_VALUE, 0)));
        assertThat(absurd.status()).as(absurd::toString).isEqualTo(200);

        Reply next = api.postJson(EVENTS, UsageJson.array(event("ordinary")));

        assertIngested(next, 1, 0, 0);
    }

    @Test
    void sameBatchPostedConcurrentlyIsCountedOnce() {
        List<UsageJson> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(event("concurrent-" + i).tenant("tenant-" + (i % 7)).deployment("deployment-" + (i % 5)));
        }
        String body = UsageJson.array(records.toArray(UsageJson[]::new));

        List<CompletableFuture<Reply>> posts = IntStream.range(0, 4)
                .mapToObj(i ->
                        CompletableFuture.supplyAsync(() -> Api.asAdmin(port).postJson(EVENTS, body)))
                .toList();

        List<Reply> replies = posts.stream().map(CompletableFuture::join).toList();
        assertThat(replies)
                .allSatisfy(
                        reply -> assertThat(reply.status()).as(reply::toString).isEqualTo(200));
        assertThat(replies.stream()
                        .mapToInt(reply -> reply.json().path("accepted").asInt())
                        .sum())
                .isEqualTo(200);
        assertThat(replies.stream()
                        .mapToInt(reply -> reply.json().path("duplicates").asInt())
                        .sum())
                .isEqualTo(600);
        assertThat(LedgerJson.sumOf(
                        api.ledger(DAY + "&groupBy=tenant,deployment").json(), "requests"))
                .isEqualTo(200);
    }

    @Test
    void aBurstOfConcurrentBatchesIsWrittenInTurnsAndEveryBatchIsStored() {
        // more concurrent batches than the pool has connections: each would hold one and want a second after its
        // commit (status and budget checks), which starved the pool until its 30 s timeout answered 500s
        int batches = 16;
        List<Reply> replies;
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Reply>> posts = IntStream.range(0, batches)
                    .mapToObj(batch -> IntStream.range(0, 100)
                            .mapToObj(i -> event("burst-" + batch + "-" + i).tenant("tenant-" + (i % 9)))
                            .toArray(UsageJson[]::new))
                    .map(records -> CompletableFuture.supplyAsync(
                            () -> Api.asAdmin(port).postJson(EVENTS, UsageJson.array(records)), clients))
                    .toList();
            replies = posts.stream().map(CompletableFuture::join).toList();
        }
        assertThat(replies)
                .allSatisfy(
                        reply -> assertThat(reply.status()).as(reply::toString).isEqualTo(200));
        assertThat(LedgerJson.sumOf(api.ledger(DAY + "&groupBy=tenant").json(), "requests"))
                .isEqualTo(batches * 100);
    }

    @Test
    void wrongMethodOnTheIngestEndpointIs405Problem() {
        Reply reply = api.get(EVENTS);

        assertProblem(reply, 405, "GET");
    }

    @Test
    void unknownApiPathIs404Problem() {
        Reply reply = api.get("/api/v1/usage-event");

        assertProblem(reply, 404, "api/v1/usage-event");
    }

    @Test
    void bodyOverTheSizeLimitIs413ProblemAndNothingOfItIsStored() {
        String body = bodyOfAbout100Kb();

        Reply reply = api.postJson(EVENTS, body);

        assertProblem(reply, 413, "tokenledger.ingest.http.max-body-size");
        assertThat(api.ledger(DAY + "&groupBy=tenant").json().path("rows")).isEmpty();
        assertNextRequestIsIngested();
    }

    @Test
    void chunkedBodyOverTheSizeLimitIs413ProblemToo() {
        byte[] body = bodyOfAbout100Kb().getBytes(StandardCharsets.UTF_8);
        // From an InputStream the client cannot know the length, so it sends the body chunked.
        HttpRequest.BodyPublisher chunked =
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));

        Reply reply = api.post(EVENTS, Api.JSON, chunked);

        assertProblem(reply, 413, "tokenledger.ingest.http.max-body-size");
        assertThat(api.ledger(DAY + "&groupBy=tenant").json().path("rows")).isEmpty();
        assertNextRequestIsIngested();
    }

    @Test
    void requestWithoutCredentialsIs401ProblemAndStoresNothing() {
        Reply reply = Api.anonymous(port).postJson(EVENTS, event("anonymous").json());

        assertProblem(reply, 401, "HTTP Basic");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(api.ledger(DAY + "&groupBy=tenant").json().path("rows")).isEmpty();
    }

    @Test
    void wrongPasswordIs401Problem() {
        Reply reply = Api.withCredentials(port, "admin", "not-the-password")
                .postJson(EVENTS, event("wrong").json());

        assertProblem(reply, 401, "HTTP Basic");
        assertThat(api.ledger(DAY + "&groupBy=tenant").json().path("rows")).isEmpty();
    }

    @Test
    void deadLetterOfARecordSentWithTheWrongContentTypeIsReplayedIntoTheLedgerOnce() {
        assertThat(api.post(EVENTS, "text/csv", event("replayed").json()).status())
                .isEqualTo(415);
        long id = deadLetters().getFirst().path("id").asLong();

        Reply replay = replay(id);

        assertThat(replay.status()).as(replay::toString).isEqualTo(200);
        assertThat(replay.json().path("replayed").asBoolean()).isTrue();
        assertThat(replay.json().path("result").path("accepted").asInt()).isEqualTo(1);
        JsonNode ledger = api.ledger(DAY + "&groupBy=tenant").json();
        assertThat(LedgerJson.rowsBy(ledger, "tenant")
                        .get("acme")
                        .path("requests")
                        .asLong())
                .isEqualTo(1);
        assertThat(deadLetters())
                .as("a replayed dead letter is no longer pending")
                .isEmpty();
        JsonNode all =
                api.get("/api/v1/dead-letters?includeReplayed=true").json().path("items");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).hasNonNull("replayedAt")).isTrue();

        Reply again = replay(id);

        assertThat(again.json().path("replayed").asBoolean()).isTrue();
        assertThat(again.json().path("result").path("accepted").asInt()).isZero();
        assertThat(api.ledger(DAY + "&groupBy=tenant").json()).isEqualTo(ledger);
    }

    @Test
    void replayOfARecordThatIsStillInvalidReportsItsErrorsAndStoresNothing() {
        assertIngested(api.postJson(EVENTS, UsageJson.array(event("still-bad").without("deployment"))), 0, 0, 1);
        long id = deadLetters().getFirst().path("id").asLong();

        Reply replay = replay(id);

        assertThat(replay.status()).as(replay::toString).isEqualTo(200);
        assertThat(replay.json().path("replayed").asBoolean()).isFalse();
        JsonNode result = replay.json().path("result");
        assertThat(result.path("accepted").asInt()).isZero();
        assertThat(result.path("rejected").asInt()).isEqualTo(1);
        assertThat(result.path("errors"))
                .extracting(error -> error.path("field").asString())
                .containsExactly("deployment");
        assertThat(deadLetters())
                .extracting(letter -> letter.path("id").asLong())
                .containsExactly(id);
        assertThat(api.ledger(DAY + "&groupBy=tenant").json().path("rows")).isEmpty();
    }

    @Test
    void replayOfAnUnknownDeadLetterIs404Problem() {
        assertProblem(replay(987654), 404, "987654");
    }

    private Reply replay(long id) {
        return api.post("/api/v1/dead-letters/" + id + "/replay", null, HttpRequest.BodyPublishers.noBody());
    }

    private List<JsonNode> deadLetters() {
        Reply reply = api.get("/api/v1/dead-letters");
        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        reply.json().path("items").forEach(items::add);
        return items;
    }

    private void assertNextRequestIsIngested() {
        Reply next =
                api.postJson(EVENTS, event("next-" + NEXT_ID.incrementAndGet()).json());
        assertIngested(next, 1, 0, 0);
    }

    private static void assertIngested(Reply reply, int accepted, int duplicates, int rejected) {
        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        assertThat(reply.mediaType()).isEqualTo("application/json");
        JsonNode json = reply.json();
        assertThat(json.path("accepted").asInt()).as("accepted in %s", json).isEqualTo(accepted);
        assertThat(json.path("duplicates").asInt()).as("duplicates in %s", json).isEqualTo(duplicates);
        assertThat(json.path("rejected").asInt()).as("rejected in %s", json).isEqualTo(rejected);
        assertThat(json.path("errors").isArray()).isTrue();
        if (rejected == 0) {
            assertThat(json.path("errors")).isEmpty();
        }
    }

    private static void assertTokens(JsonNode row, long prompt, long cached, long completion, long reasoning) {
        assertThat(row.path("promptTokens").asLong()).isEqualTo(prompt);
        assertThat(row.path("cachedPromptTokens").asLong()).isEqualTo(cached);
        assertThat(row.path("completionTokens").asLong()).isEqualTo(completion);
        assertThat(row.path("reasoningTokens").asLong()).isEqualTo(reasoning);
    }

    private static void assertDeadLetter(JsonNode letter, String eventId, String field, UsageJson record) {
        assertThat(letter.path("eventId").asString()).isEqualTo(eventId);
        assertThat(letter.path("field").asString()).isEqualTo(field);
        assertThat(letter.path("reason").asString()).contains(field);
        assertThat(letter.path("source").asString()).isEqualTo("http");
        assertThat(Reply.JSON.readTree(letter.path("rawPayload").asString())).isEqualTo(record.node());
    }

    private static JsonNode errorAt(JsonNode errors, int index) {
        return errors.valueStream()
                .filter(error -> error.path("index").asInt() == index)
                .findFirst()
                .orElseThrow();
    }

    private static String bodyOfAbout100Kb() {
        List<UsageJson> records = new ArrayList<>();
        int length = 0;
        while (length < 100 * 1024) {
            UsageJson record = event("large-" + records.size());
            records.add(record);
            length += record.json().length() + 1;
        }
        return UsageJson.array(records.toArray(UsageJson[]::new));
    }

    static String sample(String name) {
        try (InputStream in = UsageEventsApiIT.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource samples/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
