package io.tokenledger.web.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Provisioned commitments and their allocations over real HTTP. */
@TokenLedgerServerTest
class ProvisionedApiIT {

    private static final String COMMITMENT = """
            {"deployment":"ptu-4o","effectiveFrom":"2025-03-01","billing":"hourly","amount":"1.00",
             "currency":"USD","allocation":"usage-share","reason":"PTU reservation"}""";

    @LocalServerPort
    int port;

    private WebClient api;

    @BeforeEach
    void march() {
        api = WebClient.admin(port);
        PricingData.load(api);
    }

    @Test
    void aCommitmentIsPublishedAndItsMonthIsSharedByTokens() {
        WebClient.Reply<String> published = api.postJson("/api/v1/provisioned", COMMITMENT);

        assertThat(published.status()).as(published::toString).isEqualTo(201);
        assertThat(published.json().path("createdBy").asString()).isEqualTo("admin");
        assertThat(api.get("/api/v1/provisioned").json()).hasSize(1);
        JsonNode march =
                api.get("/api/v1/provisioned/allocations?period=2025-03").json();
        JsonNode commitment = march.path("commitments").get(0);
        // 744 hours × 1.00; acme 3,000 of 4,000 tokens
        assertThat(commitment.path("cost").asString()).isEqualTo("744.00");
        assertThat(commitment.path("lines").get(0).path("tenant").asString()).isEqualTo("acme");
        assertThat(commitment.path("lines").get(0).path("amount").asString()).isEqualTo("558.00");
        assertThat(commitment.path("lines").get(1).path("amount").asString()).isEqualTo("186.00");
        JsonNode ledger = api.get("/api/v1/ledger?from=2025-03-01&to=2025-03-31&groupBy=deployment")
                .json();
        assertThat(ledger.path("rows").get(1).path("deployment").asString()).isEqualTo("ptu-4o");
        assertThat(ledger.path("rows").get(1).path("cost").asString()).isEqualTo("0");
    }

    @Test
    void aTenantSeesOnlyItsLines() {
        api.postJson("/api/v1/provisioned", COMMITMENT);

        JsonNode lines = api.get("/api/v1/provisioned/allocations?period=2025-03&tenant=beta")
                .json()
                .path("commitments")
                .get(0)
                .path("lines");

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("tenant").asString()).isEqualTo("beta");
    }

    @Test
    void aWrongCommitmentIsAProblemNamingTheField() {
        WebClient.Reply<String> owner = api.postJson("/api/v1/provisioned", COMMITMENT.replace("usage-share", "owner"));
        WebClient.Reply<String> twice = api.postJson("/api/v1/provisioned", COMMITMENT);
        WebClient.Reply<String> again = api.postJson("/api/v1/provisioned", COMMITMENT);
        WebClient.Reply<String> billing = api.postJson("/api/v1/provisioned", COMMITMENT.replace("hourly", "daily"));

        assertThat(owner.status()).isEqualTo(422);
        assertThat(owner.json().path("field").asString()).isEqualTo("ownerTenant");
        assertThat(twice.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(409);
        assertThat(billing.status()).isEqualTo(400);
        assertThat(billing.json().path("detail").asString()).contains("billing must be one of hourly, monthly, ended");
    }
}
