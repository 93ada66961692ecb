package io.tokenledger.web;

import static io.tokenledger.web.testing.RateCardJson.card;
import static io.tokenledger.web.testing.Reply.assertProblem;
import static io.tokenledger.web.testing.UsageJson.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.UsageJson;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real application as an operator runs it, with the embedded PostgreSQL auto-configuration and a persistent
 * data directory, started twice on the same directory.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartIT {

    private static final String LEDGER_QUERY = "from=2025-03-01&to=2025-03-31&groupBy=tenant,deployment,model,day";

    @TempDir
    Path temporary;

    @Test
    void ledgerRateCardsAndTheAdminPasswordSurviveARestart(CapturedOutput output) {
        Path dataDir = temporary.resolve("postgres");
        String ledgerBefore;
        String rateCardsBefore;
        String deadLettersBefore;
        try (ConfigurableApplicationContext first = start(dataDir, "first-password")) {
            assertThat(output.getOut())
                    .as("the line that says where the service answers, once it does")
                    .contains("TokenLedger ready at http://localhost:" + port(first) + System.lineSeparator());
            Api api = Api.withCredentials(port(first), "admin", "first-password");
            assertThat(api.postJson(
                                    "/api/v1/rate-cards",
                                    card("gpt-4o", "2025-01-01", "2.50", "1.25", "10.00")
                                            .json())
                            .status())
                    .isEqualTo(201);
            Reply ingested = api.postJson(
                    "/api/v1/usage-events",
                    UsageJson.array(
                            event("restart-1").tokens(1000, 400, 500, 200),
                            event("restart-2").tenant("globex").deployment("llama-3-70b"),
                            event("restart-bad").without("deployment")));
            assertThat(ingested.json().path("accepted").asInt())
                    .as(ingested::toString)
                    .isEqualTo(2);
            Reply ledger = api.ledger(LEDGER_QUERY);
            assertThat(ledger.json().path("total").asString()).isEqualTo("0.007");
            ledgerBefore = ledger.body();
            rateCardsBefore = api.get("/api/v1/rate-cards").body();
            deadLettersBefore = api.get("/api/v1/dead-letters").body();
        }

        // A different configured password must not replace the admin created on the first start.
        try (ConfigurableApplicationContext second = start(dataDir, "second-password")) {
            Api api = Api.withCredentials(port(second), "admin", "first-password");

            assertThat(api.ledger(LEDGER_QUERY).body()).isEqualTo(ledgerBefore);
            assertThat(api.get("/api/v1/rate-cards").body()).isEqualTo(rateCardsBefore);
            assertThat(api.get("/api/v1/dead-letters").body()).isEqualTo(deadLettersBefore);
            assertProblem(
                    Api.withCredentials(port(second), "admin", "second-password")
                            .get("/api/v1/ledger?" + LEDGER_QUERY),
                    401,
                    "HTTP Basic");
            // The same events again are duplicates: identities survived too.
            Reply again = api.postJson(
                    "/api/v1/usage-events", UsageJson.array(event("restart-1").tokens(1000, 400, 500, 200)));
            assertThat(again.json().path("duplicates").asInt())
                    .as(again::toString)
                    .isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String adminPassword) {
        return new SpringApplicationBuilder(TokenLedgerApplication.class)
                .run(
                        "--server.port=0",
                        "--tokenledger.db.embedded.data-dir=" + dataDir,
                        "--tokenledger.admin-password=" + adminPassword);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
