package io.tokenledger.web;

import static io.tokenledger.web.testing.Reply.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The hostile inputs and probes of the security review (issue 22), kept as regression checks against the running
 * service over real HTTP. Each item's detailed tests live with its feature; this class holds one check per item so
 * that the whole list is in one place.
 */
@TokenLedgerServerTest
class HostileInputIT {

    @LocalServerPort
    int port;

    // item 12
    @Test
    void weakPasswordsAreRefusedNamingTheField() {
        Api admin = Api.asAdmin(port);
        String name = "weak-" + UUID.randomUUID().toString().substring(0, 8);
        for (String password : new String[] {name, "aaaaaaaaaaaa", "Password1234"}) {
            Reply refused = admin.postJson(
                    "/api/v1/users",
                    "{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"role\":\"FINANCE\"}");
            assertProblem(refused, 422, "password");
            assertThat(refused.json().path("field").asString()).isEqualTo("password");
        }
        assertThat(admin.get("/api/v1/users").body()).doesNotContain(name);
    }

    // item 13
    @Test
    void theApisHtmlStatementRunsNothingAndTheErrorPathIsNotAPage() {
        Api admin = Api.asAdmin(port);
        Reply statement = admin.get("/api/v1/reports/chargeback.html");
        assertThat(statement.status()).as(statement::toString).isEqualTo(200);
        assertThat(statement.header("Content-Security-Policy"))
                .contains("default-src 'none'")
                .doesNotContain("script-src");

        Reply error = Api.anonymous(port).get("/error");
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.body()).doesNotContain("999");
    }
}
