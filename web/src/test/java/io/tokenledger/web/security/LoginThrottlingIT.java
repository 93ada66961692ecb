package io.tokenledger.web.security;

import static io.tokenledger.web.testing.Reply.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.DashboardLogin;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Five failed sign-ins lock a user name, for HTTP Basic and the login form alike, whether the name exists or not;
 * while locked even the right password is refused. (Locking the test client's address would lock every other test
 * out, so the address limit is covered by {@code LoginThrottleTest}.)
 */
@TokenLedgerServerTest
class LoginThrottlingIT {

    @LocalServerPort
    int port;

    @Test
    void fiveWrongPasswordsLockAnExistingAndAnUnknownNameAlike() {
        Api admin = Api.asAdmin(port);
        String existing = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.postJson(
                                "/api/v1/users",
                                "{\"username\":\"" + existing + "\",\"password\":\"the-right-password\","
                                        + "\"role\":\"FINANCE\"}")
                        .status())
                .isEqualTo(201);
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);

        for (String name : new String[] {existing, unknown}) {
            for (int i = 0; i < 5; i++) {
                assertThat(Api.withCredentials(port, name, "wrong-" + i)
                                .get("/api/v1/tenants")
                                .status())
                        .isEqualTo(401);
            }
        }

        Reply existingLocked =
                Api.withCredentials(port, existing, "the-right-password").get("/api/v1/tenants");
        Reply unknownLocked = Api.withCredentials(port, unknown, "anything").get("/api/v1/tenants");
        assertProblem(existingLocked, 429, "Too many failed sign-ins");
        assertProblem(unknownLocked, 429, "Too many failed sign-ins");
        assertThat(existingLocked.header("Retry-After")).isNotBlank();
        assertThat(existingLocked.json().path("detail").asString())
                .isEqualTo(unknownLocked.json().path("detail").asString());
        // other people are not affected, and a success clears the address's count
        assertThat(admin.get("/api/v1/tenants").status()).isEqualTo(200);
    }

    @Test
    void theLoginFormSaysWhenANameIsLockedWithoutTellingWhetherItExists() {
        String unknown = "form-nobody-" + UUID.randomUUID().toString().substring(0, 8);
        Api browser = Api.browser(port);
        for (int i = 0; i < 5; i++) {
            Reply failed = DashboardLogin.postWithCsrf(
                    browser, "/login", "/login", Map.of("username", unknown, "password", "wrong"));
            assertThat(failed.header("Location")).endsWith("/login?error");
        }

        Reply locked = DashboardLogin.postWithCsrf(
                browser, "/login", "/login", Map.of("username", unknown, "password", "wrong"));

        assertThat(locked.header("Location")).endsWith("/login?locked");
        assertThat(browser.getHtml("/login?locked").body()).contains("Too many failed sign-ins");
        DashboardLogin.signIn(Api.browser(port), "admin", TokenLedgerServerTest.ADMIN_PASSWORD);
    }
}
