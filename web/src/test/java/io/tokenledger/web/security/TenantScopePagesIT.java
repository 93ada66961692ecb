package io.tokenledger.web.security;

import static io.tokenledger.web.testing.ScopedData.OTHER;
import static io.tokenledger.web.testing.ScopedData.OWN;
import static io.tokenledger.web.testing.ScopedData.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.DashboardLogin;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.ScopedData;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Pages as a tenant viewer, finance and an admin see them, signed in through the login form. */
@TokenLedgerServerTest
class TenantScopePagesIT {

    @LocalServerPort
    int port;

    private ScopedData.People people;

    @BeforeEach
    void twoTenantsAndTheirPeople() {
        people = ScopedData.seed(Api.asAdmin(port));
    }

    @Test
    void tenantViewerSeesOnlyTheirTenantOnEveryPage() {
        Api viewer = signedIn(people.viewer());

        for (String page : new String[] {"/", "/tenants", "/tenants/" + OWN}) {
            Reply reply = viewer.getHtml(page);
            assertThat(reply.status()).as(page + ": " + reply).isEqualTo(200);
            assertThat(reply.body()).as(page).contains(OWN).doesNotContain(OTHER);
        }
        assertThat(Jsoup.parse(viewer.getHtml("/tenants").body()).select("#tenants tbody tr"))
                .extracting(row -> row.attr("data-tenant"))
                .containsExactly(OWN);
    }

    @Test
    void tenantViewerGets403OnAnotherTenantsPageAndOnConfiguration() {
        Api viewer = signedIn(people.viewer());

        for (String page : new String[] {
            "/tenants/" + OTHER, "/tenants/no-such-tenant", "/ingestion", "/alerts", "/periods", "/reports", "/users"
        }) {
            Reply reply = viewer.getHtml(page);
            assertThat(reply.status()).as(page + ": " + reply).isEqualTo(403);
            assertThat(reply.body()).as(page).doesNotContain(OTHER + " Corp");
        }
        assertThat(viewer.getHtml("/reports/chargeback.html?tenant=" + OTHER).status())
                .isEqualTo(403);
    }

    @Test
    void financeSeesEveryTenantButNotUsersOrForms() {
        Api finance = signedIn(people.finance());

        assertThat(finance.getHtml("/tenants").body()).contains(OWN).contains(OTHER);
        assertThat(finance.getHtml("/tenants/" + OTHER).status()).isEqualTo(200);
        assertThat(finance.getHtml("/ingestion").status()).isEqualTo(200);
        assertThat(finance.getHtml("/users").status()).isEqualTo(403);
        assertThat(Jsoup.parse(finance.getHtml("/tenants").body()).select("#tenant-form, #rule-form"))
                .isEmpty();
    }

    @Test
    void adminAddsAUserOnTheUsersPage() {
        Api admin = Api.browser(port);
        DashboardLogin.signIn(admin, "admin", TokenLedgerServerTest.ADMIN_PASSWORD);
        String name = "page-user-" + UUID.randomUUID().toString().substring(0, 8);

        Reply added = DashboardLogin.postWithCsrf(
                admin,
                "/users",
                "/users",
                Map.of("username", name, "password", PASSWORD, "role", "TENANT_VIEWER", "tenants", OWN));

        assertThat(added.status()).as(added::toString).isEqualTo(302);
        assertThat(Jsoup.parse(admin.getHtml("/users").body()).select("#users tr[data-user=" + name + "] td"))
                .extracting(cell -> cell.text())
                .startsWith(name, "TENANT_VIEWER", OWN, "enabled");
        assertThat(signedIn(name).getHtml("/tenants/" + OWN).status()).isEqualTo(200);
    }

    @Test
    void loginPageOffersNoMicrosoftSignInUnlessConfigured() {
        assertThat(Api.anonymous(port).getHtml("/login").body()).doesNotContain("Sign in with");
    }

    private Api signedIn(String username) {
        Api browser = Api.browser(port);
        DashboardLogin.signIn(browser, username, PASSWORD);
        return browser;
    }
}
