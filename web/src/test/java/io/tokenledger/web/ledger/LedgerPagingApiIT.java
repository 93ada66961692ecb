package io.tokenledger.web.ledger;

import static io.tokenledger.web.testing.RateCardJson.card;
import static io.tokenledger.web.testing.Reply.assertProblem;
import static io.tokenledger.web.testing.UsageJson.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.reporting.ledger.LedgerCursor;
import io.tokenledger.reporting.ledger.LedgerDimension;
import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.LedgerData;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.UsageJson;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/ledger} with {@code limit} and {@code after}: paging through a ledger gives exactly the rows of
 * the unpaged answer, each once, in day, tenant, deployment, model order, also for a tenant viewer, whose cursor
 * cannot reach other tenants' rows.
 */
@TokenLedgerServerTest
class LedgerPagingApiIT {

    private static final String MARCH = "from=2025-03-01&to=2025-03-31";
    private static final String[] TENANTS = {"acme", "globex", "initech"};

    @LocalServerPort
    int port;

    private Api admin;

    @BeforeEach
    void usageOfThreeTenantsOnThreeDays() {
        LedgerData.clear();
        admin = Api.asAdmin(port);
        Reply card = admin.postJson(
                "/api/v1/rate-cards",
                card("gpt-4o", "2025-01-01", "2.50", "1.25", "10.00").json());
        assertThat(card.status()).as(card::toString).isEqualTo(201);
        List<UsageJson> events = new ArrayList<>();
        int n = 0;
        for (String tenant : TENANTS) {
            for (int day = 10; day <= 12; day++) {
                String at = "2025-03-" + day + "T09:00:00Z";
                events.add(event("e" + n++).tenant(tenant).at(at).tokens(1000 + n, 0, 100, 0));
                events.add(event("e" + n++).tenant(tenant).at(at).model("gpt-4o-mini-2024-07-18"));
                events.add(event("e" + n++)
                        .tenant(tenant)
                        .deployment("llama-3-70b")
                        .model("llama-3-70b-instruct")
                        .at(at));
            }
        }
        Reply ingest = admin.postJson("/api/v1/usage-events", UsageJson.array(events.toArray(UsageJson[]::new)));
        assertThat(ingest.status()).as(ingest::toString).isEqualTo(200);
        assertThat(ingest.json().path("accepted").asInt()).isEqualTo(events.size());
    }

    @Test
    void pagesHoldExactlyTheUnpagedRowsInPrimaryKeyOrder() {
        for (String groupBy : new String[] {"tenant,deployment,model,day", "tenant,deployment,day", "tenant,day"}) {
            String query = MARCH + "&groupBy=" + groupBy;
            JsonNode unpaged = admin.ledger(query).json();

            List<JsonNode> pages = pages(admin, query, 4);

            List<String> paged = rowsOf(pages);
            assertThat(paged).as(groupBy).containsExactlyInAnyOrderElementsOf(rowsOf(List.of(unpaged)));
            assertThat(paged).as(groupBy).doesNotHaveDuplicates();
            assertThat(pages).as("every page carries the whole result's total").allSatisfy(page -> {
                assertThat(page.path("total").asString())
                        .isEqualTo(unpaged.path("total").asString());
                assertThat(page.path("unpricedRequests").asLong())
                        .isEqualTo(unpaged.path("unpricedRequests").asLong());
            });
            List<String> days = rowsValues(pages, "day");
            assertThat(days).as("day first").isSorted();
        }
    }

    @Test
    void withoutLimitTheAnswerHasNoCursor() {
        JsonNode unpaged = admin.ledger(MARCH + "&groupBy=tenant,day").json();

        assertThat(unpaged.has("next")).isFalse();
        assertThat(unpaged.path("rows")).hasSize(9);
        assertThat(rowsValues(List.of(unpaged), "tenant"))
                .as("ordered by groupBy as before")
                .isSorted();
    }

    @Test
    void aTenantViewerPagesThroughOwnTenantsOnly() {
        String viewer = viewerOf("acme", "initech");
        Api viewerApi = Api.withCredentials(port, viewer, "viewer-password-1");
        String query = MARCH + "&groupBy=tenant,deployment,day";

        List<JsonNode> pages = pages(viewerApi, query, 5);

        assertThat(rowsOf(pages))
                .containsExactlyInAnyOrderElementsOf(
                        rowsOf(List.of(viewerApi.ledger(query).json())));
        assertThat(rowsValues(pages, "tenant")).hasSize(12).containsOnly("acme", "initech");
        String intoGlobex = new LedgerCursor(
                        List.of(LedgerDimension.DAY, LedgerDimension.TENANT, LedgerDimension.DEPLOYMENT),
                        List.of("2025-03-10", "globex", ""))
                .token();
        JsonNode forged =
                viewerApi.ledger(query + "&limit=50&after=" + intoGlobex).json();
        assertThat(rowsValues(List.of(forged), "tenant"))
                .as("a cursor is a position, not a scope")
                .isNotEmpty()
                .containsOnly("acme", "initech");
    }

    @Test
    void aCursorThatIsNotOneIs400ProblemNamingAfter() {
        assertProblem(
                admin.get("/api/v1/ledger?" + MARCH + "&groupBy=tenant&limit=5&after=not-a-cursor"), 400, "after");
        String other = admin.ledger(MARCH + "&groupBy=tenant,day&limit=2")
                .json()
                .path("next")
                .asString();
        assertProblem(admin.get("/api/v1/ledger?" + MARCH + "&groupBy=tenant&limit=2&after=" + other), 400, "after");
        assertProblem(admin.get("/api/v1/ledger?" + MARCH + "&groupBy=tenant,day&after=" + other), 400, "after");
    }

    @Test
    void aLimitOutsideOneTo50000Is400ProblemNamingLimit() {
        for (String limit : new String[] {"0", "50001", "-3", "ten"}) {
            assertProblem(admin.get("/api/v1/ledger?" + MARCH + "&groupBy=tenant&limit=" + limit), 400, "limit");
        }
        assertThat(admin.ledger(MARCH + "&groupBy=tenant&limit=50000").json().path("rows"))
                .hasSize(3);
    }

    /** Follows {@code next} from the first page to the last. */
    private static List<JsonNode> pages(Api api, String query, int limit) {
        List<JsonNode> pages = new ArrayList<>();
        JsonNode page = api.ledger(query + "&limit=" + limit).json();
        pages.add(page);
        while (page.has("next")) {
            assertThat(page.path("rows")).hasSize(limit);
            page = api.ledger(query + "&limit=" + limit + "&after="
                            + page.path("next").asString())
                    .json();
            pages.add(page);
            assertThat(pages).as("pages of %s", query).hasSizeLessThan(50);
        }
        return pages;
    }

    private static List<String> rowsOf(List<JsonNode> pages) {
        List<String> rows = new ArrayList<>();
        pages.forEach(page -> page.path("rows").forEach(row -> rows.add(row.toString())));
        return rows;
    }

    private static List<String> rowsValues(List<JsonNode> pages, String key) {
        List<String> values = new ArrayList<>();
        pages.forEach(page ->
                page.path("rows").forEach(row -> values.add(row.path(key).asString())));
        return values;
    }

    private String viewerOf(String... tenants) {
        String name = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = admin.postJson(
                "/api/v1/users",
                "{\"username\":\"" + name + "\",\"password\":\"viewer-password-1\",\"role\":\"TENANT_VIEWER\","
                        + "\"tenants\":[\"" + String.join("\",\"", tenants) + "\"]}");
        assertThat(created.status()).as(created::toString).isEqualTo(201);
        return name;
    }
}
