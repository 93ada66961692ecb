package io.tokenledger.web.security;

import static io.tokenledger.web.testing.ScopedData.OTHER;
import static io.tokenledger.web.testing.ScopedData.OWN;
import static io.tokenledger.web.testing.ScopedData.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.ScopedData;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API read, found in the running application's request mappings, either refuses a {@code TENANT_VIEWER}
 * (403), answers only about their tenants, or holds no tenant data. An endpoint without a decision in
 * {@link #DECISIONS} fails the first test, naming it: whoever adds an endpoint decides who may read it.
 */
@TokenLedgerServerTest
class TenantScopeApiIT {

    /** What a tenant viewer gets from an endpoint. */
    enum Decision {
        /** 403: configuration, ingestion, or totals over every tenant. */
        REFUSED,
        /** 200 with the viewer's tenants only; {@code ?tenant=} another tenant is 403. */
        SCOPED,
        /** The path names a tenant: another tenant's is 403, the viewer's own is answered. */
        TENANT_IN_PATH,
        /** Holds no tenant data (prices, the API description). */
        NOT_TENANT_DATA
    }

    /**
     * @param path what to call, {@code {tenant}} standing for the tenant in question
     * @param adminSeesOther whether the seeded data puts the other tenant into an admin's answer (so that its
     *     absence from the viewer's answer means something)
     * @param text whether the answer is text that may be searched for the other tenant's key
     * @param tenantParameter whether the endpoint takes {@code ?tenant=}, which must refuse another tenant
     */
    record Check(Decision decision, String path, boolean adminSeesOther, boolean text, boolean tenantParameter) {}

    private static final String PERIOD = YearMonth.now(ZoneOffset.UTC).toString();

    /** Every GET under /api, by its mapping pattern. */
    static final Map<String, Check> DECISIONS = Map.ofEntries(
            Map.entry("/api/v1/ledger", scoped("/api/v1/ledger?groupBy=tenant,deployment,day")),
            Map.entry("/api/v1/tenants", listed("/api/v1/tenants")),
            Map.entry("/api/v1/tenants/{key}", inPath("/api/v1/tenants/{tenant}")),
            Map.entry("/api/v1/tenants/{key}/budget", inPath("/api/v1/tenants/{tenant}/budget")),
            Map.entry("/api/v1/tenants/{key}/usage-events", inPath("/api/v1/tenants/{tenant}/usage-events")),
            Map.entry("/api/v1/budgets", listed("/api/v1/budgets")),
            Map.entry("/api/v1/alerts", scoped("/api/v1/alerts")),
            Map.entry(
                    "/api/v1/periods/{period}/adjustments",
                    new Check(Decision.SCOPED, "/api/v1/periods/" + PERIOD + "/adjustments", false, true, true)),
            Map.entry(
                    "/api/v1/reports/chargeback.xlsx",
                    new Check(Decision.SCOPED, "/api/v1/reports/chargeback.xlsx", true, false, true)),
            Map.entry("/api/v1/reports/chargeback.html", scoped("/api/v1/reports/chargeback.html")),
            Map.entry("/api/v1/rate-cards", open("/api/v1/rate-cards")),
            Map.entry("/api/v1/openapi", open("/api/v1/openapi")),
            Map.entry("/api/v1/openapi.yaml", open("/api/v1/openapi.yaml")),
            Map.entry("/api/v1/alerts/deliveries", refused("/api/v1/alerts/deliveries")),
            Map.entry("/api/v1/alert-channels", refused("/api/v1/alert-channels")),
            Map.entry("/api/v1/dead-letters", refused("/api/v1/dead-letters")),
            Map.entry("/api/v1/ingest/status", refused("/api/v1/ingest/status")),
            Map.entry("/api/v1/ingest-keys", refused("/api/v1/ingest-keys")),
            Map.entry("/api/v1/periods", refused("/api/v1/periods")),
            Map.entry("/api/v1/report-schedules", refused("/api/v1/report-schedules")),
            Map.entry("/api/v1/report-schedules/{id}", refused("/api/v1/report-schedules/1")),
            Map.entry("/api/v1/report-schedules/{id}/runs", refused("/api/v1/report-schedules/1/runs")),
            Map.entry("/api/v1/tenant-mappings", refused("/api/v1/tenant-mappings")),
            Map.entry("/api/v1/tenant-mappings/{id}", refused("/api/v1/tenant-mappings/1")),
            Map.entry("/api/v1/users", refused("/api/v1/users")),
            Map.entry("/api/v1/users/{username}", refused("/api/v1/users/admin")),
            // other teams' endpoints, refused to tenant viewers by SecurityConfiguration's default until their
            // authors scope them
            Map.entry("/api/v1/provisioned", refused("/api/v1/provisioned")),
            Map.entry("/api/v1/provisioned/allocations", refused("/api/v1/provisioned/allocations")),
            Map.entry("/api/v1/chargeback-models", refused("/api/v1/chargeback-models")),
            Map.entry("/api/v1/fx-rates", refused("/api/v1/fx-rates")),
            Map.entry("/api/v1/fx-rates/missing", refused("/api/v1/fx-rates/missing")),
            Map.entry("/api/v1/reconciliation", refused("/api/v1/reconciliation")));

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Api admin;
    private Api viewer;

    @BeforeEach
    void twoTenantsAndAViewerOfOne() {
        admin = Api.asAdmin(port);
        ScopedData.People people = ScopedData.seed(admin);
        viewer = Api.withCredentials(port, people.viewer(), PASSWORD);
    }

    @Test
    void everyApiReadEndpointHasATenantScopeDecision() {
        List<String> undecided = apiReads().stream()
                .filter(pattern -> !DECISIONS.containsKey(pattern))
                .toList();

        assertThat(undecided)
                .as("GET endpoints without a tenant-scope decision: add each to TenantScopeApiIT.DECISIONS (and, if"
                        + " tenant viewers may read it, to SecurityConfiguration.VIEWER_API with the scope passed into"
                        + " its query)")
                .isEmpty();
    }

    @Test
    void everyApiReadEndpointRefusesOrScopesATenantViewer() {
        awaitAlertsOfBothTenants();
        SoftAssertions softly = new SoftAssertions();
        for (String pattern : new TreeSet<>(apiReads())) {
            Check check = DECISIONS.get(pattern);
            if (check == null) {
                continue; // reported by the test above
            }
            switch (check.decision()) {
                case REFUSED -> expectProblem(softly, pattern, viewer.get(check.path()), 403);
                case NOT_TENANT_DATA -> {
                    Reply reply = viewer.get(check.path());
                    softly.assertThat(reply.status())
                            .as(pattern + " lets a tenant viewer through: " + reply)
                            .isNotIn(401, 403)
                            .isLessThan(500);
                }
                case TENANT_IN_PATH -> {
                    expectProblem(softly, pattern, viewer.get(check.path().replace("{tenant}", OTHER)), 403);
                    Reply own = viewer.get(check.path().replace("{tenant}", OWN));
                    softly.assertThat(own.status())
                            .as(pattern + " (own tenant): " + own)
                            .isEqualTo(200);
                }
                case SCOPED -> {
                    if (check.tenantParameter()) {
                        String separator = check.path().contains("?") ? "&" : "?";
                        expectProblem(softly, pattern, viewer.get(check.path() + separator + "tenant=" + OTHER), 403);
                    }
                    Reply own = viewer.get(check.path());
                    softly.assertThat(own.status())
                            .as(pattern + " (viewer): " + own)
                            .isEqualTo(200);
                    if (check.text()) {
                        softly.assertThat(own.body()).as(pattern + " (viewer)").doesNotContain(OTHER);
                    }
                    if (check.adminSeesOther() && check.text()) {
                        Reply all = admin.get(check.path());
                        softly.assertThat(all.body())
                                .as(pattern + " (admin, to show the test data reaches this endpoint)")
                                .contains(OTHER)
                                .contains(OWN);
                        softly.assertThat(own.body()).as(pattern + " (viewer)").contains(OWN);
                    }
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void financeReadsEveryTenantButNotUsersOrKeys() {
        Api finance = Api.withCredentials(port, ScopedData.seed(admin).finance(), PASSWORD);

        assertThat(finance.get("/api/v1/ledger?groupBy=tenant").body())
                .contains(OWN)
                .contains(OTHER);
        assertThat(finance.get("/api/v1/dead-letters").status()).isEqualTo(200);
        assertThat(finance.get("/api/v1/users").status()).isEqualTo(403);
        assertThat(finance.get("/api/v1/ingest-keys").status()).isEqualTo(403);
        assertThat(finance.postJson("/api/v1/tenants", "{\"key\":\"new\"}").status())
                .isEqualTo(403);
    }

    @Test
    void viewerLedgerTotalsAreTheirTenantsOnly() {
        String own = admin.ledger("groupBy=tenant&tenant=" + OWN)
                .json()
                .path("total")
                .asString();

        assertThat(viewer.ledger("groupBy=day").json().path("total").asString()).isEqualTo(own);
        assertThat(viewer.ledger("groupBy=tenant&tenant=" + OWN)
                        .json()
                        .path("total")
                        .asString())
                .isEqualTo(own);
    }

    /** Alerts fire as usage is ingested; wait until the admin sees both tenants' so the scoped check means something. */
    private void awaitAlertsOfBothTenants() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String alerts = admin.get("/api/v1/alerts").body();
            if (alerts.contains(OWN) && alerts.contains(OTHER)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void expectProblem(SoftAssertions softly, String pattern, Reply reply, int status) {
        softly.assertThat(reply.status()).as(pattern + ": " + reply).isEqualTo(status);
        softly.assertThat(reply.mediaType()).as(pattern + ": " + reply).isEqualTo("application/problem+json");
        softly.assertThat(reply.body()).as(pattern).doesNotContain("\"cost\"");
    }

    /** The patterns of every handler that answers GET under /api. */
    private List<String> apiReads() {
        List<String> patterns = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    patterns.add(pattern);
                }
            }
        }
        return patterns.stream().distinct().sorted().toList();
    }

    /** Scoped, with a {@code tenant} filter. */
    private static Check scoped(String path) {
        return new Check(Decision.SCOPED, path, true, true, true);
    }

    /** Scoped, a list without a tenant filter. */
    private static Check listed(String path) {
        return new Check(Decision.SCOPED, path, true, true, false);
    }

    private static Check inPath(String path) {
        return new Check(Decision.TENANT_IN_PATH, path, true, true, false);
    }

    private static Check refused(String path) {
        return new Check(Decision.REFUSED, path, false, true, false);
    }

    private static Check open(String path) {
        return new Check(Decision.NOT_TENANT_DATA, path, false, true, false);
    }
}
