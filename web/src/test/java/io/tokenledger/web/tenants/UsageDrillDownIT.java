package io.tokenledger.web.tenants;

import static io.tokenledger.web.testing.Reply.assertProblem;
import static io.tokenledger.web.testing.UsageJson.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.DashboardLogin;
import io.tokenledger.web.testing.LedgerData;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.UsageJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A tenant's single usage events, a page at a time with a keyset cursor, filtered, through the API and the page. */
@TokenLedgerServerTest
class UsageDrillDownIT {

    private static final int EVENTS = 120;

    @LocalServerPort
    int port;

    private Api admin;

    @BeforeEach
    void aHundredAndTwentyEventsOfOneTenant() {
        LedgerData.clear();
        admin = Api.asAdmin(port);
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS);
        List<UsageJson> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(event("drill-" + i)
                    .tenant("acme")
                    .at(start.plusSeconds(i))
                    .with("userId", i % 3 == 0 ? "ana@acme.example" : "bo@acme.example"));
        }
        events.add(event("other-tenant").tenant("globex").at(start.plusSeconds(5)));
        Reply ingested = admin.postJson("/api/v1/usage-events", UsageJson.array(events.toArray(UsageJson[]::new)));
        assertThat(ingested.json().path("accepted").asInt())
                .as(ingested::toString)
                .isEqualTo(EVENTS + 1);
    }

    @Test
    void pagesCoverEveryEventOnceNewestFirst() {
        List<String> seen = new ArrayList<>();
        String after = "";
        int pages = 0;
        do {
            JsonNode page = admin.get("/api/v1/tenants/acme/usage-events?limit=50" + after)
                    .json();
            page.path("items").forEach(item -> seen.add(item.path("id").asString()));
            after = page.path("next").isNull()
                    ? null
                    : "&after=" + page.path("next").asString();
            pages++;
        } while (after != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(EVENTS).doesNotHaveDuplicates().doesNotContain("other-tenant");
        assertThat(seen.getFirst()).isEqualTo("drill-" + (EVENTS - 1));
        assertThat(seen.getLast()).isEqualTo("drill-0");
    }

    @Test
    void filtersNarrowTheListAndBadInputIsRefused() {
        JsonNode ana = admin.get("/api/v1/tenants/acme/usage-events?limit=500&user=ana@acme.example")
                .json();

        assertThat(ana.path("items")).hasSize(EVENTS / 3);
        assertThat(admin.get("/api/v1/tenants/acme/usage-events?deployment=nothing")
                        .json()
                        .path("items"))
                .isEmpty();
        assertProblem(admin.get("/api/v1/tenants/acme/usage-events?limit=501"), 400, "limit");
        assertProblem(admin.get("/api/v1/tenants/acme/usage-events?after=nonsense!"), 400, "after");
        assertProblem(admin.get("/api/v1/tenants/acme/usage-events?from=2026-13-01"), 400, "from");
    }

    @Test
    void pageWalksOlderEventsWithTheNextLink() {
        Api browser = Api.browser(port);
        DashboardLogin.signIn(browser, "admin", TokenLedgerServerTest.ADMIN_PASSWORD);
        Set<String> seen = new HashSet<>();

        Document first = Jsoup.parse(browser.getHtml("/tenants/acme/events").body());
        first.select("#events tbody tr").forEach(row -> seen.add(row.attr("data-event")));
        Document second = Jsoup.parse(
                browser.getHtml(first.selectFirst("#next-page").attr("href")).body());
        second.select("#events tbody tr").forEach(row -> seen.add(row.attr("data-event")));
        Document filtered = Jsoup.parse(
                browser.getHtml("/tenants/acme/events?user=ana@acme.example").body());

        assertThat(first.select("#events tbody tr")).hasSize(50);
        assertThat(seen).hasSize(100);
        assertThat(second.select("#first-page")).hasSize(1);
        assertThat(filtered.select("#events tbody tr")).hasSize(EVENTS / 3);
        assertThat(filtered.select("#next-page")).isEmpty();
    }
}
