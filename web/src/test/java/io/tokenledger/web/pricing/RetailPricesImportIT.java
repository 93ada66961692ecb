package io.tokenledger.web.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.WebClient;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The Azure Retail Prices import through the rate-card import API and page. */
@TokenLedgerServerTest
class RetailPricesImportIT {

    private static final String RESPONSE = """
            {"BillingCurrency":"USD","Items":[
             {"currencyCode":"USD","tierMinimumUnits":0.0,"retailPrice":0.00015,"armRegionName":"eastus",
              "effectiveStartDate":"2024-07-18T00:00:00Z","meterName":"gpt-4o-mini-0718 Inp glbl Tokens",
              "productName":"Azure OpenAI","skuName":"gpt-4o-mini-0718 Inp glbl","unitOfMeasure":"1K","type":"Consumption"},
             {"currencyCode":"USD","tierMinimumUnits":0.0,"retailPrice":0.000075,"armRegionName":"eastus",
              "effectiveStartDate":"2024-07-18T00:00:00Z","meterName":"gpt-4o-mini-0718 cached Inp glbl Tokens",
              "productName":"Azure OpenAI","skuName":"gpt-4o-mini-0718 cached Inp glbl","unitOfMeasure":"1K","type":"Consumption"},
             {"currencyCode":"USD","tierMinimumUnits":0.0,"retailPrice":0.0006,"armRegionName":"eastus",
              "effectiveStartDate":"2024-07-18T00:00:00Z","meterName":"gpt-4o-mini-0718 Outp glbl Tokens",
              "productName":"Azure OpenAI","skuName":"gpt-4o-mini-0718 Outp glbl","unitOfMeasure":"1K","type":"Consumption"},
             {"currencyCode":"USD","tierMinimumUnits":0.0,"retailPrice":2.0,"armRegionName":"eastus",
              "effectiveStartDate":"2024-08-01T00:00:00Z","meterName":"Provisioned Managed Global Unit",
              "productName":"Azure OpenAI","skuName":"Provisioned Managed Global","unitOfMeasure":"1 Hour","type":"Consumption"}
            ]}""";

    @LocalServerPort
    int port;

    private WebClient api;

    @BeforeEach
    void noPrices() {
        WebClient.clearData();
        api = WebClient.admin(port);
    }

    @Test
    void theImportPublishesOneModelCardAndStoredUsageOfTheModelIsPriced() {
        String event = "{\"id\":\"m1\",\"time\":\"2025-03-02T08:00:00Z\",\"tenant\":\"acme\",\"deployment\":\"mini\","
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"promptTokens\":1000000,\"cachedPromptTokens\":1000000,"
                + "\"completionTokens\":0}";
        api.postJson("/api/v1/usage-events", event);

        WebClient.Reply<String> imported =
                api.postJson("/api/v1/rate-cards/import?format=azure-retail&dryRun=false", RESPONSE);

        assertThat(imported.status()).as(imported::toString).isEqualTo(201);
        assertThat(imported.json().path("published").asInt()).isEqualTo(1);
        JsonNode card = api.get("/api/v1/rate-cards").json().get(0);
        assertThat(card.path("model").asString()).isEqualTo("gpt-4o-mini-\\d{4}-07-18");
        assertThat(card.path("cachedPromptPer1M").asString()).isEqualTo("0.075");
        JsonNode ledger = api.get("/api/v1/ledger?from=2025-03-01&to=2025-03-31&groupBy=tenant")
                .json();
        assertThat(ledger.path("total").asString()).isEqualTo("0.075");
    }

    @Test
    void thePagePreviewsTheCardAndListsTheSkippedItems() {
        WebClient browser = WebClient.signedInBrowser(port);

        WebClient.Reply<String> preview = browser.submit(
                "/rate-cards", "/rate-cards/import", Map.of("format", "azure-retail", "content", RESPONSE));

        Document page = preview.html();
        assertThat(page.select("#import-preview tbody tr").first().text()).contains("gpt-4o-mini");
        assertThat(page.selectFirst("#import-skipped").text())
                .contains("1 items become no rate card")
                .contains("not a token meter");
    }
}
