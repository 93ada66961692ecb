package io.tokenledger.web.ledger;

import static io.tokenledger.web.testing.RateCardJson.card;
import static io.tokenledger.web.testing.Reply.assertProblem;
import static io.tokenledger.web.testing.UsageJson.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.LedgerData;
import io.tokenledger.web.testing.LedgerJson;
import io.tokenledger.web.testing.RateCardJson;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.UsageJson;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/ledger} after usage and rate cards went in through the API. Costs are computed by hand from
 * the formula (uncached prompt × prompt + cached × cached + (completion − reasoning) × completion + reasoning ×
 * reasoning) per 1M tokens.
 */
@TokenLedgerServerTest
class LedgerApiIT {

    private static final String EVENTS = "/api/v1/usage-events";
    private static final String RATE_CARDS = "/api/v1/rate-cards";
    private static final String MARCH_10_TO_11 = "from=2025-03-10&to=2025-03-11";
    private static final String METRICS_KEYS =
            "requests,promptTokens,cachedPromptTokens,completionTokens," + "reasoningTokens,cost,unpricedRequests";

    @LocalServerPort
    int port;

    private Api api;

    @BeforeEach
    void emptyLedger() {
        LedgerData.clear();
        api = Api.asAdmin(port);
    }

    /**
     * gpt-4o at 2.50 / 1.25 / 10.00 per 1M (reasoning defaults to completion):
     *
     * <ul>
     *   <li>acme 03-10: 600 × 2.5 + 400 × 1.25 + 300 × 10 + 200 × 10 = 7000 → 0.007
     *   <li>acme 03-11: 2000 × 2.5 + 100 × 10 = 6000 → 0.006
     *   <li>globex 03-10: 1 × 2.5 + 1 × 10 = 12.5 → 0.0000125
     *   <li>globex 03-10 on llama-3-70b: no rate card, unpriced
     * </ul>
     */
    private void usageOfTwoTenantsOnTwoDays() {
        publish(card("gpt-4o", "2025-01-01", "2.50", "1.25", "10.00"));
        ingest(UsageJson.array(
                event("acme-1").at("2025-03-10T09:00:00Z").tokens(1000, 400, 500, 200),
                event("acme-2").at("2025-03-11T09:00:00Z").tokens(2000, 0, 100, 0),
                event("globex-1").tenant("globex").at("2025-03-10T10:00:00Z").tokens(1, 0, 1, 0),
                event("globex-2")
                        .tenant("globex")
                        .deployment("llama-3-70b")
                        .model("llama-3-70b-instruct")
                        .at("2025-03-10T11:00:00Z")
                        .tokens(300, 0, 30, 0)));
    }

    @Test
    void rowsGroupedByEveryDimensionHoldExactCosts() {
        usageOfTwoTenantsOnTwoDays();

        JsonNode ledger = api.ledger(MARCH_10_TO_11 + "&groupBy=tenant,deployment,model,day")
                .json();

        assertThat(ledger.path("currency").asString()).isEqualTo("USD");
        JsonNode rows = ledger.path("rows");
        assertThat(rows).hasSize(4);
        assertThat(rows)
                .allSatisfy(row -> assertThat(row.propertyNames())
                        .containsExactly(("tenant,deployment,model,day," + METRICS_KEYS).split(",")));
        assertThat(rows)
                .extracting(
                        row -> row.path("tenant").asString(),
                        row -> row.path("deployment").asString(),
                        row -> row.path("model").asString(),
                        row -> row.path("day").asString(),
                        row -> row.path("cost").asString(),
                        row -> row.path("unpricedRequests").asLong())
                .containsExactlyInAnyOrder(
                        tuple("acme", "gpt-4o", "gpt-4o-2024-08-06", "2025-03-10", "0.007", 0L),
                        tuple("acme", "gpt-4o", "gpt-4o-2024-08-06", "2025-03-11", "0.006", 0L),
                        tuple("globex", "gpt-4o", "gpt-4o-2024-08-06", "2025-03-10", "0.0000125", 0L),
                        tuple("globex", "llama-3-70b", "llama-3-70b-instruct", "2025-03-10", "0", 1L));
        assertThat(ledger.path("total").asString()).isEqualTo("0.0130125");
        assertThat(ledger.path("unpricedRequests").asLong()).isEqualTo(1);
    }

    @Test
    void rowsHoldOnlyTheRequestedKeys() {
        usageOfTwoTenantsOnTwoDays();

        JsonNode byTenant = api.ledger(MARCH_10_TO_11 + "&groupBy=tenant").json();
        JsonNode byDeploymentAndDay =
                api.ledger(MARCH_10_TO_11 + "&groupBy=deployment,day").json();

        assertThat(byTenant.path("rows"))
                .allSatisfy(
                        row -> assertThat(row.propertyNames()).containsExactly(("tenant," + METRICS_KEYS).split(",")));
        Map<String, JsonNode> tenants = LedgerJson.rowsBy(byTenant, "tenant");
        assertThat(tenants.get("acme").path("cost").asString()).isEqualTo("0.013");
        assertThat(tenants.get("acme").path("requests").asLong()).isEqualTo(2);
        assertThat(tenants.get("globex").path("cost").asString()).isEqualTo("0.0000125");
        assertThat(tenants.get("globex").path("unpricedRequests").asLong()).isEqualTo(1);
        assertThat(byDeploymentAndDay.path("rows"))
                .hasSize(3)
                .allSatisfy(row ->
                        assertThat(row.propertyNames()).containsExactly(("deployment,day," + METRICS_KEYS).split(",")));
    }

    @Test
    void totalEqualsTheSumOfTheRowsInEveryGrouping() {
        usageOfTwoTenantsOnTwoDays();

        for (String groupBy : new String[] {"tenant", "deployment", "model", "day", "tenant,deployment,model,day"}) {
            JsonNode ledger = api.ledger(MARCH_10_TO_11 + "&groupBy=" + groupBy).json();
            assertThat(new BigDecimal(ledger.path("total").asString()))
                    .as("total grouped by %s", groupBy)
                    .isEqualByComparingTo(LedgerJson.sumOfCosts(ledger))
                    .isEqualByComparingTo("0.0130125");
            assertThat(LedgerJson.sumOf(ledger, "requests")).isEqualTo(4);
        }
    }

    @Test
    void fromAndToAreBothInclusiveBusinessDays() {
        usageOfTwoTenantsOnTwoDays();

        JsonNode secondDayOnly =
                api.ledger("from=2025-03-11&to=2025-03-11&groupBy=tenant,day").json();

        assertThat(secondDayOnly.path("rows")).hasSize(1);
        assertThat(secondDayOnly.path("rows").get(0).path("day").asString()).isEqualTo("2025-03-11");
        assertThat(secondDayOnly.path("total").asString()).isEqualTo("0.006");
    }

    @Test
    void eventTimeWithAnOffsetCountsOnItsBusinessDayInUtc() {
        // 23:30 at UTC-02:00 is 01:30 UTC the next day.
        ingest(UsageJson.array(event("late-evening").at("2025-03-10T23:30:00-02:00")));

        JsonNode rows = api.ledger(MARCH_10_TO_11 + "&groupBy=day").json().path("rows");

        assertThat(rows).extracting(row -> row.path("day").asString()).containsExactly("2025-03-11");
    }

    @Test
    void tenantParameterLimitsTheLedgerToOneTenant() {
        usageOfTwoTenantsOnTwoDays();

        JsonNode ledger =
                api.ledger(MARCH_10_TO_11 + "&groupBy=tenant&tenant=globex").json();

        assertThat(ledger.path("rows"))
                .extracting(row -> row.path("tenant").asString())
                .containsExactly("globex");
        assertThat(ledger.path("total").asString()).isEqualTo("0.0000125");
    }

    @Test
    void unknownGroupByIs400ProblemNamingIt() {
        Reply reply = api.get("/api/v1/ledger?" + MARCH_10_TO_11 + "&groupBy=tenant,region");

        assertProblem(reply, 400, "region");
    }

    @Test
    void fromAfterToIs400Problem() {
        Reply reply = api.get("/api/v1/ledger?from=2025-03-11&to=2025-03-10&groupBy=tenant");

        assertProblem(reply, 400, "2025-03-11");
    }

    @Test
    void blankParametersMeanTheSameAsAbsentOnes() {
        usageOfTwoTenantsOnTwoDays();

        JsonNode blank = api.ledger(MARCH_10_TO_11 + "&groupBy=tenant&tenant=&limit=&after=")
                .json();

        assertThat(blank)
                .isEqualTo(api.ledger(MARCH_10_TO_11 + "&groupBy=tenant").json());
        assertThat(blank.path("rows")).hasSize(2);
    }

    @Test
    void dayThatIsNotIsoIs400ProblemNamingTheParameter() {
        Reply reply = api.get("/api/v1/ledger?from=10.03.2025&to=2025-03-11&groupBy=tenant");

        assertProblem(reply, 400, "from");
    }

    @Test
    void rateCardPublishedAfterTheEventsPricesThem() {
        // gpt-4.1 at 2.00 / 0.50 / 8.00: 1500 × 2 + 500 × 0.5 + 300 × 8 + 100 × 8 = 6450 → 0.00645
        ingest(UsageJson.array(event("unpriced-1")
                .deployment("gpt-4.1")
                .model("gpt-4.1-2025-04-14")
                .at("2025-04-02T08:00:00Z")
                .tokens(2000, 500, 400, 100)));
        String query = "from=2025-04-01&to=2025-04-30&groupBy=deployment";
        JsonNode unpriced =
                LedgerJson.rowsBy(api.ledger(query).json(), "deployment").get("gpt-4.1");
        assertThat(unpriced.path("cost").asString()).isEqualTo("0");
        assertThat(unpriced.path("unpricedRequests").asLong()).isEqualTo(1);

        publish(card("gpt-4.1", "2025-04-01", "2.00", "0.50", "8.00"));

        JsonNode ledger = api.ledger(query).json();
        JsonNode priced = LedgerJson.rowsBy(ledger, "deployment").get("gpt-4.1");
        assertThat(priced.path("cost").asString()).isEqualTo("0.00645");
        assertThat(priced.path("unpricedRequests").asLong()).isZero();
        assertThat(priced.path("requests").asLong()).isEqualTo(1);
        assertThat(ledger.path("total").asString()).isEqualTo("0.00645");
        assertThat(ledger.path("unpricedRequests").asLong()).isZero();
    }

    @Test
    void rateCardEffectiveAfterTheEventDoesNotPriceIt() {
        ingest(UsageJson.array(event("before-card").deployment("gpt-4.1").at("2025-04-02T08:00:00Z")));

        publish(card("gpt-4.1", "2025-04-03", "2.00", "0.50", "8.00"));

        JsonNode row = LedgerJson.rowsBy(
                        api.ledger("from=2025-04-01&to=2025-04-30&groupBy=deployment")
                                .json(),
                        "deployment")
                .get("gpt-4.1");
        assertThat(row.path("cost").asString()).isEqualTo("0");
        assertThat(row.path("unpricedRequests").asLong()).isEqualTo(1);
    }

    @Test
    void newerRateCardVersionRepricesOnlyUsageFromItsEffectiveDay() {
        publish(card("gpt-4o", "2025-01-01", "2.50", "1.25", "10.00"));
        ingest(UsageJson.array(
                event("v1-day").at("2025-03-10T09:00:00Z").tokens(1000, 400, 500, 200),
                event("v2-day").at("2025-03-11T09:00:00Z").tokens(1000, 400, 500, 200)));

        // 600 × 1 + 400 × 0.5 + 300 × 4 + 200 × 4 = 2800 → 0.0028
        publish(card("gpt-4o", "2025-03-11", "1.00", "0.50", "4.00"));

        Map<String, JsonNode> days =
                LedgerJson.rowsBy(api.ledger(MARCH_10_TO_11 + "&groupBy=day").json(), "day");
        assertThat(days.get("2025-03-10").path("cost").asString()).isEqualTo("0.007");
        assertThat(days.get("2025-03-11").path("cost").asString()).isEqualTo("0.0028");
    }

    @Test
    void openAiUsageShapeAndFlatFieldsGiveIdenticalRows() {
        publish(card("gpt-4o", "2025-01-01", "2.50", "1.25", "10.00"));
        UsageJson flat = event("flat").tenant("flat-co").tokens(1000, 400, 500, 200);
        UsageJson openAi =
                event("openai").tenant("usage-co").tokens(1000, 400, 500, 200).inOpenAiUsageShape();
        assertThat(openAi.json()).doesNotContain("promptTokens").contains("prompt_tokens_details");

        ingest(UsageJson.array(flat, openAi));

        Map<String, JsonNode> tenants = LedgerJson.rowsBy(
                api.ledger(MARCH_10_TO_11 + "&groupBy=tenant,deployment,model,day")
                        .json(),
                "tenant");
        ObjectNode flatRow = (ObjectNode) tenants.get("flat-co");
        ObjectNode openAiRow = (ObjectNode) tenants.get("usage-co");
        assertThat(flatRow.path("cost").asString()).isEqualTo("0.007");
        flatRow.remove("tenant");
        openAiRow.remove("tenant");
        assertThat(openAiRow).isEqualTo(flatRow);
    }

    private void publish(RateCardJson card) {
        Reply reply = api.postJson(RATE_CARDS, card.json());
        assertThat(reply.status()).as(reply::toString).isEqualTo(201);
    }

    private void ingest(String jsonArray) {
        Reply reply = api.postJson(EVENTS, jsonArray);
        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        assertThat(reply.json().path("rejected").asInt()).as(reply::toString).isZero();
    }
}
