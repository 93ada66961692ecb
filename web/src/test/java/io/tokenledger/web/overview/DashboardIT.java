package io.tokenledger.web.overview;

import static io.tokenledger.web.testing.RateCardJson.card;
import static io.tokenledger.web.testing.UsageJson.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.LedgerData;
import io.tokenledger.web.testing.LedgerJson;
import io.tokenledger.web.testing.RateCardJson;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.UsageJson;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The dashboard as a browser uses it: form login with CSRF, then the month-to-date overview. */
@TokenLedgerServerTest
class DashboardIT {

    @LocalServerPort
    int port;

    private Api api;

    @BeforeEach
    void emptyLedger() {
        LedgerData.clear();
        api = Api.asAdmin(port);
    }

    @Test
    void overviewWithoutSessionRedirectsToTheLoginPage() {
        Reply reply = Api.browser(port).getHtml("/");

        assertThat(reply.status()).as(reply::toString).isEqualTo(302);
        assertThat(api.uri(reply.header("Location")).getPath()).isEqualTo("/login");
    }

    @Test
    void loginPageCarriesACsrfTokenInItsForm() {
        Reply reply = Api.browser(port).getHtml("/login");

        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        assertThat(reply.mediaType()).isEqualTo("text/html");
        Element form = Jsoup.parse(reply.body()).selectFirst("form[method=post][action=/login]");
        assertThat(form).as("the login form in %s", reply.body()).isNotNull();
        assertThat(form.select("input[name=username]")).hasSize(1);
        assertThat(form.select("input[name=password][type=password]")).hasSize(1);
        assertThat(form.select("input[type=hidden][name=_csrf]").attr("value")).isNotBlank();
    }

    @Test
    void loginWithoutTheCsrfTokenIsRefused() {
        Api browser = Api.browser(port);
        browser.getHtml("/login");

        Reply reply = browser.postForm(
                "/login", Map.of("username", "admin", "password", TokenLedgerServerTest.ADMIN_PASSWORD));

        assertThat(reply.status()).as(reply::toString).isEqualTo(403);
        assertThat(browser.getHtml("/").status()).as("still signed out").isEqualTo(302);
    }

    @Test
    void loginWithAWrongPasswordReturnsToTheLoginPageWithAnError() {
        Api browser = Api.browser(port);

        Reply reply = submitLogin(browser, "admin", "not-the-password");

        assertThat(reply.status()).as(reply::toString).isEqualTo(302);
        assertThat(browser.uri(reply.header("Location")).toString()).endsWith("/login?error");
        Reply loginPage = browser.getHtml("/login?error");
        assertThat(Jsoup.parse(loginPage.body()).select("[role=alert]").text()).contains("Wrong user name or password");
        assertThat(browser.getHtml("/").status()).as("still signed out").isEqualTo(302);
    }

    @Test
    void overviewShowsTheSameMonthToDateNumbersAsTheLedgerApi() {
        publish(card("gpt-4o", "2020-01-01", "2.50", "1.25", "10.00"));
        // acme: 1,000,000 × 2.5 + 1,000,500 × 10 per 1M = 12.505, shown rounded half up as $12.51
        // globex: 600 × 2.5 + 400 × 1.25 + 300 × 10 + 200 × 10 per 1M = 0.007
        // unassigned: a deployment without a rate card, unpriced
        ingest(UsageJson.array(
                event("mtd-acme").at(minutesAgo(5)).tokens(1_000_000, 0, 1_000_500, 0),
                event("mtd-globex").tenant("globex").at(minutesAgo(4)).tokens(1000, 400, 500, 200),
                event("mtd-unassigned")
                        .without("tenant")
                        .deployment("llama-3-70b")
                        .at(minutesAgo(3))));
        JsonNode ledger = api.ledger("groupBy=tenant").json();
        assertThat(ledger.path("total").asString()).isEqualTo("12.512");

        Document page = signedInOverview();

        Element total = page.selectFirst("#mtd-total[data-exact]");
        assertThat(total).as("#mtd-total in %s", page).isNotNull();
        assertThat(total.attr("data-exact")).isEqualTo(ledger.path("total").asString());
        assertThat(total.text()).isEqualTo("$12.51");
        Map<String, String> pageCosts = new LinkedHashMap<>();
        for (Element row : page.select("tr[data-tenant]")) {
            pageCosts.put(
                    row.attr("data-tenant"),
                    row.selectFirst("td.cost[data-exact]").attr("data-exact"));
        }
        Map<String, String> apiCosts = new LinkedHashMap<>();
        LedgerJson.rowsBy(ledger, "tenant")
                .forEach((tenant, row) -> apiCosts.put(tenant, row.path("cost").asString()));
        assertThat(pageCosts).isEqualTo(apiCosts).containsOnlyKeys("acme", "globex", "unassigned");
        assertThat(page.selectFirst("tr[data-tenant=acme] td.cost").text()).isEqualTo("$12.51");
        assertThat(page.selectFirst("#unpriced").text()).isEqualTo("1");
    }

    @Test
    void tenantKeysAreShownAsTextNotAsMarkup() {
        String tenant = "<img src=x onerror=alert(1)>";
        ingestOne(event("markup").tenant(tenant).at(minutesAgo(2)));

        Document page = signedInOverview();

        Element row = page.selectFirst("tr[data-tenant]");
        assertThat(row.attr("data-tenant")).isEqualTo(tenant);
        assertThat(row.selectFirst("td").text()).isEqualTo(tenant);
        assertThat(page.select("#tenants img")).isEmpty();
    }

    @Test
    void overviewOfAMonthWithoutUsageShowsZero() {
        Document page = signedInOverview();

        assertThat(page.selectFirst("#mtd-total").attr("data-exact")).isEqualTo("0");
        assertThat(page.select("tr[data-tenant]")).isEmpty();
    }

    @Test
    void pagesCarrySecurityHeaders() {
        Api browser = Api.browser(port);
        signIn(browser);

        for (Reply reply : new Reply[] {browser.getHtml("/login"), browser.getHtml("/")}) {
            assertThat(reply.status()).as(reply::toString).isEqualTo(200);
            assertThat(reply.header("Content-Security-Policy"))
                    .contains("default-src 'self'")
                    .contains("frame-ancestors 'none'");
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void browserSessionDoesNotAuthorizeApiCalls() {
        Api browser = Api.browser(port);
        signIn(browser);

        Reply reply = browser.get("/api/v1/ledger");

        assertThat(reply.status()).as(reply::toString).isEqualTo(401);
        assertThat(reply.mediaType()).isEqualTo("application/problem+json");
    }

    @Test
    void healthIsPublicAndUp() {
        Reply reply = Api.anonymous(port).get("/actuator/health");

        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        assertThat(reply.json().path("status").asString()).isEqualTo("UP");
    }

    private Document signedInOverview() {
        Api browser = Api.browser(port);
        signIn(browser);
        Reply overview = browser.getHtml("/");
        assertThat(overview.status()).as(overview::toString).isEqualTo(200);
        assertThat(overview.mediaType()).isEqualTo("text/html");
        return Jsoup.parse(overview.body());
    }

    private static void signIn(Api browser) {
        Reply reply = submitLogin(browser, "admin", TokenLedgerServerTest.ADMIN_PASSWORD);
        assertThat(reply.status()).as(reply::toString).isEqualTo(302);
        assertThat(browser.uri(reply.header("Location")).getPath()).isEqualTo("/");
    }

    /** Reads the login form for its CSRF token and submits it, as a browser does. */
    private static Reply submitLogin(Api browser, String username, String password) {
        Document login = Jsoup.parse(browser.getHtml("/login").body());
        String csrf = login.select("input[name=_csrf]").attr("value");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("_csrf", csrf);
        return browser.postForm("/login", form);
    }

    /** A time in the current month, so that it counts month to date (UTC is the business zone here). */
    private static Instant minutesAgo(int minutes) {
        Instant now = Instant.now();
        Instant monthStart = YearMonth.now(ZoneOffset.UTC)
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Instant time = now.minus(Duration.ofMinutes(minutes));
        return time.isBefore(monthStart) ? now : time;
    }

    private void publish(RateCardJson card) {
        Reply reply = api.postJson("/api/v1/rate-cards", card.json());
        assertThat(reply.status()).as(reply::toString).isEqualTo(201);
    }

    private void ingestOne(UsageJson record) {
        Reply reply = api.postJson("/api/v1/usage-events", record.json());
        assertThat(reply.json().path("accepted").asInt()).as(reply::toString).isEqualTo(1);
    }

    private void ingest(String jsonArray) {
        Reply reply = api.postJson("/api/v1/usage-events", jsonArray);
        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        assertThat(reply.json().path("accepted").asInt()).as(reply::toString).isEqualTo(3);
    }
}
