package io.tokenledger.web.pricing;

import static io.tokenledger.web.testing.RateCardJson.card;
import static io.tokenledger.web.testing.Reply.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.LedgerData;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET/POST /api/v1/rate-cards} over real HTTP. */
@TokenLedgerServerTest
class RateCardsApiIT {

    private static final String RATE_CARDS = "/api/v1/rate-cards";

    @LocalServerPort
    int port;

    private Api api;

    @BeforeEach
    void noRateCards() {
        LedgerData.clear();
        api = Api.asAdmin(port);
    }

    @Test
    void publishedRateCardIsCreatedWithTheReasoningPriceDefaultingToTheCompletionPrice() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Reply reply = api.postJson(
                RATE_CARDS,
                card("gpt-4o-mini", "2026-11-01", "0.15", "0.075", "0.60").json());

        assertThat(reply.status()).as(reply::toString).isEqualTo(201);
        assertThat(reply.mediaType()).isEqualTo("application/json");
        JsonNode created = reply.json();
        assertThat(created.path("id").asLong()).isPositive();
        assertThat(created.path("deployment").asString()).isEqualTo("gpt-4o-mini");
        assertThat(created.path("currency").asString()).isEqualTo("USD");
        assertThat(created.path("effectiveFrom").asString()).isEqualTo("2026-11-01");
        assertThat(created.path("promptPer1M").asString()).isEqualTo("0.15");
        assertThat(created.path("cachedPromptPer1M").asString()).isEqualTo("0.075");
        assertPrice(created.path("completionPer1M"), "0.60");
        assertPrice(created.path("reasoningPer1M"), "0.60");
        assertThat(created.path("createdBy").asString()).isEqualTo("admin");
        assertThat(Instant.parse(created.path("createdAt").asString())).isAfterOrEqualTo(before);
    }

    @Test
    void explicitReasoningPriceIsKept() {
        Reply reply = api.postJson(
                RATE_CARDS,
                card("o3-mini", "2026-11-01", "1.10", "0.55", "4.40")
                        .with("reasoningPer1M", "8.8")
                        .json());

        assertThat(reply.status()).as(reply::toString).isEqualTo(201);
        assertPrice(reply.json().path("completionPer1M"), "4.40");
        assertPrice(reply.json().path("reasoningPer1M"), "8.8");
    }

    @Test
    void listShowsEveryPublishedVersion() {
        JsonNode first = api.postJson(
                        RATE_CARDS,
                        card("gpt-4o", "2026-10-01", "2.50", "1.25", "10.00").json())
                .json();
        JsonNode second = api.postJson(
                        RATE_CARDS,
                        card("gpt-4o", "2026-11-01", "2.00", "1.00", "8.00").json())
                .json();

        Reply list = api.get(RATE_CARDS);

        assertThat(list.status()).as(list::toString).isEqualTo(200);
        assertThat(list.json()).containsExactly(first, second);
    }

    @Test
    void sameDeploymentAndEffectiveFromAgainIs409Problem() {
        String body = card("gpt-4o", "2026-11-01", "2.50", "1.25", "10.00").json();
        assertThat(api.postJson(RATE_CARDS, body).status()).isEqualTo(201);

        Reply again = api.postJson(
                RATE_CARDS,
                card("gpt-4o", "2026-11-01", "9.99", "1.25", "10.00").json());

        assertProblem(again, 409, "already has a version effective from 2026-11-01");
        assertThat(again.json().path("field").asString()).isEqualTo("effectiveFrom");
        JsonNode cards = api.get(RATE_CARDS).json();
        assertThat(cards).hasSize(1);
        assertThat(cards.get(0).path("promptPer1M").asString()).isEqualTo("2.5");
    }

    @Test
    void negativePriceIs422ProblemNamingTheField() {
        Reply reply = api.postJson(
                RATE_CARDS,
                card("gpt-4o", "2026-11-01", "2.50", "-1.25", "10.00").json());

        assertProblem(reply, 422, "cachedPromptPer1M");
        assertThat(reply.json().path("field").asString()).isEqualTo("cachedPromptPer1M");
        assertThat(api.get(RATE_CARDS).json()).isEmpty();
    }

    @Test
    void currencyThatIsNotAnIso4217CodeIs422Problem() {
        // any ISO 4217 currency is accepted since FX conversion (docs/pricing.md, "Currency"); a made-up one is not
        Reply reply = api.postJson(
                RATE_CARDS,
                card("gpt-4o", "2026-11-01", "2.50", "1.25", "10.00")
                        .with("currency", "EURO")
                        .json());

        assertProblem(reply, 422, "EURO");
        assertThat(reply.json().path("field").asString()).isEqualTo("currency");
        assertThat(api.get(RATE_CARDS).json()).isEmpty();
    }

    @Test
    void effectiveFromThatIsNotADayIs400Problem() {
        Reply reply = api.postJson(
                RATE_CARDS,
                card("gpt-4o", "2026-13-01", "2.50", "1.25", "10.00").json());

        assertProblem(reply, 400, "effectiveFrom");
        assertThat(reply.json().path("detail").asString()).contains("2026-13-01");
    }

    @Test
    void missingCompletionPriceIs400ProblemNamingIt() {
        Reply reply = api.postJson(
                RATE_CARDS,
                card("gpt-4o", "2026-11-01", "2.50", "1.25", "10.00")
                        .with("completionPer1M", null)
                        .json());

        assertProblem(reply, 400, "completionPer1M");
    }

    @Test
    void priceThatIsNotANumberIs400ProblemNamingIt() {
        Reply reply = api.postJson(
                RATE_CARDS,
                card("gpt-4o", "2026-11-01", "2,50", "1.25", "10.00").json());

        assertProblem(reply, 400, "promptPer1M");
    }

    @Test
    void malformedJsonIs400ProblemThatSaysTheJsonIsMalformed() {
        Reply reply = api.postJson(RATE_CARDS, "{\"deployment\": \"gpt-4o\", ");

        assertProblem(reply, 400, "JSON");
        assertThat(api.get(RATE_CARDS).json()).isEmpty();
    }

    @Test
    void priceGivenAsAnObjectIs400ProblemNamingTheField() {
        Reply reply = api.postJson(
                RATE_CARDS,
                card("gpt-4o", "2026-11-01", "2.50", "1.25", "10.00")
                        .with("promptPer1M", Map.of("amount", "2.50"))
                        .json());

        assertProblem(reply, 400, "promptPer1M");
    }

    @Test
    void pricesGivenAsJsonNumbersAreKeptExactly() {
        Reply reply = api.postJson(
                RATE_CARDS,
                card("gpt-4o-mini", "2026-11-01", "0", "0", "0")
                        .withNumber("promptPer1M", "0.15")
                        .withNumber("cachedPromptPer1M", "0.075")
                        .withNumber("completionPer1M", "0.1234567890123456789")
                        .json());

        assertThat(reply.status()).as(reply::toString).isEqualTo(201);
        JsonNode created = reply.json();
        assertThat(created.path("promptPer1M").asString()).isEqualTo("0.15");
        assertThat(created.path("cachedPromptPer1M").asString()).isEqualTo("0.075");
        // More digits than a double holds: only an exact reading keeps them all.
        assertThat(created.path("completionPer1M").asString()).isEqualTo("0.1234567890123456789");
        assertThat(created.path("reasoningPer1M").asString()).isEqualTo("0.1234567890123456789");
    }

    @Test
    void publishingWithoutCredentialsIs401ProblemAndPublishesNothing() {
        Reply reply = Api.anonymous(port)
                .postJson(
                        RATE_CARDS,
                        card("gpt-4o", "2026-11-01", "2.50", "1.25", "10.00").json());

        assertProblem(reply, 401, "HTTP Basic");
        assertThat(api.get(RATE_CARDS).json()).isEmpty();
    }

    /** Money is a JSON string holding the exact amount; trailing zeros carry no value. */
    private static void assertPrice(JsonNode price, String expected) {
        assertThat(price.isString()).as("%s is a JSON string", price).isTrue();
        assertThat(new java.math.BigDecimal(price.asString())).isEqualByComparingTo(expected);
    }
}
