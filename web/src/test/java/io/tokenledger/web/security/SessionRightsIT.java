package io.tokenledger.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.DashboardLogin;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A change to a user applies to the sessions the user already has, on their next request (issue 22, item 1): a demoted
 * admin's open browser session loses the admin pages and forms at once, a disabled user's session and every session
 * from before a password change end.
 */
@TokenLedgerServerTest
class SessionRightsIT {

    private static final String PASSWORD = "violet-harbour-engine-42";

    @LocalServerPort
    int port;

    private Api admin;
    private String name;

    @BeforeEach
    void anotherAdmin() {
        admin = Api.asAdmin(port);
        name = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = admin.postJson(
                "/api/v1/users",
                "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"ADMIN\"}");
        assertThat(created.status()).as(created::toString).isEqualTo(201);
    }

    @Test
    void aDemotedAdminsOpenSessionLosesTheAdminPagesAndFormsAtOnce() {
        Api browser = signedIn();
        assertThat(browser.getHtml("/users").status()).isEqualTo(200);
        String csrf = csrfOf(browser, "/users");

        Reply demoted = admin.put("/api/v1/users/" + name, "{\"role\":\"TENANT_VIEWER\",\"tenants\":[\"acme\"]}");
        assertThat(demoted.status()).as(demoted::toString).isEqualTo(200);

        assertThat(browser.getHtml("/users").status()).isEqualTo(403);
        assertThat(browser.getHtml("/alerts").status()).isEqualTo(403);
        String intruder = "intruder-" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = browser.postForm(
                "/users",
                Map.of(
                        "_csrf", csrf,
                        "username", intruder,
                        "password", "copper-lantern-river-9",
                        "role", "ADMIN",
                        "tenants", ""));
        assertThat(created.status()).as(created::toString).isEqualTo(403);
        assertThat(admin.get("/api/v1/users").body()).doesNotContain(intruder);
        // still signed in, as what the user is now
        assertThat(browser.getHtml("/").status()).isEqualTo(200);
    }

    @Test
    void aDisabledUsersOpenSessionEndsAtOnce() {
        Api browser = signedIn();

        assertThat(admin.post("/api/v1/users/" + name + "/disable", Api.JSON, "")
                        .status())
                .isEqualTo(200);

        Reply next = browser.getHtml("/");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.header("Location")).endsWith("/login");
        admin.post("/api/v1/users/" + name + "/enable", Api.JSON, "");
        assertThat(browser.getHtml("/").status())
                .as("the ended session does not come back with the account")
                .isEqualTo(302);
    }

    @Test
    void aPasswordChangeEndsTheSessionsSignedInWithTheOldPassword() {
        Api before = signedIn();
        Reply changed =
                admin.postJson("/api/v1/users/" + name + "/password", "{\"password\":\"amber-meadow-falcon-7\"}");
        assertThat(changed.status()).as(changed::toString).isEqualTo(204);

        Reply next = before.getHtml("/");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.header("Location")).endsWith("/login");

        Api after = Api.browser(port);
        DashboardLogin.signIn(after, name, "amber-meadow-falcon-7");
        assertThat(after.getHtml("/users").status()).isEqualTo(200);
    }

    private Api signedIn() {
        Api browser = Api.browser(port);
        DashboardLogin.signIn(browser, name, PASSWORD);
        return browser;
    }

    private static String csrfOf(Api browser, String page) {
        return Jsoup.parse(browser.getHtml(page).body())
                .select("input[name=_csrf]")
                .attr("value");
    }
}
