package io.tokenledger.web.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.WebClient;

/** March 2025 through the API: a provisioned deployment used by two tenants, and a pay-as-you-go one. */
final class PricingData {

    private PricingData() {}

    static void load(WebClient api) {
        WebClient.clearData();
        card(api, "ptu-4o", "10.00");
        card(api, "gpt-4o", "2.00");
        String events = String.join(
                ",",
                event("a1", "acme", "ptu-4o", "2025-03-02T08:00:00Z", 3000),
                event("b1", "beta", "ptu-4o", "2025-03-20T08:00:00Z", 1000),
                event("b2", "beta", "gpt-4o", "2025-03-20T08:00:00Z", 1_000_000));
        WebClient.Reply<String> reply = api.postJson("/api/v1/usage-events", "[" + events + "]");
        assertThat(reply.json().path("accepted").asInt()).as(reply::toString).isEqualTo(3);
    }

    static void card(WebClient api, String deployment, String price) {
        WebClient.Reply<String> reply = api.postJson(
                "/api/v1/rate-cards",
                "{\"deployment\":\"" + deployment + "\",\"currency\":\"USD\",\"effectiveFrom\":\"2020-01-01\","
                        + "\"promptPer1M\":\"" + price + "\",\"cachedPromptPer1M\":\"" + price
                        + "\",\"completionPer1M\":\"" + price + "\"}");
        assertThat(reply.status()).as(reply::toString).isEqualTo(201);
    }

    private static String event(String id, String tenant, String deployment, String time, long prompt) {
        return "{\"id\":\"" + id + "\",\"time\":\"" + time + "\",\"tenant\":\"" + tenant + "\",\"deployment\":\""
                + deployment + "\",\"promptTokens\":" + prompt + ",\"completionTokens\":0}";
    }
}
