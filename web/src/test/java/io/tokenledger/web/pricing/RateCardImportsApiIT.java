package io.tokenledger.web.pricing;

import static io.tokenledger.web.testing.Reply.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.DashboardLogin;
import io.tokenledger.web.testing.LedgerData;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Model cards, long-context tiers and imports with preview, over real HTTP; and the rate-card page. */
@TokenLedgerServerTest
class RateCardImportsApiIT {

    private static final String CSV = """
            kind,pattern,effectiveFrom,promptPer1M,cachedPromptPer1M,completionPer1M,reason
            deployment,chat,2026-11-01,0.15,0.075,0.60,from the November invoice
            model-prefix,gpt-4.1,2026-11-01,2.00,0.50,8.00,
            """;

    @LocalServerPort
    int port;

    private Api api;

    @BeforeEach
    void noRateCards() {
        LedgerData.clear();
        api = Api.asAdmin(port);
    }

    @Test
    void importPreviewSavesNothingAndTheConfirmedImportPublishesEveryLine() {
        Reply preview = api.post("/api/v1/rate-cards/import?format=csv", "text/csv", CSV);

        assertThat(preview.status()).as(preview::toString).isEqualTo(200);
        assertThat(preview.json().path("cards")).hasSize(2);
        assertThat(preview.json().path("cards").get(1).path("model").asString()).isEqualTo("gpt-4.1");
        assertThat(api.get("/api/v1/rate-cards").json()).isEmpty();

        Reply imported = api.post("/api/v1/rate-cards/import?format=csv&dryRun=false", "text/csv", CSV);

        assertThat(imported.status()).as(imported::toString).isEqualTo(201);
        assertThat(imported.json().path("published").asInt()).isEqualTo(2);
        JsonNode cards = api.get("/api/v1/rate-cards").json();
        assertThat(cards).hasSize(2);
    }

    @Test
    void anUnknownFormatOrDayIs400NamingTheParameterAndWhatItMustBe() {
        assertProblem(
                api.post("/api/v1/rate-cards/import?format=xlsx", "text/csv", CSV),
                400,
                "format must be one of csv, aihub, azure-retail, was 'xlsx'");
        assertProblem(
                api.post("/api/v1/rate-cards/import?format=AZURE-retail&effectiveFrom=1.11.2026", "text/csv", CSV),
                400,
                "effectiveFrom must be a day as YYYY-MM-DD, was '1.11.2026'");
        assertThat(api.get("/api/v1/rate-cards").json()).isEmpty();
    }

    @Test
    void importWithABadLineSavesNothingAndNamesTheLine() {
        String bad = CSV + "deployment,embeddings,2026-11-01,-1,0,0,\n";

        Reply reply = api.post("/api/v1/rate-cards/import?format=csv&dryRun=false", "text/csv", bad);

        assertThat(reply.status()).as(reply::toString).isEqualTo(422);
        assertThat(reply.json().path("errors").get(0).path("line").asInt()).isEqualTo(4);
        assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("promptPer1M");
        assertThat(api.get("/api/v1/rate-cards").json()).isEmpty();
    }

    @Test
    void modelCardWithLongContextTierIsPublishedAndListed() {
        Reply reply = api.postJson("/api/v1/rate-cards", """
                {"model":"gpt-4.1","match":"prefix","currency":"USD","effectiveFrom":"2026-11-01",
                 "promptPer1M":"2.00","cachedPromptPer1M":"0.50","completionPer1M":"8.00",
                 "longContext":{"promptTokensAbove":200000,"promptPer1M":"4.00","cachedPromptPer1M":"1.00",
                                "completionPer1M":"16.00"},
                 "reason":"long-context pricing"}
                """);

        assertThat(reply.status()).as(reply::toString).isEqualTo(201);
        JsonNode card = reply.json();
        assertThat(card.path("model").asString()).isEqualTo("gpt-4.1");
        assertThat(card.path("match").asString()).isEqualTo("prefix");
        assertThat(card.path("deployment").isNull()).isTrue();
        assertThat(card.path("longContext").path("promptTokensAbove").asLong()).isEqualTo(200_000);
        assertThat(card.path("longContext").path("reasoningPer1M").asString()).isEqualTo("16");
        assertThat(card.path("reason").asString()).isEqualTo("long-context pricing");
    }

    @Test
    void starterCataloguePreviewsModelPrefixCards() {
        Reply reply = api.post("/api/v1/rate-cards/catalogue?effectiveFrom=2026-11-01", "text/plain", "");

        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        assertThat(reply.json().path("errors")).isEmpty();
        assertThat(reply.json().path("cards").findValuesAsString("model")).contains("gpt-4o-mini", "o3-mini");
    }

    @Test
    void rateCardPageShowsTheTimelineAndPublishesFromTheForm() {
        Api browser = Api.browser(port);
        DashboardLogin.signIn(browser, "admin", TokenLedgerServerTest.ADMIN_PASSWORD);

        Reply posted = DashboardLogin.postWithCsrf(
                browser,
                "/rate-cards",
                "/rate-cards",
                Map.of(
                        "kind", "DEPLOYMENT",
                        "pattern", "chat",
                        "effectiveFrom", "2026-11-01",
                        "promptPer1M", "0.15",
                        "cachedPromptPer1M", "0.075",
                        "completionPer1M", "0.60",
                        "reason", "first price"));
        Reply page = browser.getHtml("/rate-cards");

        assertThat(posted.status()).isEqualTo(302);
        assertThat(page.body()).contains("deployment chat", "first price", "in force");
        assertThat(api.get("/api/v1/rate-cards").json()).hasSize(1);
    }
}
