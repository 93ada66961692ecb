package io.tokenledger.web.users;

import static io.tokenledger.web.testing.Reply.assertProblem;
import static io.tokenledger.web.testing.ScopedData.OTHER;
import static io.tokenledger.web.testing.ScopedData.OWN;
import static io.tokenledger.web.testing.ScopedData.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.ScopedData;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/users}: admins manage who signs in; changes take effect on the next request. */
@TokenLedgerServerTest
class UsersApiIT {

    @LocalServerPort
    int port;

    private Api admin;
    private ScopedData.People people;

    @BeforeEach
    void twoTenantsAndTheirPeople() {
        admin = Api.asAdmin(port);
        people = ScopedData.seed(admin);
    }

    @Test
    void createdUserIsListedWithoutAnyTraceOfThePassword() {
        Reply created = admin.postJson(
                "/api/v1/users",
                "{\"username\":\"" + unique("ana") + "\",\"password\":\"a-long-password\",\"role\":\"tenant_viewer\","
                        + "\"tenants\":[\"acme\",\"globex\"]}");

        assertThat(created.status()).as(created::toString).isEqualTo(201);
        assertThat(created.json().path("role").asString()).isEqualTo("TENANT_VIEWER");
        assertThat(created.json().path("tenants").toString()).isEqualTo("[\"acme\",\"globex\"]");
        Reply list = admin.get("/api/v1/users");
        assertThat(list.body())
                .contains(created.json().path("username").asString())
                .doesNotContain("a-long-password")
                .doesNotContain("bcrypt")
                .doesNotContain("$2a$")
                .doesNotContainIgnoringCase("password");
    }

    @Test
    void wrongInputIsRefusedNamingTheField() {
        assertProblem(user(unique("x"), "short", "FINANCE", ""), 422, "at least 12 characters");
        assertThat(user(unique("x"), "short", "FINANCE", "")
                        .json()
                        .path("field")
                        .asString())
                .isEqualTo("password");
        assertThat(user(unique("x"), PASSWORD, "OWNER", "").json().path("field").asString())
                .isEqualTo("role");
        assertThat(user(unique("x"), PASSWORD, "TENANT_VIEWER", "")
                        .json()
                        .path("field")
                        .asString())
                .isEqualTo("tenants");
        assertThat(user(unique("x"), PASSWORD, "FINANCE", "\"acme\"")
                        .json()
                        .path("field")
                        .asString())
                .isEqualTo("tenants");
        assertThat(user("bad name!", PASSWORD, "FINANCE", "")
                        .json()
                        .path("field")
                        .asString())
                .isEqualTo("username");
        assertProblem(user(people.finance(), PASSWORD, "FINANCE", ""), 409, "exists already");
        assertProblem(admin.postJson("/api/v1/users/nobody-" + UUID.randomUUID() + "/disable", "{}"), 404, "no user");
    }

    @Test
    void disabledUserCannotSignInUntilEnabledAgain() {
        Api viewer = Api.withCredentials(port, people.viewer(), PASSWORD);
        assertThat(viewer.get("/api/v1/tenants").status()).isEqualTo(200);

        assertThat(admin.postJson("/api/v1/users/" + people.viewer() + "/disable", "")
                        .json()
                        .path("enabled")
                        .asBoolean())
                .isFalse();
        assertThat(viewer.get("/api/v1/tenants").status()).isEqualTo(401);

        admin.postJson("/api/v1/users/" + people.viewer() + "/enable", "");
        assertThat(viewer.get("/api/v1/tenants").status()).isEqualTo(200);
    }

    @Test
    void resetPasswordReplacesTheOldOne() {
        Reply reset = admin.postJson(
                "/api/v1/users/" + people.finance() + "/password", "{\"password\":\"another-password-2\"}");

        assertThat(reset.status()).as(reset::toString).isEqualTo(204);
        assertThat(Api.withCredentials(port, people.finance(), PASSWORD)
                        .get("/api/v1/tenants")
                        .status())
                .isEqualTo(401);
        assertThat(Api.withCredentials(port, people.finance(), "another-password-2")
                        .get("/api/v1/tenants")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void changedTenantsApplyToTheNextRequest() {
        Api viewer = Api.withCredentials(port, people.viewer(), PASSWORD);
        assertThat(viewer.get("/api/v1/tenants/" + OTHER).status()).isEqualTo(403);

        Reply changed =
                admin.put("/api/v1/users/" + people.viewer(), "{\"tenants\":[\"" + OWN + "\",\"" + OTHER + "\"]}");

        assertThat(changed.status()).as(changed::toString).isEqualTo(200);
        assertThat(viewer.get("/api/v1/tenants/" + OTHER).status()).isEqualTo(200);
        JsonNode rows = viewer.ledger("groupBy=tenant").json().path("rows");
        assertThat(rows).extracting(row -> row.path("tenant").asString()).containsExactly(OWN, OTHER);
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledOrDemoted() {
        assertProblem(admin.postJson("/api/v1/users/admin/disable", ""), 422, "last enabled admin");
        assertProblem(admin.put("/api/v1/users/admin", "{\"role\":\"FINANCE\"}"), 422, "last enabled admin");
        assertThat(admin.get("/api/v1/users").status()).isEqualTo(200);
    }

    @Test
    void onlyAdminsManageUsers() {
        Api finance = Api.withCredentials(port, people.finance(), PASSWORD);

        assertThat(finance.get("/api/v1/users").status()).isEqualTo(403);
        assertThat(finance.postJson("/api/v1/users/" + people.viewer() + "/disable", "")
                        .status())
                .isEqualTo(403);
    }

    private Reply user(String username, String password, String role, String tenants) {
        return admin.postJson(
                "/api/v1/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role
                        + "\",\"tenants\":[" + tenants + "]}");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
