package io.tokenledger.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The application describes its REST API. */
@TokenLedgerServerTest
class OpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void openApiDescriptionListsTheApiAndOnlyTheApi() {
        Reply reply = Api.asAdmin(port).get("/api/v1/openapi");

        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        assertThat(reply.json().path("info").path("title").asString()).isEqualTo("TokenLedger API");
        assertThat(reply.json().path("paths").propertyNames())
                .contains("/api/v1/usage-events", "/api/v1/ledger", "/api/v1/rate-cards")
                .allMatch(path -> path.startsWith("/api/"));
    }

    @Test
    void openApiDescriptionListsTheLedgersPagingParameters() {
        JsonNode parameters = Api.asAdmin(port)
                .get("/api/v1/openapi")
                .json()
                .path("paths")
                .path("/api/v1/ledger")
                .path("get")
                .path("parameters");

        assertThat(parameters)
                .extracting(parameter -> parameter.path("name").asString())
                .contains("from", "to", "groupBy", "tenant", "limit", "after");
        assertThat(parameters)
                .filteredOn(parameter -> parameter.path("name").asString().matches("limit|after"))
                .allSatisfy(parameter ->
                        assertThat(parameter.path("required").asBoolean()).isFalse());
    }

    @Test
    void typedParametersAreDescribedAsTheApiWritesThem() {
        JsonNode parameters = Api.asAdmin(port)
                .get("/api/v1/openapi")
                .json()
                .path("paths")
                .path("/api/v1/rate-cards/import")
                .path("post")
                .path("parameters");

        JsonNode format = parameters
                .valueStream()
                .filter(parameter -> parameter.path("name").asString().equals("format"))
                .findFirst()
                .orElseThrow();
        assertThat(format.path("schema").path("enum").valueStream().map(JsonNode::asString))
                .containsExactly("csv", "aihub", "azure-retail");
        assertThat(parameters
                        .valueStream()
                        .filter(parameter -> parameter.path("name").asString().equals("effectiveFrom"))
                        .map(parameter ->
                                parameter.path("schema").path("format").asString()))
                .containsExactly("date");
    }

    @Test
    void openApiDescriptionNeedsSignIn() {
        assertThat(Api.anonymous(port).get("/api/v1/openapi").status()).isEqualTo(401);
    }
}
